#include "algocore/live/GapDetector.h"

#include <algorithm>

namespace algocore::live {
namespace {
// Weight of the newest interval in the running average: it follows a change of rate within
// a few dozen samples and shrugs off single late ones.
constexpr double kIntervalSmoothing = 1.0 / 32.0;
} // namespace

bool GapDetector::gap_before(double t_s, bool flagged) {
    if (!has_previous_) {
        has_previous_ = true;
        previous_t_s_ = t_s;
        return false;
    }
    const double interval_s = t_s - previous_t_s_;
    previous_t_s_ = t_s;
    if (flagged) return true;
    // The first interval is the usual one until more are seen: a slow gauge (5 Hz, or one
    // answering every few seconds) is not a gap at its second sample.
    if (typical_interval_s_ == 0.0) {
        typical_interval_s_ = interval_s;
        return false;
    }
    const double jump_s = std::max(kMinGapS, kGapIntervals * typical_interval_s_);
    if (interval_s > jump_s) return true;
    typical_interval_s_ += kIntervalSmoothing * (interval_s - typical_interval_s_);
    return false;
}

void GapDetector::reset() {
    has_previous_ = false;
    previous_t_s_ = 0.0;
    typical_interval_s_ = 0.0;
}

} // namespace algocore::live
