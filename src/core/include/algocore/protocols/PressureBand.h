#pragma once
// The target band a therapist aims for, with the over-pressure limit that must never be
// crossed. Used by the live view (colour/text of the readout), the hold engine and training.
#include <limits>

#include "algocore/protocols/ConfigCheck.h"

namespace algocore::protocols {

/// Where a pressure lies relative to a band. OverLimit wins over Above.
enum class BandState { Below, InBand, Above, OverLimit };

/// Short English word for a band state ("below", "in band", "above", "over limit").
const char* to_string(BandState state);

/// Target band [low_kpa, high_kpa] (edges inclusive) and an over-pressure limit.
/// limit_kpa = +infinity means "no limit".
struct PressureBand {
    double low_kpa = 0.0;
    double high_kpa = 0.0;
    double limit_kpa = std::numeric_limits<double>::infinity();

    /// Refuses an impossible target: a negative or non-finite value, low >= high,
    /// a band reaching above the over-pressure limit, a limit <= 0.
    ConfigCheck validate() const;

    /// Classifies a pressure: OverLimit if >= limit, Above if > high, InBand if within
    /// [low, high], else Below.
    BandState classify(double pressure_kpa) const;

    /// Middle of the band, kPa.
    double centre_kpa() const { return 0.5 * (low_kpa + high_kpa); }
    bool has_limit() const { return limit_kpa < std::numeric_limits<double>::infinity(); }
};

} // namespace algocore::protocols
