#include "algocore/protocols/BaselineWait.h"

#include <cmath>
#include <cstdio>

namespace algocore::protocols {

namespace {

// Whole kPa as the operator reads them off the display; a fractional baseline keeps one
// decimal so "lift below 2.5 kPa" is not rounded into a different rule.
std::string kpa_text(double kpa) {
    char text[32];
    if (std::abs(kpa - std::round(kpa)) < 0.05)
        std::snprintf(text, sizeof text, "%.0f", kpa);
    else
        std::snprintf(text, sizeof text, "%.1f", kpa);
    return text;
}

} // namespace

std::string to_words(const BaselineWait& wait) {
    return "probe loaded (" + kpa_text(std::round(wait.pressure_kpa)) + " kPa): lift below " +
           kpa_text(wait.lift_below_kpa) + " kPa to begin";
}

std::string to_words(const PressWhileLoaded& press) {
    return "the patient pressed at " + kpa_text(std::round(press.pressure_kpa)) +
           " kPa while the probe was loaded: kept as an event, not a trial (its ramp did not "
           "start from baseline)";
}

} // namespace algocore::protocols
