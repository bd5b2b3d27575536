#include "algogui/TraceHistory.h"

#include <algorithm>

namespace algogui {
namespace {
// Weight of the newest interval in the running average: it follows a change of rate within
// a few dozen samples and shrugs off single late ones.
constexpr double kIntervalSmoothing = 1.0 / 32.0;
} // namespace

TraceHistory::TraceHistory(double keep_s, std::size_t max_points)
    : keep_s_(keep_s), max_points_(std::max<std::size_t>(max_points, 16)),
      storage_(2 * max_points_) {}

void TraceHistory::append(double t_s, double pressure_kpa, bool gap_before) {
    // A sample older than the newest one means a new session clock: start over.
    if (end_ > begin_ && t_s < storage_[end_ - 1].t_s) clear();
    if (end_ > begin_) {
        const double interval_s = t_s - storage_[end_ - 1].t_s;
        const double jump_s = std::max(kMinGapS, kGapIntervals * typical_interval_s_);
        if (gap_before || interval_s > jump_s) {
            push(TracePoint::break_at(t_s));
        } else if (typical_interval_s_ == 0.0) {
            typical_interval_s_ = interval_s;
        } else {
            typical_interval_s_ += kIntervalSmoothing * (interval_s - typical_interval_s_);
        }
    }
    push(TracePoint{t_s, pressure_kpa});
    // Nothing is drawn before the oldest sample, so a break there is dropped with it.
    while (end_ - begin_ > max_points_ || storage_[begin_].t_s < t_s - keep_s_ ||
           storage_[begin_].is_break())
        ++begin_;
}

void TraceHistory::push(const TracePoint& point) {
    if (end_ == storage_.size()) compact();
    storage_[end_++] = point;
}

void TraceHistory::clear() {
    begin_ = 0;
    end_ = 0;
    typical_interval_s_ = 0.0;
}

std::span<const TracePoint> TraceHistory::points() {
    return {storage_.data() + begin_, end_ - begin_};
}

double TraceHistory::latest_t_s() const {
    return end_ > begin_ ? storage_[end_ - 1].t_s : 0.0;
}

void TraceHistory::compact() {
    std::copy(storage_.begin() + static_cast<std::ptrdiff_t>(begin_),
              storage_.begin() + static_cast<std::ptrdiff_t>(end_), storage_.begin());
    end_ -= begin_;
    begin_ = 0;
}

} // namespace algogui
