#pragma once
// Axis arithmetic shared by the live-plot renderers, so both pick the same round ticks.
#include <algorithm>
#include <cmath>

namespace algogui::plot_scale {

/// A round axis top (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^n) at or above `value`.
inline double nice_ceiling(double value) {
    if (value <= 0) return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0}) {
        if (step * magnitude >= value) return step * magnitude;
    }
    return 10.0 * magnitude;
}

/// Seconds between time ticks for a visible window: whole, round seconds back from "now".
inline double time_tick_s(double window_s) {
    return window_s <= 10 ? 1.0 : window_s <= 30 ? 5.0 : 10.0;
}

/// Pressure between ticks from 0 to `y_max`: six ticks where the plot is tall enough, fewer
/// where it is short (a trace squeezed under a hold's summary at 1024×640), so that no two
/// labels overlap: each label gets at least one and a half times its height.
inline double pressure_tick(double y_max, double plot_height_px, double label_height_px) {
    const double room = label_height_px > 0 ? plot_height_px / (1.5 * label_height_px) : 6.0;
    const int ticks = std::clamp(static_cast<int>(room), 1, 6);
    return nice_ceiling(y_max / ticks);
}

} // namespace algogui::plot_scale
