#include "algocore/history/HistoryJson.h"
#include "algoinput/JsonText.h"

#include <nlohmann/json.hpp>

#include "algocore/export/FindingsJson.h"
#include "algocore/export/HoldJson.h"

namespace algocore::history {

using nlohmann::json;

namespace {

// Each verdict names the MDC it was judged against, so a script reading one change alone
// still knows whether the lab's MDC or the built-in default decided it.
json change_json(const std::optional<protocols::ThresholdChange>& c, const MdcValue& mdc) {
    if (!c) return nullptr;
    return {{"from_kpa", c->previous_kpa},     {"to_kpa", c->current_kpa},
            {"change_kpa", c->change_kpa},     {"change_pct", c->change_pct},
            {"mdc_kpa", c->mdc_kpa},           {"mdc_source", to_string(mdc.origin)},
            {"mdc_provenance", c->mdc_source}, {"verdict", protocols::to_string(c->verdict)}};
}

json optional(const std::optional<double>& v) {
    return v ? json(*v) : json(nullptr);
}

json visit_json(const PointVisit& v, const MdcValue& mdc) {
    json trials = json::array();
    for (const TrialValue& t : v.trials)
        trials.push_back({{"trial_id", t.trial_id},
                          {"trial", t.index},
                          {"ppt_kpa", t.ppt_kpa},
                          {"valid", t.valid},
                          {"counted", t.counted},
                          {"excluded_reason",
                           t.excluded_reason.empty() ? json(nullptr) : json(t.excluded_reason)},
                          {"rate_at_button_kpa_s", optional(t.rate_at_button_kpa_s)},
                          {"ppt_rt_adjusted_kpa", optional(t.ppt_rt_adjusted_kpa)}});
    json out = {{"session_id", v.session_id},
                {"date", v.session_started_utc},
                {"n", v.n},
                {"mean_kpa", v.n > 0 ? json(v.mean_kpa) : json(nullptr)},
                {"sd_kpa", v.n > 1 ? json(v.sd_kpa) : json(nullptr)},
                {"cv_pct", v.n > 1 ? json(v.cv_pct) : json(nullptr)},
                {"vs_previous", change_json(v.vs_previous, mdc)},
                {"vs_first", change_json(v.vs_first, mdc)},
                {"trials", trials}};
    if (v.sides)
        out["left_right"] = {{"left_kpa", v.sides->left_kpa},
                             {"right_kpa", v.sides->right_kpa},
                             {"difference_kpa", v.sides->difference_kpa},
                             {"difference_pct", v.sides->difference_pct},
                             {"lower_side", std::string(1, v.sides->lower_side)}};
    return out;
}

} // namespace

void write_history_json(const SubjectHistory& history, std::ostream& out) {
    json doc;
    doc["format"] = "algoscope-history";
    // 2: holds in the one hold shape (export/HoldJson.h); 3: each session's reaction time and
    // each trial's rate at the button and RT-adjusted estimate; 4: each point's trigger-point
    // findings per visit in the one findings shape (export/FindingsJson.h)
    doc["format_version"] = 4;
    doc["subject"] = history.subject().code;
    json& sessions = doc["sessions"] = json::array();
    for (const SessionEntry& s : history.sessions())
        sessions.push_back({{"session_id", s.session.id},
                            {"date", s.session.started_utc},
                            {"operator", s.operator_name},
                            {"device_serial", s.session.device_serial},
                            {"trials", s.trials},
                            {"counted_trials", s.counted_trials},
                            {"points", s.points},
                            {"holds", s.holds},
                            {"reaction_time_ms", optional(s.reaction_time_ms)},
                            {"notes", s.session.notes}});
    json& points = doc["points"] = json::array();
    for (const PointSeries& p : history.points()) {
        json visits = json::array();
        for (const PointVisit& v : p.visits)
            visits.push_back(visit_json(v, p.mdc));
        points.push_back({{"site", p.site.key},
                          {"site_name", p.site.name},
                          {"side", records::to_letter(p.side)},
                          {"measure", records::to_string(p.measure)},
                          {"mdc_kpa", p.mdc.mdc_kpa},
                          {"mdc_source", to_string(p.mdc.origin)},
                          {"mdc_provenance", p.mdc.provenance},
                          {"sessions", visits}});
    }
    json& holds = doc["holds"] = json::array();
    for (const HoldEntry& e : history.holds())
        holds.push_back(exporting::hold_json(e.hold, e.site.key));
    json& findings = doc["findings"] = json::array();
    for (const FindingsEntry& e : history.findings())
        findings.push_back(exporting::findings_json(e.findings, e.site.key));
    out << algoinput::json_text(doc, 2) << "\n";
}

} // namespace algocore::history
