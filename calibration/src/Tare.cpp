#include "algocal/Tare.h"

#include <cmath>
#include <cstdio>

namespace algocal {

TareResult compute_tare(std::span<const double> force_n, const TareRule& rule) {
    const StabilityRule stability_rule{rule.min_samples, rule.max_sd_n, rule.max_drift_n};
    const StabilityResult stability = assess_stability(force_n, stability_rule);
    TareResult result;
    if (!stability.stable) {
        result.message = "tare refused: " + stability.message +
                         " (N); keep the probe still and unloaded, then tare again";
        return result;
    }
    if (std::abs(stability.median) > rule.max_offset_n) {
        char text[200];
        std::snprintf(text, sizeof text,
                      "tare refused: the probe reads %.3g N at rest, more than the %.3g N a zero "
                      "offset may be; remove any load from the probe",
                      stability.median, rule.max_offset_n);
        result.message = text;
        return result;
    }
    // The median ignores the odd spike that an SD limit still lets through.
    result.ok = true;
    result.offset_n = stability.median;
    return result;
}

} // namespace algocal
