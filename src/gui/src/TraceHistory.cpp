#include "algogui/TraceHistory.h"

#include <algorithm>

namespace algogui {

TraceHistory::TraceHistory(double keep_s, std::size_t max_points)
    : keep_s_(keep_s), max_points_(std::max<std::size_t>(max_points, 16)),
      storage_(2 * max_points_) {}

void TraceHistory::append(double t_s, double pressure_kpa) {
    // A sample older than the newest one means a new session clock: start over.
    if (end_ > begin_ && t_s < storage_[end_ - 1].t_s) clear();
    if (end_ == storage_.size()) compact();
    storage_[end_++] = TracePoint{t_s, pressure_kpa};
    while (end_ - begin_ > max_points_ || (storage_[begin_].t_s < t_s - keep_s_)) ++begin_;
}

void TraceHistory::clear() {
    begin_ = 0;
    end_ = 0;
}

std::span<const TracePoint> TraceHistory::points() {
    return {storage_.data() + begin_, end_ - begin_};
}

double TraceHistory::latest_t_s() const { return end_ > begin_ ? storage_[end_ - 1].t_s : 0.0; }

void TraceHistory::compact() {
    std::copy(storage_.begin() + static_cast<std::ptrdiff_t>(begin_),
              storage_.begin() + static_cast<std::ptrdiff_t>(end_), storage_.begin());
    end_ -= begin_;
    begin_ = 0;
}

}  // namespace algogui
