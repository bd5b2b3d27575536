#include "algogui/MinMaxDecimator.h"

#include <algorithm>

namespace algogui {

void MinMaxDecimator::decimate(std::span<const TracePoint> points, double from_s, double to_s,
                               int columns, std::vector<TracePoint>& out) {
    out.clear();
    if (points.empty() || columns <= 0 || !(to_s > from_s)) return;

    // The points are time-ordered, so the visible part is one contiguous range.
    auto first = std::lower_bound(points.begin(), points.end(), from_s,
                                  [](const TracePoint& p, double t) { return p.t_s < t; });
    auto last = std::upper_bound(first, points.end(), to_s,
                                 [](double t, const TracePoint& p) { return t < p.t_s; });
    const auto count = static_cast<std::size_t>(last - first);
    if (count <= static_cast<std::size_t>(2 * columns)) {
        out.assign(first, last);
        return;
    }

    const double column_s = (to_s - from_s) / columns;
    auto it = first;
    while (it != last) {
        const int column =
            std::min(columns - 1, static_cast<int>((it->t_s - from_s) / column_s));
        const double column_end_s = from_s + (column + 1) * column_s;
        TracePoint lo = *it;
        TracePoint hi = *it;
        for (++it; it != last && (it->t_s < column_end_s || column == columns - 1); ++it) {
            if (it->pressure_kpa < lo.pressure_kpa) lo = *it;
            if (it->pressure_kpa > hi.pressure_kpa) hi = *it;
        }
        // Keep the time order so the line goes through the extremes the way the signal did.
        if (lo.t_s <= hi.t_s) {
            out.push_back(lo);
            if (hi.t_s != lo.t_s) out.push_back(hi);
        } else {
            out.push_back(hi);
            out.push_back(lo);
        }
    }
}

}  // namespace algogui
