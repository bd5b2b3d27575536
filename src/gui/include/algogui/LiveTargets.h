#pragma once
// What the therapist aims for: the band, the over-pressure limit, the hold and the ramp.
// Checks are the protocol engines' own (algocore); this only gathers them in one place.
#include <QString>

#include "algocore/protocols/HoldTimer.h"
#include "algocore/protocols/PressureBand.h"
#include "algocore/protocols/RampCorridor.h"

namespace algogui {

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

    algocore::protocols::PressureBand band() const;
    algocore::protocols::HoldTimerConfig hold() const;

    /// The first problem found, with the field it belongs to; ok() when usable.
    algocore::protocols::ConfigCheck validate() const;

    bool operator==(const LiveTargets&) const = default;
};

/// A named quick preset for the target editor.
struct TargetPreset {
    QString name;
    LiveTargets targets;
};

/// Built-in presets (gentle/moderate/firm trigger-point release, dosage training).
QList<TargetPreset> target_presets();

} // namespace algogui
