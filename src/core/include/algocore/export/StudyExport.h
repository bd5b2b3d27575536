#pragma once
// Export for researchers: tidy long CSV (one row per trial), a per-site summary CSV, holds
// CSV, raw traces as one CSV per trial or hold, and JSON with everything.
#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "algocore/FileMode.h"
#include "algocore/records/Records.h"
#include "algocore/records/StudyData.h"

namespace algocore::exporting {

/// Loads a trace by record id (trial or hold); nullopt when there is none.
using TraceLoader = std::function<std::optional<records::RawTrace>(records::RecordId)>;

/// One row per trial: subject, session, date, operator, site, side, measure, trial, ppt_kpa,
/// rate_kpa_s, probe_cm2, valid, flags, calibration_id, outcome, counted, in_corridor_pct,
/// trial_id, preset, target_rate_kpa_s, ramp_start_t_s, signal_t_s, peak_kpa, rest_s,
/// excluded_reason (counted is 0 for an excluded trial), rate_at_button_kpa_s (the last second
/// before the button), reaction_time_ms (the subject's, that the session is adjusted with) and
/// ppt_rt_adjusted_kpa (an estimate beside the threshold, never in its place; empty without a
/// reaction time or a rate at the button: docs/reaction-time.md), clock_zero_utc (when the
/// trial's session clock read 0) and ramp_start_utc (when its ramp started), both ISO 8601 UTC
/// to the millisecond and empty for a trial without an anchor (none is made up),
/// presses_while_loaded_recorded (0 for a trial recorded before schema 12) and
/// presses_while_loaded ("t_s:pressure_kpa;...": the patient's presses while the trial waited
/// for the loaded probe to lift).
void write_trials_csv(const records::StudyData& data, std::ostream& out);
/// One row per subject: subject (code), sex, age_band, dominant_side (L, R or M), as entered
/// or corrected; empty when not recorded.
void write_subjects_csv(const records::StudyData& data, std::ostream& out);
/// One row per reaction-time test: subject, session, date, test_id, tested_utc, cue_source
/// (device or host), trials, practice, n, median_ms, iqr_ms, anticipations, misses, lost_cues,
/// complete, timing_uncertainty_ms, timing_note.
void write_reaction_tests_csv(const records::StudyData& data, std::ostream& out);
/// One row per point (site and side) and visit with trigger-point findings, the newest of
/// the visit: subject, session, date, operator, site, side, findings_id, examined_utc,
/// taut_band, tender_spot, local_twitch_response, jump_sign, familiar_pain ("present",
/// "absent" or "not_examined"), classification (protocols::classify: "active", "latent",
/// "criteria_not_met", "not_classified"), referral_regions (count), referral_share_pct (of the
/// body map), referral_zone (region codes "temple:L jaw:L") and referral_zone_words
/// ("temple (L); jaw (L)").
void write_findings_csv(const records::StudyData& data, std::ostream& out);
/// One row per session, site, side and measure over counted trials.
void write_site_summary_csv(const std::vector<records::SiteSummary>& summaries, std::ostream& out);
/// One row per hold with its prescription and dose metrics, and its time without signal:
/// signal_lost_s and signal_losses ("at_s:lost_s;...", seconds from the hold's first sample;
/// the duration includes them, in band, mean and PTI do not). Both are empty for a hold
/// recorded before losses were measured.
void write_holds_csv(const records::StudyData& data, std::ostream& out);
/// One row per scored training attempt (errors in kPa, time in band).
void write_training_scores_csv(const records::StudyData& data, std::ostream& out);
/// One row per stored MDC of the lab's own: site, side (L, R, M or both), mdc_kpa, sem_kpa,
/// icc_form, n_subjects, source, computed_utc, mdc_id; oldest first.
void write_site_mdc_csv(const records::StudyData& data, std::ostream& out);
/// A raw trace: t_s, raw_counts, force_n, pressure_kpa, patient_button, operator_button, flags.
void write_trace_csv(const records::RawTrace& trace, std::ostream& out);
/// Everything as one JSON document (traces included when loaders are given, each as compact
/// delta-coded integer columns: see docs/export-format.md).
void write_study_json(const records::StudyData& data,
                      const std::vector<records::SiteSummary>& summaries, std::ostream& out,
                      const TraceLoader& trial_traces = {}, const TraceLoader& hold_traces = {});

/// Result of writing an export to disk.
struct ExportResult {
    bool ok = false;
    std::string error;
    std::vector<std::string> files; ///< written, relative to the output directory
};

/// CSV export into a directory: subjects.csv, trials.csv, site_summary.csv, holds.csv,
/// training_scores.csv, site_mdc.csv, reaction_tests.csv, findings.csv, traces/trial_<id>.csv,
/// traces/hold_<id>.csv (ids zero-padded to one width, at least 6 digits, so the files sort in id
/// order). Files get `file_mode` (owner-only by default: they hold health data); folders it creates
/// get the matching folder mode.
ExportResult export_csv_directory(const records::StudyData& data,
                                  const std::vector<records::SiteSummary>& summaries,
                                  const std::string& directory, const TraceLoader& trial_traces,
                                  const TraceLoader& hold_traces,
                                  unsigned file_mode = kOwnerOnlyFileMode);

} // namespace algocore::exporting
