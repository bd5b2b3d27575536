// algoscope-cli findings: trigger-point findings per point and visit. `findings set` records
// what the therapist found at a point (taut band, tender spot, local twitch response, jump
// sign, reproduces the familiar pain) and the referred-pain zone as named body-map regions;
// `findings list` prints a subject's findings, one line per point and visit. Without --session
// the findings join the subject's visit of today (Recorder::join_todays_session). The record is
// built by algocore's Recorder, as the GUI's findings panel does; the class (active, latent)
// is protocols::classify's, printed beside the findings and never stored.
#include <CLI/CLI.hpp>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "Measuring.h"
#include "algoargs/Arguments.h"
#include "algocore/export/FindingsJson.h"
#include "algocore/protocols/BodyRegions.h"
#include "algocore/protocols/TriggerPointCriteria.h"
#include "algoinput/JsonText.h"

namespace {

using namespace algocore;
using cli_measuring::Failure;
using cli_measuring::kExitBadArgument;
using cli_measuring::quoted;

struct SetOptions {
    cli_measuring::Common common;
    std::optional<records::RecordId> session;
    std::map<std::string, std::string> findings; ///< finding key -> yes / no / not-examined
    std::vector<std::string> zone;
    bool json = true; ///< the output is always one JSON line (--json is accepted)
};

struct ListOptions {
    std::string db;
    std::string subject;
    bool json = false;
};

protocols::Finding parse_answer(const std::string& option, const std::string& text) {
    if (text == "yes") return protocols::Finding::Present;
    if (text == "no") return protocols::Finding::Absent;
    if (text == "not-examined") return protocols::Finding::NotExamined;
    throw Failure{kExitBadArgument,
                  "--" + option + " must be yes, no or not-examined, not " + quoted(text)};
}

std::string dashed(const char* key) {
    std::string out = key;
    for (char& c : out)
        if (c == '_') c = '-';
    return out;
}

std::string known_regions() {
    std::string out;
    for (const protocols::BodyRegion& r : protocols::body_regions())
        out += (out.empty() ? "" : ", ") + std::string(r.key);
    return out;
}

// "temple:L", or "temple" for the region on the point's own side.
records::RegionRef parse_zone_region(const std::string& text, records::BodySide point_side) {
    records::RegionRef region;
    if (protocols::parse_region(text, region)) return region;
    if (protocols::find_region(text)) {
        if (point_side == records::BodySide::Midline)
            throw Failure{kExitBadArgument, "--zone " + quoted(text) +
                                                " needs a side for a midline point: " + text +
                                                ":L or " + text + ":R"};
        return {text, point_side};
    }
    throw Failure{kExitBadArgument,
                  "unknown body-map region " + quoted(text) +
                      " in --zone (REGION or REGION:L / REGION:R); regions: " + known_regions()};
}

void run_set(const SetOptions& o) {
    cli_measuring::check_common(o.common, true);
    records::BodySide side{};
    records::parse_side(o.common.side, side);
    records::TriggerPointExam exam;
    for (const protocols::FindingField& field : protocols::finding_fields()) {
        const auto given = o.findings.find(field.key);
        if (given != o.findings.end())
            exam.*field.member = parse_answer(dashed(field.key), given->second);
    }
    for (const std::string& text : o.zone)
        exam.referral.push_back(parse_zone_region(text, side));

    session::Workbench wb;
    const records::Site site = cli_measuring::prepare(wb, o.common, "therapist", true);
    auto& recorder = wb.visit();
    // The visit is the one asked for, else the subject's visit of today (the session its hold
    // or thresholds were stored in today), else a new one.
    if (o.session) {
        if (std::string problem = recorder.continue_session(*o.session); !problem.empty())
            throw Failure{kExitBadArgument, problem};
    } else {
        recorder.join_todays_session();
    }
    const storage::Enqueued stored = recorder.record_findings({site.id, side}, exam);
    if (stored.ticket == 0) throw Failure{kExitBadArgument, recorder.last_problem()};
    if (!wb.storage()->wait_committed(stored.ticket, std::chrono::seconds(10)))
        cli_measuring::fail_not_stored(wb, "the findings were not committed");
    records::TriggerPointFindings findings = recorder.build_findings({site.id, side}, exam);
    for (const auto& f : wb.storage()->findings_of(recorder.session_id()))
        if (f.id == stored.id) findings = f;
    nlohmann::json line = exporting::findings_json(findings, site.key);
    line["subject"] = recorder.visit()->subject_code;
    cli_measuring::close_or_fail(wb);
    std::cout << algoinput::json_text(line) << std::endl;
}

void run_list(const ListOptions& o) {
    session::Workbench wb;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(o.db, ec))
        throw Failure{kExitBadArgument, "no database at " + quoted(o.db)};
    if (std::string problem = wb.open_database(o.db, false); !problem.empty())
        throw Failure{cli_measuring::kExitNotStored, problem};
    const auto history = wb.storage()->history_of(o.subject);
    if (!history)
        throw Failure{kExitBadArgument,
                      "no subject with the code " + quoted(o.subject) + " in " + o.db};
    std::map<records::RecordId, std::string> site_keys;
    for (const records::Site& s : history->sites)
        site_keys[s.id] = s.key;
    std::map<records::RecordId, std::string> dates;
    for (const records::Session& s : history->sessions)
        dates[s.id] = s.started_utc;
    for (const records::TriggerPointFindings& f : history->findings) {
        nlohmann::json line = exporting::findings_json(f, site_keys[f.site_id]);
        line["subject"] = history->subject.code;
        line["date"] = dates[f.session_id];
        if (o.json) {
            std::cout << algoinput::json_text(line) << "\n";
            continue;
        }
        std::cout << dates[f.session_id] << "  " << site_keys[f.site_id] << " "
                  << records::to_letter(f.side) << "  "
                  << protocols::to_words(protocols::classify(f.exam)) << "  referral: "
                  << (f.exam.referral.empty() ? std::string("none")
                                              : protocols::zone_words(f.exam.referral))
                  << "\n";
    }
    std::cout.flush();
}

} // namespace

