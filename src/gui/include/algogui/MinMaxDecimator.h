#pragma once
// Reduces a window of (time, pressure) points to at most two points per pixel column: the
// minimum and the maximum, in the order they occurred. A 1 kHz trace over 60 s stays a
// few thousand points, and spikes narrower than a pixel are still drawn. Breaks in the trace
// (gaps in the signal) survive decimation, so no line is drawn across a gap.
#include <span>
#include <vector>

#include "algocore/live/TracePoint.h"

namespace algogui {

/// One point of the live trace (algocore's): a break point ends one stretch of the trace.
using TracePoint = algocore::live::TracePoint;

/// Min/max per pixel column decimation of a time-ordered trace.
class MinMaxDecimator {
public:
    /// Decimates the points with from_s <= t_s <= to_s into `columns` equal time bins and
    /// writes the result into `out` (cleared first; capacity is reused between frames).
    /// Break points are kept (one per break, never two in a row, never first or last).
    static void decimate(std::span<const TracePoint> points, double from_s, double to_s,
                         int columns, std::vector<TracePoint>& out);
};

} // namespace algogui
