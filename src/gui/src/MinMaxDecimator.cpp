#include "algogui/MinMaxDecimator.h"

#include <algorithm>

namespace algogui {
namespace {

// A break is written only between two drawn points, so renderers never see an empty stretch.
void add_break(std::vector<TracePoint>& out, double t_s) {
    if (!out.empty() && !out.back().is_break()) out.push_back(TracePoint::break_at(t_s));
}

void add_point(std::vector<TracePoint>& out, const TracePoint& p) {
    if (p.is_break())
        add_break(out, p.t_s);
    else
        out.push_back(p);
}

} // namespace

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
        for (auto it = first; it != last; ++it)
            add_point(out, *it);
        if (!out.empty() && out.back().is_break()) out.pop_back();
        return;
    }

    const double column_s = (to_s - from_s) / columns;
    auto it = first;
    while (it != last) {
        if (it->is_break()) {
            add_break(out, it->t_s);
            ++it;
            continue;
        }
        const int column = std::min(columns - 1, static_cast<int>((it->t_s - from_s) / column_s));
        const double column_end_s = from_s + (column + 1) * column_s;
        TracePoint lo = *it;
        TracePoint hi = *it;
        // A column ends at its right edge or at a break; the part after a break is a
        // column group of its own, so the line stops at the gap.
        for (++it;
             it != last && !it->is_break() && (it->t_s < column_end_s || column == columns - 1);
             ++it) {
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
    if (!out.empty() && out.back().is_break()) out.pop_back();
}

} // namespace algogui
