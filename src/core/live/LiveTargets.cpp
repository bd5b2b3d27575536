#include "algocore/live/LiveTargets.h"

#include <cmath>

namespace algocore::live {

using protocols::ConfigCheck;

protocols::PressureBand LiveTargets::band() const {
    protocols::PressureBand band;
    band.low_kpa = band_low_kpa;
    band.high_kpa = band_high_kpa;
    band.limit_kpa = limit_kpa;
    return band;
}

protocols::HoldTimerConfig LiveTargets::hold() const {
    protocols::HoldTimerConfig config;
    config.hold_s = hold_s;
    config.grace_s = grace_s;
    return config;
}

ConfigCheck LiveTargets::validate() const {
    if (ConfigCheck check = band().validate(); !check.ok()) return check;
    if (ConfigCheck check = hold().validate(); !check.ok()) return check;
    if (!std::isfinite(ramp_rate_kpa_s) || ramp_rate_kpa_s <= 0)
        return ConfigCheck::bad("ramp_rate_kpa_s", "ramp rate must be above 0");
    if (!std::isfinite(ramp_tolerance_kpa_s) || ramp_tolerance_kpa_s < 0 ||
        ramp_tolerance_kpa_s >= ramp_rate_kpa_s)
        return ConfigCheck::bad("ramp_tolerance_kpa_s",
                                "tolerance must be at least 0 and below the ramp rate");
    return ConfigCheck::good();
}

} // namespace algocore::live
