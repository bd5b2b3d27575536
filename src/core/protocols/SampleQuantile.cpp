#include "algocore/protocols/SampleQuantile.h"

#include <algorithm>
#include <cmath>

namespace algocore::protocols {

std::optional<double> sample_quantile(std::vector<double> values, double p) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    const double h = (static_cast<double>(values.size()) - 1.0) * std::clamp(p, 0.0, 1.0);
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, values.size() - 1);
    return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

std::optional<double> interquartile_range(const std::vector<double>& values) {
    const auto q1 = sample_quantile(values, 0.25);
    const auto q3 = sample_quantile(values, 0.75);
    if (!q1 || !q3) return std::nullopt;
    return *q3 - *q1;
}

} // namespace algocore::protocols
