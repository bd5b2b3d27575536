#include "algogui/treatment/HoldRecord.h"

#include "algogui/treatment/PrescriptionText.h"

namespace algogui {

using algocore::protocols::HoldState;

QString hold_outcome_key(HoldState state) {
    switch (state) {
    case HoldState::Complete: return QStringLiteral("complete");
    case HoldState::OverLimit: return QStringLiteral("over_limit");
    default: return QStringLiteral("stopped");
    }
}

algocore::storage::Hold hold_record(const algocore::protocols::HoldEngine& hold,
                                    const algocore::protocols::Prescription& prescription) {
    const auto& trace = hold.trace();
    const auto& band = hold.config().band;
    algocore::storage::Hold record;
    record.prescription = prescription_json(prescription).toStdString();
    record.band_low_kpa = band.low_kpa;
    record.band_high_kpa = band.high_kpa;
    if (band.has_limit()) record.limit_kpa = band.limit_kpa;
    record.target_hold_s = hold.config().hold_s;
    record.outcome = hold_outcome_key(hold.state()).toStdString();
    // The probe area is what links force to pressure in every sample (kPa = N/cm² × 10).
    for (const auto& sample : trace) {
        if (sample.pressure_kpa > 1.0) {
            record.probe_cm2 = sample.force_n * 10.0 / sample.pressure_kpa;
            break;
        }
    }
    if (!trace.empty()) {
        record.calibration_id = trace.front().calibration_id;
        record.start_t_s = trace.front().t_s;
    }
    const auto m = hold.metrics();
    record.metrics = {m.duration_s, m.time_in_band_s, m.time_in_band_pct, m.mean_kpa,
                      m.median_kpa, m.pti_kpa_s,      m.peak_kpa,         m.cv_pct,
                      m.excursions, m.overshoots};
    for (const auto& step : hold.step_ups()) {
        record.step_ups.push_back({step.t_prompt_s, step.t_s, step.before_kpa, step.after_kpa});
    }
    return record;
}

} // namespace algogui
