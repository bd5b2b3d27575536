// algoscope-cli subjects set: corrects a stored subject's details (sex, age band, dominant
// side), one audited correction per detail that changes: the old value stays in the audit log
// with who, when and why. Goes through algocore's Corrections, as the GUI's subject form does.
// `subjects --server URL` and `subjects merge` are the shared study's (SharedSubjects.cpp).
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "Correcting.h"
#include "Measuring.h"
#include "SharedSubjects.h"
#include "algoargs/Arguments.h"
#include "algoinput/JsonText.h"

namespace {

using namespace algocore;

struct SubjectCorrection {
    std::string db;
    std::string code;
    std::optional<std::string> sex;
    std::optional<std::string> age_band;
    std::optional<std::string> dominant_side;
    std::string reason;
    std::string by;
};

// An empty value clears a detail ("not recorded").
std::optional<std::string> recorded(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return text;
}

nlohmann::json text_or_null(const std::optional<std::string>& text) {
    return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

void run(const SubjectCorrection& o) {
    if (!o.sex && !o.age_band && !o.dominant_side)
        throw cli_measuring::Failure{cli_correcting::kExitRefused,
                                     "give at least one of --sex, --age-band, --dominant-side"};
    session::Workbench wb;
    cli_correcting::open_existing(wb, o.db);
    const auto subject = wb.storage()->find_subject(o.code);
    if (!subject)
        throw cli_measuring::Failure{cli_correcting::kExitRefused,
                                     "no subject with the code " + cli_measuring::quoted(o.code) +
                                         " in " + o.db};
    session::SubjectDetails wanted = session::SubjectDetails::of(*subject);
    if (o.sex) wanted.sex = recorded(*o.sex);
    if (o.age_band) wanted.age_band = recorded(*o.age_band);
    if (o.dominant_side) {
        records::BodySide side{};
        if (o.dominant_side->empty())
            wanted.dominant_side.reset();
        else if (records::parse_side(*o.dominant_side, side))
            wanted.dominant_side = side;
        else
            throw cli_measuring::Failure{cli_correcting::kExitRefused,
                                         "--dominant-side must be L or R (or empty), not " +
                                             cli_measuring::quoted(*o.dominant_side)};
    }
    const std::string who = cli_correcting::corrector(o.by);
    cli_correcting::wait_stored(
        wb, wb.corrections().set_subject_details(*subject, wanted, who, o.reason));
    std::cout << algoinput::json_text(nlohmann::json{
                     {"subject", subject->code},
                     {"sex", text_or_null(wanted.sex)},
                     {"age_band", text_or_null(wanted.age_band)},
                     {"dominant_side", wanted.dominant_side ? nlohmann::json(records::to_letter(
                                                                  *wanted.dominant_side))
                                                            : nlohmann::json(nullptr)},
                     {"by", who}})
              << std::endl;
}

} // namespace

void register_subjects_command(CLI::App& app) {
    CLI::App* subjects = app.add_subcommand(
        "subjects", "Correct stored subjects (audited; nothing is deleted); with --server, the "
                    "shared study's subjects: code, station, clash (same code made on two "
                    "stations); exit 2 refused, 3 server unreachable");
    subjects->require_subcommand(0, 1);
    auto o = std::make_shared<SubjectCorrection>();
    CLI::App* set = subjects->add_subcommand(
        "set", "Correct a subject's details; an empty value clears one (exit 2 refused, 4 not "
               "stored)");
    set->add_option("--db", o->db, "The database")->required();
    set->add_option("code", o->code, "The subject's code")->required();
    set->add_option("--sex", o->sex, "female, male or other");
    set->add_option("--age-band", o->age_band, "18-29, 30-39, 40-49, 50-59, 60-69 or 70+");
    set->add_option("--dominant-side", o->dominant_side, "L or R");
    set->add_option("--reason", o->reason, "Why (default: details corrected)");
    set->add_option("--by", o->by, "Who makes the correction (default: the login name)")
        ->check(cli_args::printable_name());
    set->callback([o] { cli_measuring::run_guarded("subjects set", [&] { run(*o); }); });
    cli_shared_subjects::add_to(*subjects);
}
