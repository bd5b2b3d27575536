#include "algogui/LiveTargets.h"

#include <QList>
#include <cmath>

namespace algogui {

using algocore::protocols::ConfigCheck;

algocore::protocols::PressureBand LiveTargets::band() const {
    algocore::protocols::PressureBand band;
    band.low_kpa = band_low_kpa;
    band.high_kpa = band_high_kpa;
    band.limit_kpa = limit_kpa;
    return band;
}

algocore::protocols::HoldTimerConfig LiveTargets::hold() const {
    algocore::protocols::HoldTimerConfig config;
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

QList<TargetPreset> target_presets() {
    // Typical trigger-point release dosages on a 1 cm² tip; a starting point the
    // therapist adjusts, not a prescription.
    return {
        {QStringLiteral("Gentle release 150–250 kPa, 90 s"), {150, 250, 400, 90, 0.5, 40, 12}},
        {QStringLiteral("Moderate release 250–350 kPa, 60 s"), {250, 350, 500, 60, 0.5, 50, 15}},
        {QStringLiteral("Firm release 350–450 kPa, 45 s"), {350, 450, 600, 45, 0.5, 60, 20}},
        {QStringLiteral("Dosage training 200–300 kPa, 30 s"), {200, 300, 450, 30, 0.3, 50, 15}},
    };
}

} // namespace algogui
