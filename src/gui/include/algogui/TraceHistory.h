#pragma once
// The bounded window of recent samples the live plot draws from. Old points fall off the
// front; the memory is reserved once, so a long session does not grow.
#include <cstddef>
#include <span>
#include <vector>

#include "algogui/MinMaxDecimator.h"

namespace algogui {

/// Time-ordered recent trace, bounded in both duration and point count.
class TraceHistory {
public:
    /// keep_s: how much history to keep; max_points: hard cap (e.g. 60 s at 2 kHz).
    TraceHistory(double keep_s, std::size_t max_points);

    void append(double t_s, double pressure_kpa);
    void clear();

    /// Points in time order (contiguous view, valid until the next append/clear).
    std::span<const TracePoint> points();
    std::size_t size() const { return end_ - begin_; }
    double latest_t_s() const;

private:
    void compact();

    double keep_s_;
    std::size_t max_points_;
    // A vector used as a sliding window: points live in [begin_, end_); when the tail
    // reaches capacity the live part is moved to the front. No allocation after start-up.
    std::vector<TracePoint> storage_;
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
};

}  // namespace algogui
