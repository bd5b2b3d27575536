#include "algocore/protocols/AttemptScore.h"

#include <cmath>
#include <limits>

#include "algocore/protocols/HoldTimer.h"

namespace algocore::protocols {

AttemptScore score_attempt(const MotionTemplate& expert, const std::vector<Sample>& attempt,
                           const std::optional<PressureBand>& band, double grace_s) {
    AttemptScore score;
    if (attempt.empty() || expert.points().empty()) return score;
    const double t0 = attempt.front().t_s;
    const double end_rel_s = expert.duration_s();

    HoldTimerConfig timer_config;
    timer_config.hold_s = std::numeric_limits<double>::infinity();
    timer_config.grace_s = grace_s;
    HoldTimer timer(timer_config);

    double sum = 0.0;
    double sum_abs = 0.0;
    double last_rel_s = 0.0;
    std::vector<double> errors;
    errors.reserve(attempt.size());
    for (const Sample& s : attempt) {
        const double rel_s = s.t_s - t0;
        // Only the span both the template and the attempt cover is scored.
        if (rel_s > end_rel_s) break;
        const double error = s.pressure_kpa - expert.pressure_at(rel_s);
        errors.push_back(error);
        sum += error;
        sum_abs += std::fabs(error);
        if (band) timer.update(s.t_s, band->classify(s.pressure_kpa));
        last_rel_s = rel_s;
    }
    const double n = static_cast<double>(errors.size());
    score.samples_compared = static_cast<int>(errors.size());
    score.constant_error_kpa = sum / n;
    score.absolute_error_kpa = sum_abs / n;
    double ss = 0.0;
    for (double e : errors)
        ss += (e - score.constant_error_kpa) * (e - score.constant_error_kpa);
    // Variable error as in the motor-learning literature: spread about the subject's own bias.
    score.variable_error_kpa = std::sqrt(ss / n);
    if (band) {
        score.time_in_band_s = timer.time_in_band_s();
        score.time_in_band_pct = last_rel_s > 0.0 ? 100.0 * score.time_in_band_s / last_rel_s : 0.0;
    }
    return score;
}

} // namespace algocore::protocols
