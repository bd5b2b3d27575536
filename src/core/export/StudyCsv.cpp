// Tidy long CSV: one row per observation, one column per variable, so R/pandas read it
// without reshaping. Flags are names, not bit masks, so the file explains itself.
#include <string>

#include "algocore/export/CsvWriter.h"
#include "algocore/export/StudyExport.h"
#include "algocore/export/TrialTiming.h"
#include "algocore/protocols/PptTrialResult.h"
#include "algocore/protocols/TriggerPointCriteria.h"

namespace algocore::exporting {

using records::StudyData;

namespace {
std::string num(double v, int decimals = 3) {
    return format_number(v, decimals);
}
std::string yes_no(bool b) {
    return b ? "1" : "0";
}

struct Context {
    std::string subject, session_date, operator_name, site_key;
};

Context context_of(const StudyData& data, records::RecordId session_id, records::RecordId site_id) {
    Context c;
    if (const auto* session = data.session(session_id)) {
        c.session_date = session->started_utc;
        if (const auto* subject = data.subject(session->subject_id)) c.subject = subject->code;
        if (const auto* op = data.operator_by_id(session->operator_id)) c.operator_name = op->name;
    }
    if (const auto* site = data.site(site_id)) c.site_key = site->key;
    return c;
}
// "20.000:10.250;70.500:1.500": each loss's start (s from the hold's first sample) and length.
std::string losses_text(const records::HoldMetrics& m) {
    std::string out;
    if (m.signal_losses)
        for (const auto& loss : *m.signal_losses)
            out += (out.empty() ? "" : ";") + num(loss.at_s) + ":" + num(loss.lost_s);
    return out;
}
// "12.5;30": seconds from the hold's start, in order; empty when there are none or (see the
// caller) when the hold was recorded before marks were stored.
std::string seconds_text(const std::vector<double>& times_s) {
    std::string out;
    for (const double t_s : times_s)
        out += (out.empty() ? "" : ";") + num(t_s);
    return out;
}
// "3.5:73;4.1:70.5": each press's time (session clock, s) and pressure.
std::string presses_text(const std::vector<records::PressWhileLoadedRecord>& presses) {
    std::string out;
    for (const auto& press : presses)
        out += (out.empty() ? "" : ";") + num(press.t_s) + ":" + num(press.pressure_kpa);
    return out;
}
} // namespace

void write_subjects_csv(const StudyData& data, std::ostream& out) {
    CsvWriter csv(out);
    csv.row({"subject", "sex", "age_band", "dominant_side"});
    for (const auto& s : data.subjects)
        csv.row({s.code, s.sex.value_or(""), s.age_band.value_or(""),
                 s.dominant_side ? records::to_letter(*s.dominant_side) : ""});
}

void write_trials_csv(const StudyData& data, std::ostream& out) {
    CsvWriter csv(out);
    csv.row({"subject",
             "session",
             "date",
             "operator",
             "site",
             "side",
             "measure",
             "trial",
             "ppt_kpa",
             "rate_kpa_s",
             "probe_cm2",
             "valid",
             "flags",
             "calibration_id",
             "outcome",
             "counted",
             "in_corridor_pct",
             "trial_id",
             "preset",
             "target_rate_kpa_s",
             "ramp_start_t_s",
             "signal_t_s",
             "peak_kpa",
             "rest_s",
             "excluded_reason",
             "rate_at_button_kpa_s",
             "reaction_time_ms",
             "ppt_rt_adjusted_kpa",
             "clock_zero_utc",
             "ramp_start_utc",
             "presses_while_loaded_recorded",
             "presses_while_loaded"});
    const auto optional_num = [](const std::optional<double>& v) { return v ? num(*v) : ""; };
    for (const auto& t : data.trials) {
        const Context c = context_of(data, t.session_id, t.site_id);
        const TrialTiming timing = trial_timing(data, t);
        csv.row({c.subject, std::to_string(t.session_id), c.session_date, c.operator_name,
                 c.site_key, records::to_letter(t.side), records::to_string(t.measure),
                 std::to_string(t.index), num(t.ppt_kpa), num(t.rate_kpa_s), num(t.probe_cm2),
                 yes_no(t.valid), protocols::flags_to_string(t.flags),
                 std::to_string(t.calibration_id), t.outcome, yes_no(t.counted),
                 num(t.in_corridor_pct, 2), std::to_string(t.id), t.preset,
                 num(t.target_rate_kpa_s), num(t.ramp_start_t_s, 4), num(t.signal_t_s, 4),
                 num(t.peak_kpa), t.rest_s ? num(*t.rest_s, 2) : "", t.excluded_reason,
                 optional_num(timing.rate_at_button_kpa_s), optional_num(timing.reaction_time_ms),
                 optional_num(timing.ppt_rt_adjusted_kpa), t.clock_zero_utc,
                 timing.ramp_start_utc.value_or(""),
                 // Empty both when there were none and when the trial was recorded before
                 // they were kept (schema 12); presses_while_loaded_recorded tells them apart.
                 yes_no(t.presses_while_loaded.has_value()),
                 t.presses_while_loaded ? presses_text(*t.presses_while_loaded) : ""});
    }
}

void write_reaction_tests_csv(const StudyData& data, std::ostream& out) {
    CsvWriter csv(out);
    csv.row({"subject", "session", "date", "test_id", "tested_utc", "cue_source", "trials",
             "practice", "n", "median_ms", "iqr_ms", "anticipations", "misses", "lost_cues",
             "complete", "timing_uncertainty_ms", "timing_note"});
    const auto optional_num = [](const std::optional<double>& v) { return v ? num(*v, 1) : ""; };
    for (const auto& r : data.reaction_tests) {
        const Context c = context_of(data, r.session_id, records::kNoRecord);
        csv.row({c.subject, std::to_string(r.session_id), c.session_date, std::to_string(r.id),
                 r.tested_utc, r.cue_source, std::to_string(r.trials), std::to_string(r.practice),
                 std::to_string(r.n), optional_num(r.median_ms), optional_num(r.iqr_ms),
                 std::to_string(r.anticipations), std::to_string(r.misses),
                 std::to_string(r.lost_cues), yes_no(r.complete), num(r.timing_uncertainty_ms, 1),
                 r.timing_note});
    }
}

void write_findings_csv(const StudyData& data, std::ostream& out) {
    CsvWriter csv(out);
    std::vector<std::string> header = {"subject", "session", "date",        "operator",
                                       "site",    "side",    "findings_id", "examined_utc"};
    for (const protocols::FindingField& field : protocols::finding_fields())
        header.push_back(field.key);
    for (const char* column : {"classification", "referral_regions", "referral_share_pct",
                               "referral_zone", "referral_zone_words"})
        header.push_back(column);
    csv.row(header);
    for (const auto& f : data.findings) {
        const Context c = context_of(data, f.session_id, f.site_id);
        std::vector<std::string> row = {
            c.subject,  std::to_string(f.session_id), c.session_date,       c.operator_name,
            c.site_key, records::to_letter(f.side),   std::to_string(f.id), f.examined_utc};
        for (const protocols::FindingField& field : protocols::finding_fields())
            row.push_back(protocols::to_string(f.exam.*field.member));
        const auto zone = protocols::ordered_zone(f.exam.referral);
        row.push_back(protocols::to_string(protocols::classify(f.exam)));
        row.push_back(std::to_string(zone.size()));
        row.push_back(num(protocols::zone_share_pct(zone), 2));
        row.push_back(protocols::zone_codes(zone));
        row.push_back(protocols::zone_words(zone));
        csv.row(row);
    }
}

void write_site_summary_csv(const std::vector<records::SiteSummary>& summaries, std::ostream& out) {
    CsvWriter csv(out);
    csv.row({"subject", "session", "date", "site", "side", "measure", "n", "n_all", "mean_kpa",
             "sd_kpa", "cv_pct", "min_kpa", "max_kpa"});
    for (const auto& s : summaries) {
        csv.row({s.subject_code, std::to_string(s.session_id), s.session_started_utc, s.site_key,
                 records::to_letter(s.side), records::to_string(s.measure), std::to_string(s.n),
                 std::to_string(s.n_all), num(s.mean_kpa), num(s.sd_kpa), num(s.cv_pct, 2),
                 num(s.min_kpa), num(s.max_kpa)});
    }
}

void write_holds_csv(const StudyData& data, std::ostream& out) {
    CsvWriter csv(out);
    csv.row({"subject",
             "session",
             "date",
             "operator",
             "site",
             "side",
             "hold",
             "prescription",
             "band_low_kpa",
             "band_high_kpa",
             "limit_kpa",
             "target_hold_s",
             "outcome",
             "duration_s",
             "time_in_band_s",
             "time_in_band_pct",
             "mean_kpa",
             "median_kpa",
             "pti_kpa_s",
             "peak_kpa",
             "cv_pct",
             "excursions",
             "overshoots",
             "step_ups",
             "pain_rating",
             "probe_cm2",
             "calibration_id",
             "signal_lost_s",
             "signal_losses",
             "release_marks_recorded",
             "release_marks_s",
             "release_detections_s"});
    for (const auto& h : data.holds) {
        const Context c = context_of(data, h.session_id, h.site_id);
        const auto& m = h.metrics;
        csv.row({c.subject, std::to_string(h.session_id), c.session_date, c.operator_name,
                 c.site_key, records::to_letter(h.side), std::to_string(h.id), h.prescription,
                 num(h.band_low_kpa), num(h.band_high_kpa), h.limit_kpa ? num(*h.limit_kpa) : "",
                 num(h.target_hold_s), h.outcome, num(m.duration_s), num(m.time_in_band_s),
                 num(m.time_in_band_pct, 2), num(m.mean_kpa), num(m.median_kpa),
                 num(m.pti_kpa_s, 1), num(m.peak_kpa), num(m.cv_pct, 2),
                 std::to_string(m.excursions), std::to_string(m.overshoots),
                 std::to_string(h.step_ups.size()),
                 h.pain_rating_0_10 ? std::to_string(*h.pain_rating_0_10) : "", num(h.probe_cm2),
                 std::to_string(h.calibration_id),
                 // Both empty for a hold recorded before losses were measured.
                 m.signal_losses ? num(m.signal_lost_s()) : "", losses_text(m),
                 // Marks and prompts are empty both when there were none and when the hold was
                 // recorded before they were stored; release_marks_recorded tells them apart.
                 yes_no(h.release_marks.has_value()),
                 h.release_marks ? seconds_text(h.release_marks->marks_s) : "",
                 h.release_marks ? seconds_text(h.release_marks->detections_s) : ""});
    }
}

void write_training_scores_csv(const StudyData& data, std::ostream& out) {
    CsvWriter csv(out);
    csv.row({"student", "session", "exercise", "feedback", "blind", "attempted_utc", "attempt",
             "constant_error_kpa", "absolute_error_kpa", "variable_error_kpa", "time_in_band_pct",
             "time_in_band_s", "samples_compared", "template_id", "plan_id", "score_id"});
    const auto id_or_empty = [](const std::optional<records::RecordId>& id) {
        return id ? std::to_string(*id) : std::string();
    };
    for (const auto& s : data.training_scores) {
        const auto* student = data.operator_by_id(s.student_id);
        csv.row({student ? student->name : "", std::to_string(s.session_id), s.exercise, s.feedback,
                 yes_no(s.blind), s.attempted_utc, s.attempt ? std::to_string(*s.attempt) : "",
                 num(s.constant_error_kpa), num(s.absolute_error_kpa), num(s.variable_error_kpa),
                 num(s.time_in_band_pct, 2), num(s.time_in_band_s),
                 std::to_string(s.samples_compared), id_or_empty(s.template_id),
                 id_or_empty(s.plan_id), std::to_string(s.id)});
    }
}

void write_site_mdc_csv(const StudyData& data, std::ostream& out) {
    CsvWriter csv(out);
    csv.row({"site", "side", "mdc_kpa", "sem_kpa", "icc_form", "n_subjects", "source",
             "computed_utc", "mdc_id"});
    for (const auto& m : data.site_mdc) {
        csv.row({m.site_key, m.side ? records::to_letter(*m.side) : "both", num(m.mdc_kpa),
                 num(m.sem_kpa), m.icc_form, std::to_string(m.n_subjects), m.source, m.computed_utc,
                 std::to_string(m.id)});
    }
}

void write_trace_csv(const records::RawTrace& trace, std::ostream& out) {
    CsvWriter csv(out);
    csv.row({"t_s", "raw_counts", "force_n", "pressure_kpa", "patient_button", "operator_button",
             "flags"});
    for (const auto& s : trace.samples) {
        csv.row({num(s.t_s, 6), std::to_string(s.raw_counts), num(s.force_n, 6),
                 num(s.pressure_kpa, 4), yes_no((s.buttons & kPatientButton) != 0),
                 yes_no((s.buttons & kOperatorButton) != 0), std::to_string(s.flags)});
    }
}

} // namespace algocore::exporting
