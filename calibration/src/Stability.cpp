#include "algocal/Stability.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace algocal {
namespace {

double mean_of(std::span<const double> values) {
    double sum = 0.0;
    for (double v : values)
        sum += v;
    return values.empty() ? 0.0 : sum / static_cast<double>(values.size());
}

std::string describe(const char* what, double value, double limit) {
    char text[160];
    std::snprintf(text, sizeof text, "%s %.4g exceeds the limit %.4g", what, value, limit);
    return text;
}

} // namespace

StabilityResult assess_stability(std::span<const double> samples, const StabilityRule& rule) {
    StabilityResult result;
    result.count = samples.size();
    const std::size_t needed = std::max<std::size_t>(rule.min_samples, 3);
    if (samples.size() < needed) {
        result.message = "not enough samples yet (" + std::to_string(samples.size()) + " of " +
                         std::to_string(needed) + ")";
        return result;
    }
    for (double v : samples) {
        if (!std::isfinite(v)) {
            result.message = "the signal contains invalid (non-finite) values";
            return result;
        }
    }
    result.mean = mean_of(samples);
    double squares = 0.0;
    for (double v : samples)
        squares += (v - result.mean) * (v - result.mean);
    result.sd = std::sqrt(squares / static_cast<double>(samples.size() - 1));

    std::vector<double> sorted(samples.begin(), samples.end());
    std::sort(sorted.begin(), sorted.end());
    const std::size_t mid = sorted.size() / 2;
    result.median = sorted.size() % 2 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);

    // Drift compares the first and last thirds, so slow creep is caught even when the scatter
    // around the trend is small.
    const std::size_t third = samples.size() / 3;
    result.drift = mean_of(samples.last(third)) - mean_of(samples.first(third));

    if (result.sd > rule.max_sd) {
        result.message = "signal not stable: " + describe("scatter (SD)", result.sd, rule.max_sd);
    } else if (std::abs(result.drift) > rule.max_drift) {
        result.message =
            "signal not stable: " + describe("drift", std::abs(result.drift), rule.max_drift);
    } else {
        result.stable = true;
    }
    return result;
}

StableAverage capture_stable_average(std::span<const double> samples, const StabilityRule& rule) {
    const StabilityResult stability = assess_stability(samples, rule);
    StableAverage average;
    average.count = stability.count;
    average.sd = stability.sd;
    average.mean = stability.mean;
    average.ok = stability.stable;
    if (!average.ok) average.message = stability.message + "; hold the load still and retry";
    return average;
}

} // namespace algocal
