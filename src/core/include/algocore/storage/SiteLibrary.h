#pragma once
// The built-in site library: common myofascial trigger-point sites and the DFNS QST sites,
// with landmarks, body-map positions and minimal-detectable-change defaults.
#include <string>
#include <vector>

#include "algocore/storage/StoredRecords.h"

namespace algocore::storage {

/// The built-in sites (builtin = true, id = 0 until stored).
const std::vector<Site>& builtin_sites();

/// A pressure range, low < high.
struct PressureRangeKpa {
    double low_kpa;
    double high_kpa;
};
/// The body map's colour scale for thresholds at this library's sites. It is fixed, not
/// fitted to each subject, so that one colour means one pressure on every subject's map and
/// at every visit (fitted, a 300 kPa point was red on one map and yellow on the next). It
/// spans the usual PPTs with a 1 cm² probe at these sites, from the sensitive face and neck
/// points to the shin; a value beyond it takes the end colour and keeps its number.
inline constexpr PressureRangeKpa kBodyMapRangeKpa{100.0, 800.0};

/// Turns a display name into a site key: "Upper Trapezius" → "upper_trapezius".
std::string site_key_from_name(const std::string& name);

} // namespace algocore::storage
