#include "algocore/session/ClassStation.h"

namespace algocore::session {

using sharedstudy::StationState;

sharedstudy::ClassScore class_score_of(const protocols::AttemptScore& score) {
    return {score.constant_error_kpa, score.absolute_error_kpa, score.variable_error_kpa,
            score.time_in_band_pct};
}

sharedstudy::StationProgress class_progress_of(const TrainingSession& training,
                                               const live::LiveSession& live, double utc_s) {
    sharedstudy::StationProgress p;
    p.student = training.student();
    p.exercise = training.expert() ? training.expert()->name() : std::string{};
    if (const auto& band = training.band()) {
        p.band_low_kpa = band->low_kpa;
        p.band_high_kpa = band->high_kpa;
    }
    p.t_utc_s = utc_s;
    const bool attempt = training.phase() == TrainingSession::Phase::Attempt;
    if (attempt) {
        p.state = StationState::Attempt;
        // The time in band so far is the score's own rule over the attempt up to now.
        const auto& so_far = training.attempt_samples();
        if (training.band() && training.expert() && so_far.size() >= 2)
            p.in_band_pct = protocols::score_attempt(*training.expert(), so_far, training.band())
                                .time_in_band_pct;
    } else if (const auto& score = training.last_score()) {
        p.state = StationState::Done;
        p.score = class_score_of(*score);
        if (training.band()) p.in_band_pct = score->time_in_band_pct;
    }
    // The live view's rule: without a live signal there is no number, whatever the phase.
    if (live.signal_state() != live::SignalState::Live)
        p.state = StationState::NoSignal;
    else if (live.has_sample())
        p.pressure_kpa = live.latest().pressure_kpa;
    return p;
}

ClassExerciseToRun exercise_to_run(const sharedstudy::ClassExercise& exercise) {
    ClassExerciseToRun run;
    const auto kind =
        exercise.kind == "ramp" ? protocols::TemplateKind::Ramp : protocols::TemplateKind::Hold;
    run.expert = TrainingSession::template_from_trace(kind, exercise.name, exercise.trace);
    if (!run.expert) {
        run.error = "the exercise's template never touches the skin: it cannot be run";
        return run;
    }
    if (exercise.band_low_kpa && exercise.band_high_kpa)
        run.band = protocols::PressureBand{*exercise.band_low_kpa, *exercise.band_high_kpa};
    std::string error;
    if (auto schedule = protocols::FeedbackSchedule::from_json(exercise.schedule, &error)) {
        run.schedule = *schedule;
    } else {
        run.error = "the exercise's schedule cannot be read: " + error;
        run.expert.reset();
    }
    return run;
}

} // namespace algocore::session
