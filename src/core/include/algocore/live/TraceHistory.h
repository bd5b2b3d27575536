#pragma once
// The bounded window of recent samples the live plot draws from. Old points fall off the
// front; the memory is reserved once, so a long session does not grow. A gap in the signal
// (flagged by the device or acquisition, or a jump in time far longer than the usual
// interval between samples) is stored as a break, so no line is drawn across it.
#include <cstddef>
#include <span>
#include <vector>

#include "algocore/live/GapDetector.h"
#include "algocore/live/TracePoint.h"

namespace algocore::live {

/// Time-ordered recent trace, bounded in both duration and point count.
class TraceHistory {
public:
    /// keep_s: how much history to keep; max_points: hard cap (e.g. 60 s at 2 kHz).
    TraceHistory(double keep_s, std::size_t max_points);

    /// gap_before: samples were lost (or the link was down) just before this one.
    void append(double t_s, double pressure_kpa, bool gap_before = false);
    void clear();

    /// Points in time order, breaks included (contiguous view, valid until the next
    /// append/clear).
    std::span<const TracePoint> points() const;
    std::size_t size() const { return end_ - begin_; }
    double latest_t_s() const;
    /// The usual interval between samples (a running average of intervals without a gap).
    double typical_interval_s() const { return gaps_.typical_interval_s(); }
    /// Breaks (gaps) in the points kept.
    std::size_t breaks() const;

private:
    void push(const TracePoint& point);
    void compact();

    double keep_s_;
    std::size_t max_points_;
    // A vector used as a sliding window: points live in [begin_, end_); when the tail
    // reaches capacity the live part is moved to the front. No allocation after start-up.
    std::vector<TracePoint> storage_;
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    GapDetector gaps_;
};

} // namespace algocore::live
