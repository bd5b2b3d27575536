#pragma once
// Round axis steps for the training charts.
#include <algorithm>
#include <cmath>

namespace algogui {

/// A round step (1, 2, 5 × 10^n) giving about `ticks` intervals over `span`.
inline double nice_step(double span, int ticks) {
    const double raw = span / std::max(1, ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::max(raw, 1e-9))));
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * magnitude >= raw) return step * magnitude;
    }
    return 10.0 * magnitude;
}

} // namespace algogui
