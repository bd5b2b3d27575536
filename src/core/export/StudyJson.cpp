// JSON with everything: every record with its ids, the summaries and (optionally) traces.
// Field names match the CSV headers so one data dictionary describes both.
#include <nlohmann/json.hpp>

#include "algocore/export/FindingsJson.h"
#include "algocore/export/HoldJson.h"
#include "algocore/export/StudyExport.h"
#include "algocore/export/TraceJson.h"
#include "algocore/export/TrialTiming.h"
#include "algocore/protocols/PptTrialResult.h"
#include "algoinput/JsonText.h"

namespace algocore::exporting {

using nlohmann::json;

namespace {

json optional_text(const std::optional<std::string>& v) {
    return v ? json(*v) : json(nullptr);
}

json optional(const std::optional<double>& v) {
    return v ? json(*v) : json(nullptr);
}

json point(const std::optional<records::BodyMapPoint>& p) {
    if (!p) return nullptr;
    return {{"x", p->x}, {"y", p->y}};
}

// Traces are placed in the document as markers and swapped for their compact one-line JSON
// after the indented dump, so a trace is never spread one number per line.
std::string trace_marker(std::size_t index) {
    return "@@algoscope-trace-" + std::to_string(index) + "@@";
}

} // namespace

void write_study_json(const records::StudyData& data,
                      const std::vector<records::SiteSummary>& summaries, std::ostream& out,
                      const TraceLoader& trial_traces, const TraceLoader& hold_traces) {
    json doc;
    doc["format"] = "algoscope-export";
    // 2: traces as compact delta-coded columns; 3: holds in the one hold shape (HoldJson.h);
    // 4: each trial's rate at the button and RT-adjusted estimate, the reaction-time tests;
    // 5: each trial's session-clock anchor and ramp start on the wall clock (UTC) and each point's
    // trigger-point findings; 6: each trial's presses while loaded (as trials.csv has them)
    doc["format_version"] = 6;
    std::vector<std::string> traces;
    const auto add_trace = [&traces](const records::RawTrace& trace) {
        traces.push_back(compact_trace_json(trace));
        return trace_marker(traces.size() - 1);
    };
    json& subjects = doc["subjects"] = json::array();
    for (const auto& s : data.subjects) {
        subjects.push_back(
            {{"id", s.id},
             {"code", s.code},
             {"sex", optional_text(s.sex)},
             {"age_band", optional_text(s.age_band)},
             {"dominant_side",
              s.dominant_side ? json(records::to_letter(*s.dominant_side)) : json(nullptr)},
             {"notes", s.notes}});
    }
    json& operators = doc["operators"] = json::array();
    for (const auto& o : data.operators) {
        operators.push_back({{"id", o.id}, {"name", o.name}, {"role", o.role}});
    }
    json& sessions = doc["sessions"] = json::array();
    for (const auto& s : data.sessions) {
        sessions.push_back({{"id", s.id},
                            {"subject_id", s.subject_id},
                            {"operator_id", s.operator_id},
                            {"started_utc", s.started_utc},
                            {"device_serial", s.device_serial},
                            {"calibration_id", s.calibration_id},
                            {"probe_cm2", s.probe_cm2},
                            {"notes", s.notes}});
    }
    json& sites = doc["sites"] = json::array();
    for (const auto& s : data.sites) {
        sites.push_back({{"id", s.id},
                         {"key", s.key},
                         {"name", s.name},
                         {"region", s.region},
                         {"landmark", s.landmark},
                         {"paired", s.paired},
                         {"front", point(s.front)},
                         {"back", point(s.back)},
                         {"dfns", s.dfns},
                         {"mdc_kpa", s.mdc_kpa},
                         {"builtin", s.builtin}});
    }
    json& trials = doc["trials"] = json::array();
    for (const auto& t : data.trials) {
        json row = {{"id", t.id},
                    {"session_id", t.session_id},
                    {"site_id", t.site_id},
                    {"side", records::to_letter(t.side)},
                    {"measure", records::to_string(t.measure)},
                    {"trial", t.index},
                    {"ppt_kpa", t.ppt_kpa},
                    {"rate_kpa_s", t.rate_kpa_s},
                    {"target_rate_kpa_s", t.target_rate_kpa_s},
                    {"probe_cm2", t.probe_cm2},
                    {"valid", t.valid},
                    {"counted", t.counted},
                    {"excluded_reason",
                     t.excluded_reason.empty() ? json(nullptr) : json(t.excluded_reason)},
                    {"flags", protocols::flags_to_string(t.flags)},
                    {"outcome", t.outcome},
                    {"preset", t.preset},
                    {"calibration_id", t.calibration_id},
                    {"in_corridor_pct", t.in_corridor_pct},
                    {"ramp_start_t_s", t.ramp_start_t_s},
                    {"signal_t_s", t.signal_t_s},
                    {"peak_kpa", t.peak_kpa}};
        const TrialTiming timing = trial_timing(data, t);
        row["rate_at_button_kpa_s"] = optional(timing.rate_at_button_kpa_s);
        row["reaction_time_ms"] = optional(timing.reaction_time_ms);
        row["ppt_rt_adjusted_kpa"] = optional(timing.ppt_rt_adjusted_kpa);
        row["clock_zero_utc"] = t.clock_zero_utc.empty() ? json(nullptr) : json(t.clock_zero_utc);
        row["ramp_start_utc"] = optional_text(timing.ramp_start_utc);
        // The presses in their one stored shape (records::presses_while_loaded_json); null for
        // a trial recorded before schema 12, when they were not kept, [] when there were none.
        row["presses_while_loaded"] =
            t.presses_while_loaded
                ? json::parse(records::presses_while_loaded_json(*t.presses_while_loaded))
                : json(nullptr);
        if (trial_traces) {
            if (const auto trace = trial_traces(t.id)) row["trace"] = add_trace(*trace);
        }
        trials.push_back(std::move(row));
    }
    json& holds = doc["holds"] = json::array();
    for (const auto& h : data.holds) {
        const records::Site* site = data.site(h.site_id);
        json row = hold_json(h, site ? site->key : std::string());
        if (hold_traces) {
            if (const auto trace = hold_traces(h.id)) row["trace"] = add_trace(*trace);
        }
        holds.push_back(std::move(row));
    }
    json& tests = doc["reaction_tests"] = json::array();
    for (const auto& r : data.reaction_tests) {
        json cues = json::array();
        for (const auto& c : r.cues)
            cues.push_back({{"number", c.number},
                            {"outcome", c.outcome},
                            {"cue_t_s", optional(c.cue_t_s)},
                            {"press_t_s", optional(c.press_t_s)},
                            {"reaction_ms", optional(c.reaction_ms)}});
        tests.push_back({{"id", r.id},
                         {"session_id", r.session_id},
                         {"tested_utc", r.tested_utc},
                         {"cue_source", r.cue_source},
                         {"trials", r.trials},
                         {"practice", r.practice},
                         {"n", r.n},
                         {"median_ms", optional(r.median_ms)},
                         {"iqr_ms", optional(r.iqr_ms)},
                         {"anticipations", r.anticipations},
                         {"misses", r.misses},
                         {"lost_cues", r.lost_cues},
                         {"complete", r.complete},
                         {"timing_uncertainty_ms", r.timing_uncertainty_ms},
                         {"timing_note", r.timing_note},
                         {"cues", cues}});
    }
    // Each point's trigger-point findings in each visit, in the shape findings set prints.
    json& findings = doc["findings"] = json::array();
    for (const auto& f : data.findings) {
        const records::Site* site = data.site(f.site_id);
        findings.push_back(findings_json(f, site ? site->key : std::string()));
    }
    json& scores = doc["training_scores"] = json::array();
    for (const auto& s : data.training_scores) {
        scores.push_back({{"id", s.id},
                          {"session_id", s.session_id},
                          {"student_id", s.student_id},
                          {"exercise", s.exercise},
                          {"feedback", s.feedback},
                          {"blind", s.blind},
                          {"attempted_utc", s.attempted_utc},
                          {"constant_error_kpa", s.constant_error_kpa},
                          {"absolute_error_kpa", s.absolute_error_kpa},
                          {"variable_error_kpa", s.variable_error_kpa},
                          {"time_in_band_pct", s.time_in_band_pct}});
    }
    json& summary = doc["site_summaries"] = json::array();
    for (const auto& s : summaries) {
        summary.push_back({{"subject", s.subject_code},
                           {"session_id", s.session_id},
                           {"date", s.session_started_utc},
                           {"site", s.site_key},
                           {"side", records::to_letter(s.side)},
                           {"measure", records::to_string(s.measure)},
                           {"n", s.n},
                           {"n_all", s.n_all},
                           {"mean_kpa", s.mean_kpa},
                           {"sd_kpa", s.sd_kpa},
                           {"cv_pct", s.cv_pct},
                           {"min_kpa", s.min_kpa},
                           {"max_kpa", s.max_kpa}});
    }
    json& site_mdc = doc["site_mdc"] = json::array();
    for (const auto& m : data.site_mdc) {
        site_mdc.push_back({{"id", m.id},
                            {"site", m.site_key},
                            {"side", m.side ? json(records::to_letter(*m.side)) : json("both")},
                            {"mdc_kpa", m.mdc_kpa},
                            {"sem_kpa", m.sem_kpa},
                            {"icc_form", m.icc_form},
                            {"n_subjects", m.n_subjects},
                            {"source", m.source},
                            {"computed_utc", m.computed_utc}});
    }
    json& audit = doc["audit_log"] = json::array();
    for (const auto& a : data.audit_log) {
        audit.push_back({{"id", a.id},
                         {"who", a.who},
                         {"when_utc", a.when_utc},
                         {"table", a.table},
                         {"row_id", a.row_id},
                         {"field", a.field},
                         {"old_value", a.old_value},
                         {"new_value", a.new_value},
                         {"reason", a.reason}});
    }
    // Keys are dumped in name order, so the markers come in any order: each names its trace.
    const std::string text = algoinput::json_text(doc, 2);
    const std::string open = "\"" + trace_marker(0).substr(0, 18);
    std::size_t from = 0;
    for (std::size_t at = text.find(open); at != std::string::npos; at = text.find(open, from)) {
        const std::size_t close = text.find("@@\"", at + open.size());
        if (close == std::string::npos) break;
        const std::size_t index =
            std::stoul(text.substr(at + open.size(), close - at - open.size()));
        out.write(text.data() + from, static_cast<std::streamsize>(at - from));
        out << (index < traces.size() ? traces[index] : std::string("null"));
        from = close + 3;
    }
    out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
    out << "\n";
}

} // namespace algocore::exporting
