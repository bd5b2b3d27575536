#pragma once
// The one place that builds stored records. Every workflow (PPT series, treatment holds,
// training, expert templates) hands its finished engine results here; the recorder opens the
// visit's session with the first record (the storage finds or adds the subject and operator
// on its thread) and builds each record from the engine result plus the visit: probe area
// from the visit, calibration id from the samples that were measured. The GUI and the CLI
// therefore store byte-identical records for the same samples.
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "algocore/protocols/AttemptScore.h"
#include "algocore/protocols/FeedbackSchedule.h"
#include "algocore/protocols/HoldSequence.h"
#include "algocore/protocols/MotionTemplate.h"
#include "algocore/protocols/PptSeries.h"
#include "algocore/session/ReactionTimeSession.h"
#include "algocore/session/Visit.h"
#include "algocore/storage/Storage.h"

namespace algocore::session {

/// The point a trial or hold was measured at.
struct MeasuredPoint {
    records::RecordId site_id = records::kNoRecord;
    records::BodySide side = records::BodySide::Left;
};

/// A finished hold with what the therapist added after it.
struct FinishedHold {
    protocols::HoldRecord hold;
    protocols::Prescription prescription;
    protocols::PressureBand band; ///< the band the hold ran against (resolved)
    double hold_s = 0.0;          ///< time in band the hold asked for
    std::optional<int> pain_rating_0_10;
};

/// One scored attempt with its plan position.
struct ScoredAttempt {
    protocols::AttemptScore score;
    protocols::FeedbackLevel level = protocols::FeedbackLevel::Full;
    std::string exercise;
    std::optional<records::RecordId> template_id;
    std::optional<records::RecordId> plan_id;
    int attempt = 1;
};

class Recorder {
public:
    /// utc_now gives the wall-clock time recorded once per session (tests fix it).
    explicit Recorder(storage::Storage* storage = nullptr,
                      std::function<std::string()> utc_now = {});

    void set_storage(storage::Storage* storage);
    storage::Storage* storage() const { return storage_; }

    /// Starts a visit; its session opens with the first record. Refused (the reason) when
    /// check_visit refuses it. The previous visit ends.
    std::string begin_visit(Visit visit);
    void end_visit();
    const std::optional<Visit>& visit() const { return visit_; }
    /// The visit's stored session, opening it now if needed; kNoRecord without a storage or
    /// a visit.
    records::RecordId ensure_session();
    /// kNoRecord until the session was opened.
    records::RecordId session_id() const { return session_id_; }
    /// The device now measuring, recorded with the session when it opens; another device later
    /// in the visit keeps the session and is recorded on it (an audited correction).
    void set_device(const std::string& serial, CalibrationId calibration);
    /// The wall-clock moment the session clock of the samples now measured read 0
    /// (utc_iso8601_ms form), stamped on every trial from now on (records::Trial::
    /// clock_zero_utc); empty when their clock has none (a replay, a scripted feed).
    void set_clock_zero_utc(std::string utc) { clock_zero_utc_ = std::move(utc); }
    const std::string& clock_zero_utc() const { return clock_zero_utc_; }
    /// Continues a stored session of the visit's subject: the visit's records join it (the
    /// findings of a point examined after its thresholds were measured, from the CLI). Refused
    /// (the reason) without a storage or a visit, or when it is not that subject's session.
    std::string continue_session(records::RecordId session_id);
    /// Joins the subject's visit of today when one is stored: the visit's records join the
    /// newest session of the subject that began on today's local day (history::local_day_of,
    /// the day a report's visit is), one by the visit's operator when it names one. So what a
    /// command records alone (`findings set`) joins the hold or thresholds recorded that day,
    /// as the GUI's Treatment page keeps them in its visit's one session. False (the session
    /// opens with the first record, as always) without a storage, a visit or such a session.
    bool join_todays_session();
    /// Why the last record could not be stored (no database, no visit), else empty.
    const std::string& last_problem() const { return problem_; }

    storage::Enqueued record_trial(const MeasuredPoint& point, const protocols::PptPreset& preset,
                                   const protocols::PptSeriesTrial& trial, int index);
    storage::Enqueued record_hold(const MeasuredPoint& point, const FinishedHold& hold);
    storage::Enqueued record_template(const protocols::MotionTemplate& expert,
                                      const std::vector<Sample>& samples,
                                      const std::optional<protocols::PressureBand>& band);
    storage::Enqueued record_plan(records::RecordId template_id,
                                  const protocols::FeedbackSchedule& schedule);
    storage::Enqueued record_score(const ScoredAttempt& attempt);
    /// A finished reaction-time test of the visit's subject, with every cue and press.
    storage::Enqueued record_reaction_test(const ReactionTimeResult& result);
    /// The trigger-point findings of a point in this visit (a new record; the newest of a
    /// point is the visit's). Refused (last_problem) when protocols::check_exam refuses them.
    storage::Enqueued record_findings(const MeasuredPoint& point,
                                      const records::TriggerPointExam& exam);

    // The record builders, public so tests can compare what both front ends would store.
    records::Trial build_trial(const MeasuredPoint& point, const protocols::PptPreset& preset,
                               const protocols::PptSeriesTrial& trial, int index) const;
    records::Hold build_hold(const MeasuredPoint& point, const FinishedHold& hold) const;
    records::TrainingScore build_score(const ScoredAttempt& attempt) const;
    records::ReactionTest build_reaction_test(const ReactionTimeResult& result) const;
    records::TriggerPointFindings build_findings(const MeasuredPoint& point,
                                                 const records::TriggerPointExam& exam) const;

private:
    bool ready(const char* what);

    storage::Storage* storage_ = nullptr;
    std::function<std::string()> utc_now_;
    std::optional<Visit> visit_;
    records::RecordId session_id_ = records::kNoRecord;
    std::string device_serial_;
    CalibrationId device_calibration_ = kFactoryCalibration;
    std::string session_serial_; ///< device of the open session
    std::string clock_zero_utc_; ///< wall-clock anchor of the session clock, "" = none
    std::string problem_;
};

/// The measure a preset records ("tolerance" presets measure pain tolerance).
records::TrialMeasure measure_of(const protocols::PptPreset& preset);
/// Stored outcome word of a hold ("complete", "stopped", "over_limit").
const char* hold_outcome(protocols::HoldState state);

} // namespace algocore::session