void register_findings_command(CLI::App& app) {
    CLI::App* findings = app.add_subcommand(
        "findings", "Trigger-point findings per point and visit: taut band, tender spot, local "
                    "twitch response, jump sign, reproduces the familiar pain, and the "
                    "referred-pain zone as body-map regions (docs/trigger-points.md)");
    findings->require_subcommand(1);

    auto s = std::make_shared<SetOptions>();
    CLI::App* set = findings->add_subcommand(
        "set", "Record a point's findings in a visit; a finding not given is 'not examined' "
               "(exit 2 refused, 4 not stored). Prints one JSON line with the class");
    set->add_option("--db", s->common.db, "Database file (created if missing)")->required();
    set->add_option("--subject", s->common.subject, "Pseudonymous subject code")->required();
    set->add_option("--operator", s->common.operator_name, "Who examines");
    set->add_option("--site", s->common.site, "Site key or name (upper_trapezius, ...)")
        ->required();
    set->add_option("--side", s->common.side, "L, R (or M for midline sites; default L)");
    set->add_option("--session", s->session,
                    "Add to this stored session of the subject (session_id in history --json); "
                    "default: the subject's session of today (by this --operator, when given), "
                    "else a new visit")
        ->check(cli_args::positive_count(1L << 53));
    for (const protocols::FindingField& field : protocols::finding_fields()) {
        const std::string key = field.key;
        set->add_option_function<std::string>(
            "--" + dashed(field.key), [s, key](const std::string& v) { s->findings[key] = v; },
            std::string(field.words) + ": yes, no or not-examined");
    }
    set->add_option("--zone", s->zone,
                    "A region of the referred-pain zone (repeat): REGION:L, REGION:R, or REGION "
                    "on the point's side (forehead, temple, shoulder_blade, ...)");
    set->add_flag("--json", s->json, "Print JSON (always on)");
    set->callback([s] { cli_measuring::run_guarded("findings set", [&] { run_set(*s); }); });

    auto l = std::make_shared<ListOptions>();
    CLI::App* list = findings->add_subcommand(
        "list", "A subject's findings, one line per point and visit, oldest visit first");
    list->add_option("--db", l->db, "The database")->required();
    list->add_option("--subject", l->subject, "Pseudonymous subject code")->required();
    list->add_flag("--json", l->json, "One JSON object per line (the findings set shape)");
    list->callback([l] { cli_measuring::run_guarded("findings list", [&] { run_list(*l); }); });
}
