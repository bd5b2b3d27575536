#include "algocore/export/HoldJson.h"

namespace algocore::exporting {

using nlohmann::json;

json hold_json(const records::Hold& h, const std::string& site_key) {
    const records::HoldMetrics& m = h.metrics;
    json steps = json::array();
    for (const records::StepUpRecord& s : h.step_ups)
        steps.push_back({{"t_prompt_s", s.t_prompt_s},
                         {"t_s", s.t_s},
                         {"before_kpa", s.before_kpa},
                         {"after_kpa", s.after_kpa}});
    json losses = nullptr;
    if (m.signal_losses) {
        losses = json::array();
        for (const records::SignalLossRecord& loss : *m.signal_losses)
            losses.push_back({{"at_s", loss.at_s}, {"lost_s", loss.lost_s}});
    }
    // Null (not an empty list) for a hold recorded before marks were stored.
    const json marks = h.release_marks ? json(h.release_marks->marks_s) : json(nullptr);
    const json detections = h.release_marks ? json(h.release_marks->detections_s) : json(nullptr);
    // A prescription that is not JSON (never written so) is kept as its text.
    const json prescription = json::parse(h.prescription, nullptr, false);
    return {{"hold_id", h.id},
            {"session_id", h.session_id},
            {"site_id", h.site_id},
            {"site", site_key},
            {"side", records::to_letter(h.side)},
            {"repetition", h.repetition},
            {"prescription", prescription.is_discarded() ? json(h.prescription) : prescription},
            {"band_low_kpa", h.band_low_kpa},
            {"band_high_kpa", h.band_high_kpa},
            {"limit_kpa", h.limit_kpa ? json(*h.limit_kpa) : json(nullptr)},
            {"target_hold_s", h.target_hold_s},
            {"outcome", h.outcome},
            {"probe_cm2", h.probe_cm2},
            {"calibration_id", h.calibration_id},
            {"start_t_s", h.start_t_s},
            {"duration_s", m.duration_s},
            {"contact_s", m.contact_s},
            {"time_in_band_s", m.time_in_band_s},
            {"time_in_band_pct", m.time_in_band_pct},
            {"mean_kpa", m.mean_kpa},
            {"median_kpa", m.median_kpa},
            {"pti_kpa_s", m.pti_kpa_s},
            {"peak_kpa", m.peak_kpa},
            {"cv_pct", m.cv_pct},
            {"excursions", m.excursions},
            {"overshoots", m.overshoots},
            {"step_ups", steps},
            {"pain_rating", h.pain_rating_0_10 ? json(*h.pain_rating_0_10) : json(nullptr)},
            {"signal_lost_s", m.signal_losses ? json(m.signal_lost_s()) : json(nullptr)},
            {"signal_losses", losses},
            {"release_marks_s", marks},
            {"release_detections_s", detections}};
}

} // namespace algocore::exporting
