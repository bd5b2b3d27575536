#include "SharedKinds.h"

#include <map>
#include <utility>

namespace algocore::sharedstudy {

namespace {

using V = ValueKind;

// References: the referred record's UUID (or a site's key), read on the station.
constexpr const char* kSessionUuid = "(SELECT uuid FROM sessions WHERE id = r.session_id)";
constexpr const char* kSiteKey = "(SELECT key FROM sites WHERE id = r.site_id)";

// The audit row names the corrected record by table and local id; the server knows it by
// UUID. Corrections of a site or an operator carry local ids as values: sent as the site's
// key and the operator's UUID.
constexpr const char* kCorrectedUuid =
    "(CASE r.table_name WHEN 'trials' THEN (SELECT uuid FROM trials WHERE id = r.row_id) "
    "WHEN 'holds' THEN (SELECT uuid FROM holds WHERE id = r.row_id) "
    "WHEN 'sessions' THEN (SELECT uuid FROM sessions WHERE id = r.row_id) "
    "WHEN 'subjects' THEN (SELECT uuid FROM subjects WHERE id = r.row_id) "
    "WHEN 'sites' THEN (SELECT uuid FROM sites WHERE id = r.row_id) END)";
constexpr const char* kOldValue =
    "(CASE r.field WHEN 'site_id' THEN (SELECT key FROM sites WHERE id = r.old_value) "
    "WHEN 'operator_id' THEN (SELECT uuid FROM operators WHERE id = r.old_value) "
    "ELSE r.old_value END)";
constexpr const char* kNewValue =
    "(CASE r.field WHEN 'site_id' THEN (SELECT key FROM sites WHERE id = r.new_value) "
    "WHEN 'operator_id' THEN (SELECT uuid FROM operators WHERE id = r.new_value) "
    "ELSE r.new_value END)";

constexpr const char* kReactionCues =
    "(SELECT json_group_array(json(c)) FROM (SELECT json_object('number', number, 'outcome', "
    "outcome, 'cue_t_s', cue_t_s, 'press_t_s', press_t_s, 'reaction_ms', reaction_ms, 'uuid', "
    "uuid) AS c FROM reaction_cues WHERE test_id = r.id ORDER BY number))";

std::vector<SharedKind> make_kinds() {
    return {
        {"sites",
         {{"key", "r.key", V::Text},
          {"name", "r.name", V::Text},
          {"region", "r.region", V::Text},
          {"landmark", "r.landmark", V::Text},
          {"paired", "r.paired", V::Boolean},
          {"front_x", "r.front_x", V::Real},
          {"front_y", "r.front_y", V::Real},
          {"back_x", "r.back_x", V::Real},
          {"back_y", "r.back_y", V::Real},
          {"dfns", "r.dfns", V::Boolean},
          {"mdc_kpa", "r.mdc_kpa", V::Real}}},
        {"subjects",
         {{"code", "r.code", V::Text},
          {"sex", "r.sex", V::Text},
          {"age_band", "r.age_band", V::Text},
          {"dominant_side", "r.dominant_side", V::Text},
          {"notes", "r.notes", V::Text}}},
        {"operators", {{"name", "r.name", V::Text}, {"role", "r.role", V::Text}}},
        {"sessions",
         {{"subject_uuid", "(SELECT uuid FROM subjects WHERE id = r.subject_id)", V::Text},
          {"operator_uuid", "(SELECT uuid FROM operators WHERE id = r.operator_id)", V::Text},
          {"started_utc", "r.started_utc", V::Text},
          {"device_serial", "r.device_serial", V::Text},
          {"calibration_id", "r.calibration_id", V::Integer},
          {"probe_cm2", "r.probe_cm2", V::Real},
          {"notes", "r.notes", V::Text}}},
        {"expert_templates",
         {{"session_uuid", kSessionUuid, V::Text},
          {"name", "r.name", V::Text},
          {"kind", "r.kind", V::Text},
          {"band_low_kpa", "r.band_low_kpa", V::Real},
          {"band_high_kpa", "r.band_high_kpa", V::Real},
          {"recorded_utc", "r.recorded_utc", V::Text},
          {"duration_s", "r.duration_s", V::Real},
          {"sample_count", "(SELECT sample_count FROM template_traces WHERE template_id = r.id)",
           V::Integer},
          {"samples", "(SELECT samples FROM template_traces WHERE template_id = r.id)", V::Bytes}}},
        {"training_plans",
         {{"session_uuid", kSessionUuid, V::Text},
          {"template_uuid", "(SELECT uuid FROM expert_templates WHERE id = r.template_id)",
           V::Text},
          {"schedule", "r.schedule", V::Text},
          {"started_utc", "r.started_utc", V::Text}}},
        {"trials",
         {{"session_uuid", kSessionUuid, V::Text},
          {"site_key", kSiteKey, V::Text},
          {"side", "r.side", V::Text},
          {"measure", "r.measure", V::Text},
          {"trial_index", "r.trial_index", V::Integer},
          {"ppt_kpa", "r.ppt_kpa", V::Real},
          {"rate_kpa_s", "r.rate_kpa_s", V::Real},
          {"target_rate_kpa_s", "r.target_rate_kpa_s", V::Real},
          {"probe_cm2", "r.probe_cm2", V::Real},
          {"valid", "r.valid", V::Boolean},
          {"counted", "r.counted", V::Boolean},
          {"flags", "r.flags", V::Integer},
          {"outcome", "r.outcome", V::Text},
          {"preset", "r.preset", V::Text},
          {"calibration_id", "r.calibration_id", V::Integer},
          {"in_corridor_pct", "r.in_corridor_pct", V::Real},
          {"ramp_start_t_s", "r.ramp_start_t_s", V::Real},
          {"signal_t_s", "r.signal_t_s", V::Real},
          {"peak_kpa", "r.peak_kpa", V::Real},
          {"rest_s", "r.rest_s", V::Real},
          {"excluded_reason", "r.excluded_reason", V::Text},
          {"rate_at_button_kpa_s", "r.rate_at_button_kpa_s", V::Real},
          {"clock_zero_utc", "r.clock_zero_utc", V::Text},
          {"sample_count", "(SELECT sample_count FROM trial_traces WHERE trial_id = r.id)",
           V::Integer},
          {"samples", "(SELECT samples FROM trial_traces WHERE trial_id = r.id)", V::Bytes}}},
        {"holds",
         {{"session_uuid", kSessionUuid, V::Text},
          {"site_key", kSiteKey, V::Text},
          {"side", "r.side", V::Text},
          {"prescription", "r.prescription", V::Text},
          {"band_low_kpa", "r.band_low_kpa", V::Real},
          {"band_high_kpa", "r.band_high_kpa", V::Real},
          {"limit_kpa", "r.limit_kpa", V::Real},
          {"target_hold_s", "r.target_hold_s", V::Real},
          {"outcome", "r.outcome", V::Text},
          {"probe_cm2", "r.probe_cm2", V::Real},
          {"calibration_id", "r.calibration_id", V::Integer},
          {"start_t_s", "r.start_t_s", V::Real},
          {"duration_s", "r.duration_s", V::Real},
          {"time_in_band_s", "r.time_in_band_s", V::Real},
          {"time_in_band_pct", "r.time_in_band_pct", V::Real},
          {"mean_kpa", "r.mean_kpa", V::Real},
          {"median_kpa", "r.median_kpa", V::Real},
          {"pti_kpa_s", "r.pti_kpa_s", V::Real},
          {"peak_kpa", "r.peak_kpa", V::Real},
          {"cv_pct", "r.cv_pct", V::Real},
          {"excursions", "r.excursions", V::Integer},
          {"overshoots", "r.overshoots", V::Integer},
          {"step_ups", "r.step_ups", V::Text},
          {"pain_rating", "r.pain_rating", V::Integer},
          {"contact_s", "r.contact_s", V::Real},
          {"repetition", "r.repetition", V::Integer},
          {"signal_losses", "r.signal_losses", V::Text},
          {"release_marks", "r.release_marks", V::Text},
          {"sample_count", "(SELECT sample_count FROM hold_traces WHERE hold_id = r.id)",
           V::Integer},
          {"samples", "(SELECT samples FROM hold_traces WHERE hold_id = r.id)", V::Bytes}}},
        {"training_scores",
         {{"session_uuid", kSessionUuid, V::Text},
          {"student_uuid", "(SELECT uuid FROM operators WHERE id = r.student_id)", V::Text},
          {"exercise", "r.exercise", V::Text},
          {"feedback", "r.feedback", V::Text},
          {"blind", "r.blind", V::Boolean},
          {"attempted_utc", "r.attempted_utc", V::Text},
          {"constant_error_kpa", "r.constant_error_kpa", V::Real},
          {"absolute_error_kpa", "r.absolute_error_kpa", V::Real},
          {"variable_error_kpa", "r.variable_error_kpa", V::Real},
          {"time_in_band_pct", "r.time_in_band_pct", V::Real},
          {"template_uuid", "(SELECT uuid FROM expert_templates WHERE id = r.template_id)",
           V::Text},
          {"plan_uuid", "(SELECT uuid FROM training_plans WHERE id = r.plan_id)", V::Text},
          {"attempt", "r.attempt", V::Integer},
          {"samples_compared", "r.samples_compared", V::Integer},
          {"time_in_band_s", "r.time_in_band_s", V::Real}}},
        {"site_mdc",
         {{"site_key", kSiteKey, V::Text},
          {"side", "r.side", V::Text},
          {"mdc_kpa", "r.mdc_kpa", V::Real},
          {"sem_kpa", "r.sem_kpa", V::Real},
          {"icc_form", "r.icc_form", V::Text},
          {"n_subjects", "r.n_subjects", V::Integer},
          {"source", "r.source", V::Text},
          {"computed_utc", "r.computed_utc", V::Text}}},
        // A reaction-time test travels whole: its cues ride along as one JSON array (they
        // never change and are never read without their test).
        {"reaction_tests",
         {{"session_uuid", kSessionUuid, V::Text},
          {"tested_utc", "r.tested_utc", V::Text},
          {"cue_source", "r.cue_source", V::Text},
          {"trials", "r.trials", V::Integer},
          {"practice", "r.practice", V::Integer},
          {"n", "r.n", V::Integer},
          {"median_ms", "r.median_ms", V::Real},
          {"iqr_ms", "r.iqr_ms", V::Real},
          {"anticipations", "r.anticipations", V::Integer},
          {"misses", "r.misses", V::Integer},
          {"lost_cues", "r.lost_cues", V::Integer},
          {"complete", "r.complete", V::Boolean},
          {"timing_uncertainty_ms", "r.timing_uncertainty_ms", V::Real},
          {"timing_note", "r.timing_note", V::Text},
          {"cues", kReactionCues, V::Text}}},
        {"trigger_point_findings",
         {{"session_uuid", kSessionUuid, V::Text},
          {"site_key", kSiteKey, V::Text},
          {"side", "r.side", V::Text},
          {"examined_utc", "r.examined_utc", V::Text},
          {"taut_band", "r.taut_band", V::Text},
          {"tender_spot", "r.tender_spot", V::Text},
          {"local_twitch", "r.local_twitch", V::Text},
          {"jump_sign", "r.jump_sign", V::Text},
          {"familiar_pain", "r.familiar_pain", V::Text},
          {"referral_zone", "r.referral_zone", V::Text}}},
        {"audit_log",
         {{"who", "r.who", V::Text},
          {"when_utc", "r.when_utc", V::Text},
          {"table_name", "r.table_name", V::Text},
          {"row_uuid", kCorrectedUuid, V::Text},
          {"field", "r.field", V::Text},
          {"old_value", kOldValue, V::Text},
          {"new_value", kNewValue, V::Text},
          {"reason", "r.reason", V::Text}}},
    };
}

} // namespace

const std::vector<SharedKind>& shared_kinds() {
    static const std::vector<SharedKind> kinds = make_kinds();
    return kinds;
}

const SharedKind* shared_kind(const std::string& table) {
    for (const SharedKind& kind : shared_kinds())
        if (table == kind.table) return &kind;
    return nullptr;
}

const char* corrected_column(const std::string& table, const std::string& field) {
    // The station's correctable fields (SqliteWriter) with the server's names for them.
    static const std::map<std::pair<std::string, std::string>, const char*> columns = {
        {{"trials", "valid"}, "valid"},
        {{"trials", "counted"}, "counted"},
        {{"trials", "side"}, "side"},
        {{"trials", "site_id"}, "site_key"},
        {{"trials", "excluded_reason"}, "excluded_reason"},
        {{"holds", "pain_rating"}, "pain_rating"},
        {{"holds", "side"}, "side"},
        {{"holds", "site_id"}, "site_key"},
        {{"sessions", "notes"}, "notes"},
        {{"sessions", "operator_id"}, "operator_uuid"},
        {{"sessions", "device_serial"}, "device_serial"},
        {{"sessions", "calibration_id"}, "calibration_id"},
        {{"sessions", "probe_cm2"}, "probe_cm2"},
        {{"subjects", "sex"}, "sex"},
        {{"subjects", "age_band"}, "age_band"},
        {{"subjects", "dominant_side"}, "dominant_side"},
        {{"subjects", "notes"}, "notes"},
        {{"sites", "mdc_kpa"}, "mdc_kpa"},
        {{"sites", "landmark"}, "landmark"},
    };
    const auto found = columns.find({table, field});
    return found == columns.end() ? nullptr : found->second;
}

} // namespace algocore::sharedstudy
