#pragma once
// "Is the signal at rest?" One rule shared by tare (force in N) and the calibration wizard's
// stable-average capture (readings in counts or N): enough samples, small scatter, no drift.
#include <cstddef>
#include <span>
#include <string>

namespace algocal {

/// Thresholds for a window of samples to count as stable. Units are those of the samples.
struct StabilityRule {
    std::size_t min_samples = 10; ///< fewer samples than this is never stable
    double max_sd = 0.1;          ///< sample standard deviation must not exceed this
    double max_drift = 0.1;       ///< |mean of last third - mean of first third| limit
};

/// Verdict on a window: the numbers behind it and, when not stable, why (user sentence).
struct StabilityResult {
    bool stable = false;
    std::size_t count = 0;
    double mean = 0.0;
    double median = 0.0;
    double sd = 0.0;
    double drift = 0.0;
    std::string message; ///< empty when stable
};

/// Judges `samples` (oldest first) against `rule`. Non-finite samples make it unstable.
StabilityResult assess_stability(std::span<const double> samples, const StabilityRule& rule);

/// Captures the average of a window for a calibration point; refused (ok = false, message)
/// while the window is not stable.
struct StableAverage {
    bool ok = false;
    double mean = 0.0;
    double sd = 0.0;
    std::size_t count = 0;
    std::string message;
};
StableAverage capture_stable_average(std::span<const double> samples, const StabilityRule& rule);

} // namespace algocal
