#include "algocore/session/Recorder.h"

#include <utility>

#include "algocore/WallClock.h"
#include "algocore/history/SessionReport.h"
#include "algocore/protocols/PrescriptionJson.h"
#include "algocore/protocols/TriggerPointCriteria.h"
#include "algocore/records/DeviceChange.h"
#include "algocore/session/StoredMetrics.h"

namespace algocore::session {

using records::kNoRecord;
using storage::Enqueued;

records::TrialMeasure measure_of(const protocols::PptPreset& preset) {
    return preset.name == "tolerance" ? records::TrialMeasure::Tolerance
                                      : records::TrialMeasure::Ppt;
}

const char* hold_outcome(protocols::HoldState state) {
    switch (state) {
    case protocols::HoldState::Complete: return "complete";
    case protocols::HoldState::OverLimit: return "over_limit";
    case protocols::HoldState::TimeLimit: return "time_limit";
    default: return "stopped";
    }
}

Recorder::Recorder(storage::Storage* storage, std::function<std::string()> utc_now)
    : storage_(storage), utc_now_(std::move(utc_now)) {
    if (!utc_now_) utc_now_ = [] { return utc_now_iso8601(); };
}

void Recorder::set_storage(storage::Storage* storage) {
    storage_ = storage;
    session_id_ = kNoRecord; // the next record opens the visit's session in this database
}

std::string Recorder::begin_visit(Visit visit) {
    visit.subject_code = trimmed(visit.subject_code);
    visit.operator_name = trimmed(visit.operator_name);
    if (std::string problem = check_visit(visit); !problem.empty()) return problem;
    visit_ = std::move(visit);
    session_id_ = kNoRecord;
    return {};
}

void Recorder::set_device(const std::string& serial, CalibrationId calibration) {
    const CalibrationId before = device_calibration_;
    device_serial_ = serial;
    device_calibration_ = calibration;
    if (session_id_ == kNoRecord || !storage_ || serial.empty() || serial == session_serial_)
        return;
    // The visit goes on with another device: still one session (a new one would split the
    // visit, and its thresholds, in two). The change is recorded on it as an audit row that
    // keeps the device before and when it changed; every trial and hold keeps the
    // calibration that measured it.
    const std::string who =
        visit_ && !visit_->operator_name.empty() ? visit_->operator_name : "Algoscope";
    storage_->correct(
        {"sessions", session_id_, "device_serial", serial, who, records::kDeviceChangedReason});
    if (calibration != before)
        storage_->correct({"sessions", session_id_, "calibration_id", std::to_string(calibration),
                           who, records::kDeviceChangedReason});
    session_serial_ = serial;
}

void Recorder::end_visit() {
    visit_.reset();
    session_id_ = kNoRecord;
}

records::RecordId Recorder::ensure_session() {
    if (session_id_ != kNoRecord) return session_id_;
    if (!storage_ || !visit_) return kNoRecord;
    records::SessionOpening opening;
    opening.subject = visit_->subject;
    opening.subject.code = visit_->subject_code;
    if (!visit_->operator_name.empty())
        opening.by = records::Operator{kNoRecord, visit_->operator_name, visit_->operator_role};
    opening.session.started_utc = utc_now_(); // wall-clock time, once per session
    opening.session.device_serial = device_serial_.empty() ? visit_->device_serial : device_serial_;
    opening.session.calibration_id =
        device_serial_.empty() ? visit_->calibration_id : device_calibration_;
    session_serial_ = opening.session.device_serial;
    opening.session.probe_cm2 = visit_->probe_cm2;
    opening.session.notes = visit_->notes;
    session_id_ = storage_->open_session(opening).id;
    return session_id_;
}

bool Recorder::ready(const char* what) {
    problem_.clear();
    if (!storage_)
        problem_ = std::string("no database is open, so the ") + what + " was not stored";
    else if (!visit_)
        problem_ = std::string("no subject is chosen, so the ") + what + " was not stored";
    return problem_.empty() && ensure_session() != kNoRecord;
}

records::Trial Recorder::build_trial(const MeasuredPoint& point, const protocols::PptPreset& preset,
                                     const protocols::PptSeriesTrial& t, int index) const {
    records::Trial r;
    r.session_id = session_id_;
    r.site_id = point.site_id;
    r.side = point.side;
    r.measure = measure_of(preset);
    r.index = index;
    r.ppt_kpa = t.result.ppt_kpa;
    r.rate_kpa_s = t.result.rate_kpa_s;
    r.rate_at_button_kpa_s = t.result.rate_at_button_kpa_s;
    r.target_rate_kpa_s = preset.rate_kpa_s;
    r.probe_cm2 = visit_ ? visit_->probe_cm2 : 1.0;
    r.valid = t.result.valid;
    r.counted = t.counted;
    r.flags = t.result.flags;
    r.outcome = protocols::to_string(t.result.end);
    r.preset = preset.name;
    // The calibration that produced the samples, as the samples themselves say.
    r.calibration_id = t.trace.empty() ? (visit_ ? visit_->calibration_id : kFactoryCalibration)
                                       : t.trace.front().calibration_id;
    r.in_corridor_pct = t.result.in_corridor_pct;
    r.ramp_start_t_s = t.result.ramp_start_t_s;
    r.signal_t_s = t.result.t_signal_s;
    r.peak_kpa = t.result.peak_kpa;
    r.rest_s = t.rest_s;
    r.presses_while_loaded.emplace();
    for (const protocols::PressWhileLoaded& press : t.presses_while_loaded)
        r.presses_while_loaded->push_back({press.t_s, press.pressure_kpa});
    r.clock_zero_utc = clock_zero_utc_;
    return r;
}

Enqueued Recorder::record_trial(const MeasuredPoint& point, const protocols::PptPreset& preset,
                                const protocols::PptSeriesTrial& trial, int index) {
    if (!ready("trial")) return {};
    return storage_->record_trial(build_trial(point, preset, trial, index),
                                  records::to_trace(trial.trace));
}

records::Hold Recorder::build_hold(const MeasuredPoint& point, const FinishedHold& finished) const {
    const protocols::HoldRecord& h = finished.hold;
    records::Hold r;
    r.session_id = session_id_;
    r.site_id = point.site_id;
    r.side = point.side;
    r.prescription = protocols::prescription_to_json(finished.prescription);
    r.band_low_kpa = finished.band.low_kpa;
    r.band_high_kpa = finished.band.high_kpa;
    if (finished.band.has_limit()) r.limit_kpa = finished.band.limit_kpa;
    r.target_hold_s = finished.hold_s;
    r.outcome = hold_outcome(h.end);
    r.probe_cm2 = visit_ ? visit_->probe_cm2 : 1.0;
    r.calibration_id = h.trace.empty() ? (visit_ ? visit_->calibration_id : kFactoryCalibration)
                                       : h.trace.front().calibration_id;
    r.start_t_s = h.trace.empty() ? 0.0 : h.trace.front().t_s;
    r.metrics = stored_metrics(h.metrics);
    // Step-up times are stored relative to the hold's start (its first entry into the band).
    for (const auto& step : h.step_ups)
        r.step_ups.push_back({step.t_prompt_s - r.start_t_s, step.t_s - r.start_t_s,
                              step.before_kpa, step.after_kpa});
    // Release marks and the detector's prompts on the same clock as the step-ups.
    r.release_marks.emplace();
    for (const double t_s : h.release_marks_s)
        r.release_marks->marks_s.push_back(t_s - r.start_t_s);
    for (const double t_s : h.release_detections_s)
        r.release_marks->detections_s.push_back(t_s - r.start_t_s);
    r.pain_rating_0_10 = finished.pain_rating_0_10;
    r.repetition = h.repetition;
    return r;
}

Enqueued Recorder::record_hold(const MeasuredPoint& point, const FinishedHold& hold) {
    if (!ready("hold")) return {};
    return storage_->record_hold(build_hold(point, hold), records::to_trace(hold.hold.trace));
}

Enqueued Recorder::record_template(const protocols::MotionTemplate& expert,
                                   const std::vector<Sample>& samples,
                                   const std::optional<protocols::PressureBand>& band) {
    if (!ready("template")) return {};
    records::ExpertTemplate t;
    t.session_id = session_id_;
    t.name = expert.name();
    t.kind = protocols::to_string(expert.kind());
    if (band) {
        t.band_low_kpa = band->low_kpa;
        t.band_high_kpa = band->high_kpa;
    }
    t.recorded_utc = utc_now_();
    t.duration_s = expert.duration_s();
    return storage_->record_template(t, records::to_trace(samples));
}

Enqueued Recorder::record_plan(records::RecordId template_id,
                               const protocols::FeedbackSchedule& schedule) {
    if (!ready("feedback schedule")) return {};
    records::TrainingPlan plan;
    plan.session_id = session_id_;
    plan.template_id = template_id;
    plan.schedule = schedule.to_json();
    plan.started_utc = utc_now_();
    return storage_->record_training_plan(plan);
}

records::TrainingScore Recorder::build_score(const ScoredAttempt& a) const {
    records::TrainingScore s;
    s.session_id = session_id_;
    s.exercise = a.exercise;
    s.feedback = protocols::to_string(a.level);
    s.blind = protocols::plan_for(a.level).blind();
    s.attempted_utc = utc_now_();
    s.constant_error_kpa = a.score.constant_error_kpa;
    s.absolute_error_kpa = a.score.absolute_error_kpa;
    s.variable_error_kpa = a.score.variable_error_kpa;
    s.time_in_band_pct = a.score.time_in_band_pct;
    s.time_in_band_s = a.score.time_in_band_s;
    s.samples_compared = a.score.samples_compared;
    s.template_id = a.template_id;
    s.plan_id = a.plan_id;
    s.attempt = a.attempt;
    return s;
}

records::ReactionTest Recorder::build_reaction_test(const ReactionTimeResult& result) const {
    const protocols::ReactionTimeSummary& s = result.summary;
    records::ReactionTest r;
    r.session_id = session_id_;
    r.tested_utc = utc_now_();
    r.cue_source = protocols::to_string(s.cue_source);
    r.trials = result.config.trials;
    r.practice = result.config.practice;
    r.n = s.n;
    r.median_ms = s.median_ms;
    r.iqr_ms = s.iqr_ms;
    r.anticipations = s.anticipations;
    r.misses = s.misses;
    r.lost_cues = s.lost_cues;
    r.complete = s.complete;
    r.timing_uncertainty_ms = s.uncertainty_ms;
    r.timing_note = result.timing_note;
    for (const protocols::ReactionCue& cue : result.cues)
        r.cues.push_back({cue.number, protocols::to_string(cue.outcome), cue.cue_t_s, cue.press_t_s,
                          cue.reaction_ms});
    return r;
}

Enqueued Recorder::record_reaction_test(const ReactionTimeResult& result) {
    if (!ready("reaction-time test")) return {};
    return storage_->record_reaction_test(build_reaction_test(result));
}

std::string Recorder::continue_session(records::RecordId session_id) {
    if (!storage_) return "no database is open";
    if (!visit_) return "no subject is chosen";
    const auto subject = storage_->find_subject(visit_->subject_code);
    if (subject) {
        for (const records::Session& s : storage_->sessions_of(subject->id)) {
            if (s.id != session_id) continue;
            session_id_ = s.id;
            session_serial_ = s.device_serial;
            return {};
        }
    }
    return "session " + std::to_string(session_id) + " is not a session of " + visit_->subject_code;
}

bool Recorder::join_todays_session() {
    if (!storage_ || !visit_) return false;
    const auto subject = storage_->find_subject(visit_->subject_code);
    if (!subject) return false;
    std::optional<records::RecordId> by;
    if (!visit_->operator_name.empty()) {
        const auto found = storage_->find_operator(visit_->operator_name);
        if (!found) return false; // nobody of that name measured anyone yet: not today either
        by = found->id;
    }
    const std::string today = history::local_day_of_utc(utc_now_());
    std::optional<records::Session> newest; // sessions_of is in start order
    for (const records::Session& s : storage_->sessions_of(subject->id))
        if (!today.empty() && history::local_day_of(s) == today && (!by || s.operator_id == *by))
            newest = s;
    if (!newest) return false;
    session_id_ = newest->id;
    session_serial_ = newest->device_serial;
    return true;
}

records::TriggerPointFindings
Recorder::build_findings(const MeasuredPoint& point, const records::TriggerPointExam& exam) const {
    records::TriggerPointFindings r;
    r.session_id = session_id_;
    r.site_id = point.site_id;
    r.side = point.side;
    r.examined_utc = utc_now_();
    r.exam = exam;
    r.exam.referral = protocols::ordered_zone(exam.referral);
    return r;
}

Enqueued Recorder::record_findings(const MeasuredPoint& point,
                                   const records::TriggerPointExam& exam) {
    if (std::string problem = protocols::check_exam(exam); !problem.empty()) {
        problem_ = problem + ", so the findings were not stored";
        return {};
    }
    if (!ready("findings")) return {};
    return storage_->record_findings(build_findings(point, exam));
}

Enqueued Recorder::record_score(const ScoredAttempt& attempt) {
    if (!ready("score")) return {};
    return storage_->record_training_score(build_score(attempt));
}

} // namespace algocore::session
