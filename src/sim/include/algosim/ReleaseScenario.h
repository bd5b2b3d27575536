#pragma once
// release-marks: sustained holds with tissue releases at known times and the therapist's
// "release felt" marks (the operator button) at known times, played exactly (no tremor or
// drift), so a release detector can be scored against an answer known in advance.
//
// One cycle: rest 3 s, ramp at 60 kPa/s to 350 kPa, hold. Releases begin 8, 20, 40 and 52 s
// after the target is reached: the pressure falls by 2 % of the target per second for 3 s,
// stays 0.5 s, and the therapist takes up the slack back to the target over 1 s. The
// therapist marks the releases at 8, 20 and 52 s, 0.5 s after they begin (a 0.3 s press); the
// one at 40 s goes unmarked, and at 32 s they mark a release that did not happen. Lift at
// 62 s over 1.5 s, rest 5 s, repeat.
//
// What that implies for the release detector at its defaults (a 4 % drop and a fall of at
// least 1 %/s, held 0.3 s): each release is detected 4 / 2 + 0.3 = 2.3 s after it begins,
// so per cycle there are 4 marks and 4 detections of which 3 pair up: sensitivity 3/4,
// positive predictive value 3/4, latency (detection − mark) 1.8 s.
#include <vector>

#include "algosim/Scenario.h"

namespace algosim {

/// The cycle's timing, for tests that derive the expected answer.
struct ReleaseMarksCycle {
    double rest_before_s = 3.0;
    double ramp_kpa_s = 60.0;
    double target_kpa = 350.0;
    double fall_pct_per_s = 2.0; ///< of the target, per second
    double fall_s = 3.0;
    double pause_s = 0.5;   ///< at the bottom of the fall, before the step-up
    double step_up_s = 1.0; ///< back to the target
    double mark_press_s = 0.3;
    /// Seconds after the target is reached.
    std::vector<double> release_onsets_s{8.0, 20.0, 40.0, 52.0};
    std::vector<double> marks_s{8.5, 20.5, 32.0, 52.5};
    double lift_at_s = 62.0;
    double lift_s = 1.5;
    double rest_after_s = 5.0;

    /// Seconds from the start of a cycle (the end of the previous one) to its target.
    double target_reached_s() const { return rest_before_s + target_kpa / ramp_kpa_s; }
};

/// The cycle release-marks plays.
ReleaseMarksCycle release_marks_cycle();

/// Appends one cycle after `last` (an Extender for Scenario).
void append_release_marks_cycle(std::vector<Keyframe>& out, const Keyframe& last);

} // namespace algosim
