#pragma once
// The probe tips the program accepts: one range for the session form, the calibration setup,
// every command-line option, a calibration record read from a file, the acquisition and the
// simulator. From a 1.13 mm needle (0.01 cm²) to a 3.6 cm disc (10 cm²); anything outside is a
// typo, not a probe (1e-300 cm² once gave 1e300 kPa).
#include <string>

namespace algocal {

/// Smallest and largest probe tip, cm².
inline constexpr double kMinProbeAreaCm2 = 0.01;
inline constexpr double kMaxProbeAreaCm2 = 10.0;

/// True for a finite area from kMinProbeAreaCm2 to kMaxProbeAreaCm2 (NaN and infinities are not).
constexpr bool probe_area_in_range(double area_cm2) {
    return area_cm2 >= kMinProbeAreaCm2 && area_cm2 <= kMaxProbeAreaCm2;
}

/// The range in words for messages and help texts: "0.01 to 10 cm²" (UTF-8).
std::string probe_area_range_text();

} // namespace algocal
