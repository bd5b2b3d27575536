#pragma once
// What a training station shows its class: derived from the station's training session (the
// exercise, the phase, the band, the score) and its live view's rules (NO SIGNAL: no number
// without a live signal), so the class sees what the station's own screen says. The GUI's
// Training page and `algoscope-cli train attempt --class` publish it the same way.
#include <optional>
#include <string>

#include "algocore/live/LiveSession.h"
#include "algocore/protocols/AttemptScore.h"
#include "algocore/protocols/FeedbackSchedule.h"
#include "algocore/protocols/MotionTemplate.h"
#include "algocore/protocols/PressureBand.h"
#include "algocore/session/TrainingSession.h"
#include "algocore/sharedstudy/ClassExercise.h"
#include "algocore/sharedstudy/ClassProgress.h"

namespace algocore::session {

/// An attempt's score as the class sees it.
sharedstudy::ClassScore class_score_of(const protocols::AttemptScore& score);

/// The station's progress now; utc_s is the station's wall clock.
sharedstudy::StationProgress class_progress_of(const TrainingSession& training,
                                               const live::LiveSession& live, double utc_s);

/// A class's exercise as the training session runs it: the template from its trace (kept from
/// first contact, as a recorded one), the band and the schedule; or why it cannot be run.
struct ClassExerciseToRun {
    std::optional<protocols::MotionTemplate> expert;
    std::optional<protocols::PressureBand> band;
    protocols::FeedbackSchedule schedule;
    std::string error;
};
ClassExerciseToRun exercise_to_run(const sharedstudy::ClassExercise& exercise);

} // namespace algocore::session
