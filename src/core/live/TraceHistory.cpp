#include "algocore/live/TraceHistory.h"

#include <algorithm>

namespace algocore::live {

TraceHistory::TraceHistory(double keep_s, std::size_t max_points)
    : keep_s_(keep_s), max_points_(std::max<std::size_t>(max_points, 16)),
      storage_(2 * max_points_) {}

void TraceHistory::append(double t_s, double pressure_kpa, bool gap_before) {
    // A sample older than the newest one means a new session clock: start over.
    if (end_ > begin_ && t_s < storage_[end_ - 1].t_s) clear();
    if (end_ == begin_) gaps_.reset();
    if (gaps_.gap_before(t_s, gap_before) && end_ > begin_) push(TracePoint::break_at(t_s));
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
    gaps_.reset();
}

std::span<const TracePoint> TraceHistory::points() const {
    return {storage_.data() + begin_, end_ - begin_};
}

std::size_t TraceHistory::breaks() const {
    const auto shown = points();
    return static_cast<std::size_t>(std::count_if(
        shown.begin(), shown.end(), [](const TracePoint& p) { return p.is_break(); }));
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

} // namespace algocore::live
