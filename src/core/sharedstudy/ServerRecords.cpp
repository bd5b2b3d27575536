#include "ServerRecords.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "algocore/protocols/ThresholdSeries.h"
#include "algocore/protocols/TriggerPointCriteria.h"
#include "algocore/sharedstudy/SubjectRegistry.h"
#include "algocore/storage/NameRule.h"
#include "algocore/storage/SiteLibrary.h"
#include "algocore/storage/TraceBlob.h"

namespace algocore::sharedstudy {

using namespace storage;

namespace {

// Custom sites get ids above the built-in library's.
constexpr RecordId kCustomSiteIds = 1000000;

ServerRows query(ServerConnection& server, const std::string& sql,
                 const std::vector<ServerParam>& params = {}) {
    ServerReply r = server.exec(sql, params);
    if (!r.ok()) throw ServerReadError("reading the shared study failed: " + r.error.message);
    return std::move(r.rows);
}

std::optional<std::string> text_or_null(const ServerRows& r, int row, int column) {
    if (r.is_null(row, column)) return std::nullopt;
    return r.text(row, column);
}

std::optional<double> real_or_null(const ServerRows& r, int row, int column) {
    if (r.is_null(row, column)) return std::nullopt;
    return r.real(row, column);
}

BodySide side_of(const std::string& letter) {
    BodySide side = BodySide::Left;
    parse_side(letter, side);
    return side;
}

// "{a,b,c}": a PostgreSQL array literal of UUIDs (never user text).
std::string uuid_array(const std::vector<std::string>& uuids) {
    std::string out = "{";
    for (std::size_t i = 0; i < uuids.size(); ++i)
        out += (i ? "," : "") + uuids[i];
    return out + "}";
}

template <typename Map> RecordId id_in(const Map& map, const std::string& key) {
    const auto found = map.find(key);
    return found == map.end() ? kNoRecord : found->second;
}

constexpr const char* kSessionColumns =
    "SELECT id, subject_uuid::text, COALESCE(operator_uuid::text, ''), started_utc, "
    "device_serial, calibration_id, probe_cm2, notes, uuid::text FROM algoscope.sessions ";

constexpr const char* kTrialColumns =
    "SELECT t.id, s.id, t.site_key, t.side, t.measure, t.trial_index, t.ppt_kpa, t.rate_kpa_s, "
    "t.target_rate_kpa_s, t.probe_cm2, t.valid, (t.counted AND t.excluded_reason IS NULL), "
    "t.flags, t.outcome, t.preset, t.calibration_id, t.in_corridor_pct, t.ramp_start_t_s, "
    "t.signal_t_s, t.peak_kpa, t.rest_s, t.uuid::text, COALESCE(t.excluded_reason, ''), "
    "t.rate_at_button_kpa_s, t.clock_zero_utc FROM "
    "algoscope.trials t JOIN algoscope.sessions s ON s.uuid = t.session_uuid ";

constexpr const char* kHoldColumns =
    "SELECT h.id, s.id, h.site_key, h.side, h.prescription, h.band_low_kpa, h.band_high_kpa, "
    "h.limit_kpa, h.target_hold_s, h.outcome, h.probe_cm2, h.calibration_id, h.start_t_s, "
    "h.duration_s, h.time_in_band_s, h.time_in_band_pct, h.mean_kpa, h.median_kpa, "
    "h.pti_kpa_s, h.peak_kpa, h.cv_pct, h.excursions, h.overshoots, h.step_ups, h.pain_rating, "
    "h.contact_s, h.repetition, h.uuid::text, h.signal_losses, h.release_marks "
    "FROM algoscope.holds h "
    "JOIN algoscope.sessions s ON s.uuid = h.session_uuid ";

Session session_at(const ServerRows& r, int i, const StudyIndex& index) {
    Session s;
    s.id = r.integer(i, 0);
    s.subject_id = id_in(index.subject_by_uuid, r.text(i, 1));
    s.operator_id = id_in(index.operator_by_uuid, r.text(i, 2));
    s.started_utc = r.text(i, 3);
    s.device_serial = r.text(i, 4);
    s.calibration_id = static_cast<CalibrationId>(r.integer(i, 5));
    s.probe_cm2 = r.real(i, 6);
    s.notes = r.text(i, 7);
    s.uuid = r.text(i, 8);
    return s;
}

Trial trial_at(const ServerRows& r, int i, const StudyIndex& index) {
    Trial t;
    t.id = r.integer(i, 0);
    t.session_id = r.integer(i, 1);
    t.site_id = id_in(index.site_by_key, r.text(i, 2));
    t.side = side_of(r.text(i, 3));
    parse_measure(r.text(i, 4), t.measure);
    t.index = static_cast<int>(r.integer(i, 5));
    t.ppt_kpa = r.real(i, 6);
    t.rate_kpa_s = r.real(i, 7);
    t.target_rate_kpa_s = r.real(i, 8);
    t.probe_cm2 = r.real(i, 9);
    t.valid = r.boolean(i, 10);
    t.counted = r.boolean(i, 11);
    t.flags = static_cast<std::uint32_t>(r.integer(i, 12));
    t.outcome = r.text(i, 13);
    t.preset = r.text(i, 14);
    t.calibration_id = static_cast<CalibrationId>(r.integer(i, 15));
    t.in_corridor_pct = r.real(i, 16);
    t.ramp_start_t_s = r.real(i, 17);
    t.signal_t_s = r.real(i, 18);
    t.peak_kpa = r.real(i, 19);
    t.rest_s = real_or_null(r, i, 20);
    t.uuid = r.text(i, 21);
    t.excluded_reason = r.text(i, 22);
    t.rate_at_button_kpa_s = real_or_null(r, i, 23);
    t.clock_zero_utc = text_or_null(r, i, 24).value_or(std::string());
    return t;
}

constexpr const char* kReactionTestColumns =
    "SELECT r.id, s.id, r.tested_utc, r.cue_source, r.trials, r.practice, r.n, r.median_ms, "
    "r.iqr_ms, r.anticipations, r.misses, r.lost_cues, r.complete, r.timing_uncertainty_ms, "
    "r.timing_note, r.uuid::text, r.cues::text FROM algoscope.reaction_tests r "
    "JOIN algoscope.sessions s ON s.uuid = r.session_uuid ";

std::optional<double> number_or_null(const nlohmann::json& cue, const char* key) {
    const auto found = cue.find(key);
    if (found == cue.end() || !found->is_number()) return std::nullopt;
    return found->get<double>();
}

// A test as its station stored it; its cues only when asked (the history reads none).
ReactionTest reaction_test_at(const ServerRows& r, int i, bool with_cues) {
    ReactionTest t;
    t.id = r.integer(i, 0);
    t.session_id = r.integer(i, 1);
    t.tested_utc = r.text(i, 2);
    t.cue_source = r.text(i, 3);
    t.trials = static_cast<int>(r.integer(i, 4));
    t.practice = static_cast<int>(r.integer(i, 5));
    t.n = static_cast<int>(r.integer(i, 6));
    t.median_ms = real_or_null(r, i, 7);
    t.iqr_ms = real_or_null(r, i, 8);
    t.anticipations = static_cast<int>(r.integer(i, 9));
    t.misses = static_cast<int>(r.integer(i, 10));
    t.lost_cues = static_cast<int>(r.integer(i, 11));
    t.complete = r.boolean(i, 12);
    t.timing_uncertainty_ms = r.real(i, 13);
    t.timing_note = r.text(i, 14);
    t.uuid = r.text(i, 15);
    if (!with_cues) return t;
    const auto cues = nlohmann::json::parse(r.text(i, 16), nullptr, false);
    if (cues.is_array())
        for (const auto& c : cues) {
            if (!c.is_object()) continue;
            ReactionCueRecord cue;
            cue.number = c.value("number", 0);
            cue.outcome = c.value("outcome", std::string());
            cue.cue_t_s = number_or_null(c, "cue_t_s");
            cue.press_t_s = number_or_null(c, "press_t_s");
            cue.reaction_ms = number_or_null(c, "reaction_ms");
            cue.uuid = c.value("uuid", std::string());
            t.cues.push_back(cue);
        }
    return t;
}

// The findings in force: the newest a station pushed for a session, site and side (a session
// is one station's, so its sequence orders them).
constexpr const char* kFindingsColumns =
    "SELECT f.id, s.id, f.site_key, f.side, f.examined_utc, f.taut_band, f.tender_spot, "
    "f.local_twitch, f.jump_sign, f.familiar_pain, f.referral_zone, f.uuid::text "
    "FROM algoscope.trigger_point_findings f JOIN algoscope.sessions s ON s.uuid = f.session_uuid "
    "AND f.id IN (SELECT DISTINCT ON (session_uuid, site_key, side) id "
    "FROM algoscope.trigger_point_findings ORDER BY session_uuid, site_key, side, seq DESC) ";

TriggerPointFindings findings_at(const ServerRows& r, int i, const StudyIndex& index) {
    TriggerPointFindings f;
    f.id = r.integer(i, 0);
    f.session_id = r.integer(i, 1);
    f.site_id = id_in(index.site_by_key, r.text(i, 2));
    parse_side(r.text(i, 3), f.side);
    f.examined_utc = r.text(i, 4);
    int column = 5;
    for (const protocols::FindingField& field : protocols::finding_fields())
        protocols::parse_finding(r.text(i, column++), f.exam.*field.member);
    protocols::parse_zone(r.text(i, 10), f.exam.referral);
    f.uuid = r.text(i, 11);
    return f;
}

Hold hold_at(const ServerRows& r, int i, const StudyIndex& index) {
    Hold h;
    h.id = r.integer(i, 0);
    h.session_id = r.integer(i, 1);
    h.site_id = id_in(index.site_by_key, r.text(i, 2));
    h.side = side_of(r.text(i, 3));
    h.prescription = r.text(i, 4);
    h.band_low_kpa = r.real(i, 5);
    h.band_high_kpa = r.real(i, 6);
    h.limit_kpa = real_or_null(r, i, 7);
    h.target_hold_s = r.real(i, 8);
    h.outcome = r.text(i, 9);
    h.probe_cm2 = r.real(i, 10);
    h.calibration_id = static_cast<CalibrationId>(r.integer(i, 11));
    h.start_t_s = r.real(i, 12);
    HoldMetrics& m = h.metrics;
    m.duration_s = r.real(i, 13);
    m.time_in_band_s = r.real(i, 14);
    m.time_in_band_pct = r.real(i, 15);
    m.mean_kpa = r.real(i, 16);
    m.median_kpa = r.real(i, 17);
    m.pti_kpa_s = r.real(i, 18);
    m.peak_kpa = r.real(i, 19);
    m.cv_pct = r.real(i, 20);
    m.excursions = static_cast<int>(r.integer(i, 21));
    m.overshoots = static_cast<int>(r.integer(i, 22));
    // The step-ups as the station stored them (SqliteWriter's JSON array).
    const auto steps = nlohmann::json::parse(r.text(i, 23), nullptr, false);
    if (steps.is_array())
        for (const auto& s : steps)
            h.step_ups.push_back({s.value("t_prompt_s", 0.0), s.value("t_s", 0.0),
                                  s.value("before_kpa", 0.0), s.value("after_kpa", 0.0)});
    if (!r.is_null(i, 24)) h.pain_rating_0_10 = static_cast<int>(r.integer(i, 24));
    m.contact_s = r.is_null(i, 25) ? 0.0 : r.real(i, 25);
    h.repetition = static_cast<int>(r.integer(i, 26));
    h.uuid = r.text(i, 27);
    if (!r.is_null(i, 28)) m.signal_losses = signal_losses_from_json(r.text(i, 28));
    if (!r.is_null(i, 29)) h.release_marks = release_marks_from_json(r.text(i, 29));
    return h;
}

SiteMdcRecord site_mdc_at(const ServerRows& r, int i) {
    SiteMdcRecord m;
    m.id = r.integer(i, 0);
    m.site_key = r.text(i, 1);
    if (r.text(i, 2) != "both") m.side = side_of(r.text(i, 2));
    m.mdc_kpa = r.real(i, 3);
    m.sem_kpa = r.real(i, 4);
    m.icc_form = r.text(i, 5);
    m.n_subjects = static_cast<int>(r.integer(i, 6));
    m.source = r.text(i, 7);
    m.computed_utc = r.text(i, 8);
    m.uuid = r.text(i, 9);
    return m;
}

constexpr const char* kSiteMdcColumns =
    "SELECT id, site_key, side, mdc_kpa, sem_kpa, icc_form, n_subjects, source, computed_utc, "
    "uuid::text FROM algoscope.site_mdc ";

} // namespace

StudyIndex read_index(ServerConnection& server) {
    StudyIndex index;
    RecordId next_builtin = 1;
    for (Site site : builtin_sites()) {
        site.id = next_builtin++;
        index.site_by_key[site.key] = site.id;
        index.sites.push_back(site);
    }
    const ServerRows custom =
        query(server, "SELECT id, key, name, region, landmark, paired, front_x, front_y, back_x, "
                      "back_y, dfns, mdc_kpa, uuid::text FROM algoscope.sites ORDER BY id");
    for (int i = 0; i < custom.size(); ++i) {
        if (index.site_by_key.count(custom.text(i, 1))) continue; // one site per key
        Site s;
        s.id = kCustomSiteIds + custom.integer(i, 0);
        s.key = custom.text(i, 1);
        s.name = custom.text(i, 2);
        s.region = custom.text(i, 3);
        s.landmark = custom.text(i, 4);
        s.paired = custom.boolean(i, 5);
        if (!custom.is_null(i, 6)) s.front = BodyMapPoint{custom.real(i, 6), custom.real(i, 7)};
        if (!custom.is_null(i, 8)) s.back = BodyMapPoint{custom.real(i, 8), custom.real(i, 9)};
        s.dfns = custom.boolean(i, 10);
        s.mdc_kpa = custom.real(i, 11);
        s.uuid = custom.text(i, 12);
        index.site_by_key[s.key] = s.id;
        index.sites.push_back(s);
    }

    const ServerRows subjects =
        query(server, "SELECT s.id, s.uuid::text, s.code, s.sex, s.age_band, s.dominant_side, "
                      "s.notes, m.kept_uuid::text FROM algoscope.subjects s "
                      "LEFT JOIN algoscope.subject_merges m ON m.merged_uuid = s.uuid "
                      "ORDER BY s.id");
    std::vector<SharedSubject> registry;
    std::map<std::string, Subject> by_uuid;
    for (int i = 0; i < subjects.size(); ++i) {
        Subject s;
        s.id = subjects.integer(i, 0);
        s.uuid = subjects.text(i, 1);
        s.code = subjects.text(i, 2);
        s.sex = text_or_null(subjects, i, 3);
        s.age_band = text_or_null(subjects, i, 4);
        if (const auto side = text_or_null(subjects, i, 5)) s.dominant_side = side_of(*side);
        s.notes = subjects.text(i, 6);
        SharedSubject entry;
        entry.uuid = s.uuid;
        entry.code = s.code;
        entry.merged_into = text_or_null(subjects, i, 7);
        registry.push_back(entry);
        by_uuid[s.uuid] = s;
    }
    for (const SharedSubject& entry : registry) {
        const std::string root = merge_root(registry, entry.uuid);
        const Subject& kept = by_uuid.at(root);
        index.subject_by_uuid[entry.uuid] = kept.id;
        index.members[root].push_back(entry.uuid);
        if (root == entry.uuid) {
            index.subjects.push_back(kept);
            index.root_uuid[kept.id] = root;
        }
        auto& roots = index.roots_by_code[entry.code];
        if (std::find(roots.begin(), roots.end(), root) == roots.end()) roots.push_back(root);
    }

    // One operator per name: the same person examines at several stations.
    const ServerRows operators =
        query(server, "SELECT id, uuid::text, name, role FROM algoscope.operators ORDER BY id");
    std::map<std::string, RecordId> by_name;
    for (int i = 0; i < operators.size(); ++i) {
        const std::string name = operators.text(i, 2);
        auto [it, added] = by_name.emplace(name, operators.integer(i, 0));
        if (added)
            index.operators.push_back(
                {it->second, name, operators.text(i, 3), operators.text(i, 1)});
        index.operator_by_uuid[operators.text(i, 1)] = it->second;
    }
    return index;
}

std::vector<ReactionTest> read_reaction_tests(ServerConnection& server, RecordId session_id) {
    const ServerRows tests = query(
        server, std::string(kReactionTestColumns) + "WHERE s.id = $1 ORDER BY r.tested_utc, r.id",
        {ServerParam::integer(session_id)});
    std::vector<ReactionTest> out;
    for (int i = 0; i < tests.size(); ++i)
        out.push_back(reaction_test_at(tests, i, true));
    return out;
}

StudyData read_study(ServerConnection& server, const StudyIndex& index) {
    StudyData study;
    study.subjects = index.subjects;
    study.operators = index.operators;
    study.sites = index.sites;
    const ServerRows sessions = query(server, std::string(kSessionColumns) + "ORDER BY id");
    for (int i = 0; i < sessions.size(); ++i)
        study.sessions.push_back(session_at(sessions, i, index));
    const ServerRows trials = query(server, std::string(kTrialColumns) + "ORDER BY t.id");
    for (int i = 0; i < trials.size(); ++i)
        study.trials.push_back(trial_at(trials, i, index));
    protocols::apply_threshold_rule(study.trials); // as a database file reads them
    const ServerRows holds = query(server, std::string(kHoldColumns) + "ORDER BY h.id");
    for (int i = 0; i < holds.size(); ++i)
        study.holds.push_back(hold_at(holds, i, index));
    const ServerRows tests = query(server, std::string(kReactionTestColumns) + "ORDER BY r.id");
    for (int i = 0; i < tests.size(); ++i)
        study.reaction_tests.push_back(reaction_test_at(tests, i, true));
    const ServerRows findings =
        query(server, std::string(kFindingsColumns) + "ORDER BY s.id, f.site_key, f.side");
    for (int i = 0; i < findings.size(); ++i)
        study.findings.push_back(findings_at(findings, i, index));

    std::map<std::string, RecordId> template_by_uuid;
    const ServerRows templates = query(
        server, "SELECT t.id, s.id, t.name, t.kind, t.band_low_kpa, t.band_high_kpa, "
                "t.recorded_utc, t.duration_s, t.uuid::text FROM algoscope.expert_templates t "
                "JOIN algoscope.sessions s ON s.uuid = t.session_uuid ORDER BY t.id");
    for (int i = 0; i < templates.size(); ++i) {
        ExpertTemplate t;
        t.id = templates.integer(i, 0);
        t.session_id = templates.integer(i, 1);
        t.name = templates.text(i, 2);
        t.kind = templates.text(i, 3);
        t.band_low_kpa = real_or_null(templates, i, 4);
        t.band_high_kpa = real_or_null(templates, i, 5);
        t.recorded_utc = templates.text(i, 6);
        t.duration_s = templates.real(i, 7);
        t.uuid = templates.text(i, 8);
        template_by_uuid[t.uuid] = t.id;
        study.templates.push_back(t);
    }
    std::map<std::string, RecordId> plan_by_uuid;
    const ServerRows plans =
        query(server, "SELECT p.id, s.id, p.template_uuid::text, p.schedule, p.started_utc, "
                      "p.uuid::text FROM algoscope.training_plans p "
                      "JOIN algoscope.sessions s ON s.uuid = p.session_uuid ORDER BY p.id");
    for (int i = 0; i < plans.size(); ++i) {
        TrainingPlan p;
        p.id = plans.integer(i, 0);
        p.session_id = plans.integer(i, 1);
        p.template_id = id_in(template_by_uuid, plans.text(i, 2));
        p.schedule = plans.text(i, 3);
        p.started_utc = plans.text(i, 4);
        p.uuid = plans.text(i, 5);
        plan_by_uuid[p.uuid] = p.id;
        study.training_plans.push_back(p);
    }
    const ServerRows scores =
        query(server, "SELECT c.id, s.id, c.student_uuid::text, c.exercise, c.feedback, c.blind, "
                      "c.attempted_utc, c.constant_error_kpa, c.absolute_error_kpa, "
                      "c.variable_error_kpa, c.time_in_band_pct, c.template_uuid::text, "
                      "c.plan_uuid::text, c.attempt, c.samples_compared, c.time_in_band_s, "
                      "c.uuid::text FROM algoscope.training_scores c "
                      "LEFT JOIN algoscope.sessions s ON s.uuid = c.session_uuid ORDER BY c.id");
    for (int i = 0; i < scores.size(); ++i) {
        TrainingScore c;
        c.id = scores.integer(i, 0);
        c.session_id = scores.is_null(i, 1) ? kNoRecord : scores.integer(i, 1);
        c.student_id = id_in(index.operator_by_uuid, scores.text(i, 2));
        c.exercise = scores.text(i, 3);
        c.feedback = scores.text(i, 4);
        c.blind = scores.boolean(i, 5);
        c.attempted_utc = scores.text(i, 6);
        c.constant_error_kpa = scores.real(i, 7);
        c.absolute_error_kpa = scores.real(i, 8);
        c.variable_error_kpa = scores.real(i, 9);
        c.time_in_band_pct = scores.real(i, 10);
        if (!scores.is_null(i, 11)) c.template_id = id_in(template_by_uuid, scores.text(i, 11));
        if (!scores.is_null(i, 12)) c.plan_id = id_in(plan_by_uuid, scores.text(i, 12));
        if (!scores.is_null(i, 13)) c.attempt = static_cast<int>(scores.integer(i, 13));
        c.samples_compared = scores.is_null(i, 14) ? 0 : static_cast<int>(scores.integer(i, 14));
        c.time_in_band_s = scores.is_null(i, 15) ? 0.0 : scores.real(i, 15);
        c.uuid = scores.text(i, 16);
        study.training_scores.push_back(c);
    }
    const ServerRows audit = query(
        server, "SELECT a.id, a.who, a.when_utc, a.table_name, a.field, "
                "COALESCE(a.old_value, ''), COALESCE(a.new_value, ''), a.reason, a.uuid::text, "
                "COALESCE((SELECT x.id FROM algoscope.trials x WHERE x.uuid = a.row_uuid), "
                "(SELECT x.id FROM algoscope.holds x WHERE x.uuid = a.row_uuid), "
                "(SELECT x.id FROM algoscope.sessions x WHERE x.uuid = a.row_uuid), "
                "(SELECT x.id FROM algoscope.subjects x WHERE x.uuid = a.row_uuid), 0) "
                "FROM algoscope.audit_log a ORDER BY a.id");
    for (int i = 0; i < audit.size(); ++i) {
        AuditEntry a;
        a.id = audit.integer(i, 0);
        a.who = audit.text(i, 1);
        a.when_utc = audit.text(i, 2);
        a.table = audit.text(i, 3);
        a.field = audit.text(i, 4);
        a.old_value = audit.text(i, 5);
        a.new_value = audit.text(i, 6);
        a.reason = audit.text(i, 7);
        a.uuid = audit.text(i, 8);
        a.row_id = audit.integer(i, 9);
        study.audit_log.push_back(a);
    }
    const ServerRows mdc = query(server, std::string(kSiteMdcColumns) + "ORDER BY id");
    for (int i = 0; i < mdc.size(); ++i)
        study.site_mdc.push_back(site_mdc_at(mdc, i));
    return study;
}

std::optional<SubjectRecords> read_history(ServerConnection& server, const StudyIndex& index,
                                           const std::string& code) {
    auto roots = index.roots_by_code.find(code);
    // Codes are one without regard to case (storage/NameRule.h): the exact spelling first,
    // else the one spelling that differs only in case.
    if (roots == index.roots_by_code.end())
        for (auto other = index.roots_by_code.begin(); other != index.roots_by_code.end(); ++other)
            if (storage::same_subject_code(other->first, code)) {
                roots = other;
                break;
            }
    if (roots == index.roots_by_code.end()) return std::nullopt;
    if (roots->second.size() > 1)
        throw ServerReadError(std::to_string(roots->second.size()) +
                              " subjects of the shared study have the code '" + code +
                              "' (made on different stations): if they are one person, merge "
                              "them with algoscope-cli subjects merge (algoscope-cli subjects "
                              "--server ADDRESS lists them)");
    const std::string& root = roots->second.front();
    SubjectRecords out;
    for (const Subject& s : index.subjects)
        if (s.uuid == root) out.subject = s;
    const std::string members = uuid_array(index.members.at(root));
    const ServerRows sessions =
        query(server,
              std::string(kSessionColumns) +
                  "WHERE subject_uuid = ANY($1::uuid[]) ORDER BY started_utc, id",
              {ServerParam::text(members)});
    std::set<RecordId> operators;
    for (int i = 0; i < sessions.size(); ++i) {
        out.sessions.push_back(session_at(sessions, i, index));
        if (out.sessions.back().operator_id != kNoRecord)
            operators.insert(out.sessions.back().operator_id);
    }
    for (const Operator& o : index.operators)
        if (operators.count(o.id)) out.operators.push_back(o);
    const std::string of_subject =
        "WHERE s.subject_uuid = ANY($1::uuid[]) ORDER BY s.started_utc, s.id, ";
    const ServerRows trials = query(server, std::string(kTrialColumns) + of_subject + "t.id",
                                    {ServerParam::text(members)});
    std::set<std::string> keys;
    for (int i = 0; i < trials.size(); ++i) {
        out.trials.push_back(trial_at(trials, i, index));
        keys.insert(trials.text(i, 2));
    }
    protocols::apply_threshold_rule(out.trials);
    const ServerRows holds = query(server, std::string(kHoldColumns) + of_subject + "h.id",
                                   {ServerParam::text(members)});
    for (int i = 0; i < holds.size(); ++i)
        out.holds.push_back(hold_at(holds, i, index));
    const ServerRows tests =
        query(server, std::string(kReactionTestColumns) + of_subject + "r.tested_utc, r.id",
              {ServerParam::text(members)});
    for (int i = 0; i < tests.size(); ++i)
        out.reaction_tests.push_back(reaction_test_at(tests, i, false));
    const ServerRows findings =
        query(server, std::string(kFindingsColumns) + of_subject + "f.site_key, f.side",
              {ServerParam::text(members)});
    for (int i = 0; i < findings.size(); ++i)
        out.findings.push_back(findings_at(findings, i, index));
    out.sites = index.sites;
    // The lab's own MDC at the subject's sites: the newest row of each site and stored side,
    // whichever station saved it.
    const ServerRows mdc = query(server, std::string(kSiteMdcColumns) +
                                             "ORDER BY site_key, side, computed_utc DESC, id DESC");
    for (int i = 0; i < mdc.size(); ++i) {
        SiteMdcRecord m = site_mdc_at(mdc, i);
        if (!keys.count(m.site_key)) continue;
        if (!out.site_mdc.empty() && out.site_mdc.back().site_key == m.site_key &&
            out.site_mdc.back().side == m.side)
            continue;
        out.site_mdc.push_back(m);
    }
    return out;
}

std::optional<RawTrace> read_trace(ServerConnection& server, const char* table, RecordId id) {
    const ServerRows r = query(server,
                               std::string("SELECT samples FROM algoscope.") + table +
                                   " WHERE id = $1 AND samples IS NOT NULL",
                               {ServerParam::integer(id)});
    if (r.size() == 0) return std::nullopt;
    const std::vector<std::uint8_t> blob = r.bytes(0, 0);
    RawTrace trace;
    std::string error;
    if (!decode_trace(blob.data(), blob.size(), trace, error))
        throw ServerReadError(std::string("the trace of ") + table + " " + std::to_string(id) +
                              " on the server is damaged: " + error);
    return trace;
}

} // namespace algocore::sharedstudy
