#pragma once
// The built-in site library: common myofascial trigger-point sites and the DFNS QST sites,
// with landmarks, body-map positions and minimal-detectable-change defaults.
#include <string>
#include <vector>

#include "algocore/storage/StoredRecords.h"

namespace algocore::storage {

/// The built-in sites (builtin = true, id = 0 until stored).
const std::vector<Site>& builtin_sites();

/// Turns a display name into a site key: "Upper Trapezius" → "upper_trapezius".
std::string site_key_from_name(const std::string& name);

} // namespace algocore::storage
