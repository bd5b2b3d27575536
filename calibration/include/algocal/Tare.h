#pragma once
// Tare: the zero offset is the median of force samples taken with the probe at rest. Refused
// while the signal is not stable, so a tare can never be taken mid-press.
#include <span>
#include <string>

#include "algocal/Stability.h"

namespace algocal {

/// Stability thresholds for a tare, in newtons. Defaults suit a 0–200 N hand algometer.
struct TareRule {
    std::size_t min_samples = 10; ///< e.g. 0.1 s at 100 Hz
    double max_sd_n = 0.2;        ///< scatter allowed at rest
    double max_drift_n = 0.3;     ///< creep allowed across the window
    double max_offset_n = 20.0;   ///< an offset larger than this means a load is on the probe
};

/// Result of a tare attempt. When ok, subtract offset_n from every force.
struct TareResult {
    bool ok = false;
    double offset_n = 0.0;
    std::string message; ///< why it was refused; empty when ok
};

/// Tare offset from `force_n` (oldest first, before any tare), or a refusal.
TareResult compute_tare(std::span<const double> force_n, const TareRule& rule = {});

} // namespace algocal
