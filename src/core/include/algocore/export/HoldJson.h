#pragma once
// One JSON shape for a stored hold, written by this one function wherever a hold leaves
// Algoscope as JSON: `algoscope-cli hold --json` (one line per hold), `algoscope-cli history
// --json` and the JSON export. Field names match holds.csv; pressures kPa, times s.
#include <nlohmann/json.hpp>
#include <string>

#include "algocore/records/Records.h"

namespace algocore::exporting {

/// The hold as JSON: hold_id, session_id, site_id, site (its key), side, repetition,
/// prescription, band_low_kpa, band_high_kpa, limit_kpa, target_hold_s, outcome, probe_cm2,
/// calibration_id, start_t_s, duration_s, contact_s, time_in_band_s, time_in_band_pct,
/// mean_kpa, median_kpa, pti_kpa_s, peak_kpa, cv_pct, excursions, overshoots, step_ups (each
/// with t_prompt_s, t_s, before_kpa, after_kpa), pain_rating, signal_lost_s and
/// signal_losses (each at_s, lost_s; both null for a hold recorded before losses were
/// measured: its figures bridge any loss), release_marks_s and release_detections_s (the
/// therapist's "release felt" marks and the detector's prompts, seconds from start_t_s; both
/// null for a hold recorded before they were stored).
nlohmann::json hold_json(const records::Hold& hold, const std::string& site_key);

} // namespace algocore::exporting
