#pragma once
// What the therapist aims for on the live view: the band, the over-pressure limit, the hold
// and the ramp. Checks are the protocol engines' own; this only gathers them in one place.
#include "algocore/protocols/ConfigCheck.h"
#include "algocore/protocols/HoldTimer.h"
#include "algocore/protocols/PressureBand.h"

namespace algocore::live {

/// The live view's targets, all in kPa and seconds.
struct LiveTargets {
    // Defaults: a moderate trigger-point release on a 1 cm² tip.
    double band_low_kpa = 300.0;
    double band_high_kpa = 400.0;
    double limit_kpa = 500.0;
    double hold_s = 90.0;
    double grace_s = 0.5;
    double ramp_rate_kpa_s = 60.0;
    double ramp_tolerance_kpa_s = 15.0;

    protocols::PressureBand band() const;
    protocols::HoldTimerConfig hold() const;

    /// The first problem found, with the field it belongs to; ok() when usable.
    protocols::ConfigCheck validate() const;

    bool operator==(const LiveTargets&) const = default;
};

} // namespace algocore::live
