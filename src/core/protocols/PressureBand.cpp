#include "algocore/protocols/PressureBand.h"

#include <cmath>
#include <sstream>

namespace algocore::protocols {

const char* to_string(BandState state) {
    switch (state) {
    case BandState::Below: return "below";
    case BandState::InBand: return "in band";
    case BandState::Above: return "above";
    case BandState::OverLimit: return "over limit";
    }
    return "unknown";
}

namespace {
std::string kpa(double value) {
    std::ostringstream out;
    out << value << " kPa";
    return out.str();
}
} // namespace

ConfigCheck PressureBand::validate() const {
    // Each field is checked on its own first so the reason lands next to the right field.
    if (!std::isfinite(low_kpa)) return ConfigCheck::bad("low_kpa", "the low edge is not a number");
    if (!std::isfinite(high_kpa))
        return ConfigCheck::bad("high_kpa", "the high edge is not a number");
    if (std::isnan(limit_kpa))
        return ConfigCheck::bad("limit_kpa", "the over-pressure limit is not a number");
    if (low_kpa < 0.0)
        return ConfigCheck::bad("low_kpa", "the low edge is negative (" + kpa(low_kpa) + ")");
    if (high_kpa < 0.0)
        return ConfigCheck::bad("high_kpa", "the high edge is negative (" + kpa(high_kpa) + ")");
    if (limit_kpa <= 0.0)
        return ConfigCheck::bad("limit_kpa", "the over-pressure limit must be above 0 kPa");
    if (low_kpa >= high_kpa)
        return ConfigCheck::bad("high_kpa", "the low edge (" + kpa(low_kpa) +
                                                ") must be below the high edge (" + kpa(high_kpa) +
                                                ")");
    if (high_kpa >= limit_kpa)
        return ConfigCheck::bad("limit_kpa", "the band reaches " + kpa(high_kpa) +
                                                 ", at or above the over-pressure limit (" +
                                                 kpa(limit_kpa) + ")");
    return ConfigCheck::good();
}

BandState PressureBand::classify(double pressure_kpa) const {
    if (pressure_kpa >= limit_kpa) return BandState::OverLimit;
    if (pressure_kpa > high_kpa) return BandState::Above;
    if (pressure_kpa >= low_kpa) return BandState::InBand;
    return BandState::Below;
}

} // namespace algocore::protocols
