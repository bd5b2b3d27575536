#include "algocal/ProbeArea.h"

#include <charconv>

namespace algocal {

namespace {
// Shortest form, in the C locale whatever the user's (a GUI may run with a decimal comma).
std::string shortest(double value) {
    char text[32];
    const auto written = std::to_chars(text, text + sizeof text, value);
    return std::string(text, written.ptr);
}
} // namespace

std::string probe_area_range_text() {
    return shortest(kMinProbeAreaCm2) + " to " + shortest(kMaxProbeAreaCm2) + " cm\u00b2";
}

} // namespace algocal
