#pragma once
// Scores a student's attempt against a template with the motor-learning error measures:
// constant error (bias), absolute error (accuracy), variable error (consistency), plus time
// in band when the exercise has a band.
#include <optional>
#include <vector>

#include "algocore/Sample.h"
#include "algocore/protocols/MotionTemplate.h"
#include "algocore/protocols/PressureBand.h"

namespace algocore::protocols {

struct AttemptScore {
    int samples_compared = 0;
    double constant_error_kpa = 0.0; ///< mean(attempt - template): + means too hard
    double absolute_error_kpa = 0.0; ///< mean |attempt - template|
    double variable_error_kpa = 0.0; ///< SD of (attempt - template) about its mean (1/n)
    double time_in_band_s = 0.0;     ///< with grace, when a band is given
    double time_in_band_pct = 0.0;
};

/// Scores an attempt (its time 0 = first sample) over the span both cover. The band, when
/// given, is judged with the grace rule of HoldTimer.
AttemptScore score_attempt(const MotionTemplate& expert, const std::vector<Sample>& attempt,
                           const std::optional<PressureBand>& band = std::nullopt,
                           double grace_s = 0.5);

} // namespace algocore::protocols
