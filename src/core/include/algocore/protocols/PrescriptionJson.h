#pragma once
// The stored text of a prescription (holds.prescription): one JSON shape, whichever front
// end ran the hold. docs/data-model.md lists its keys.
#include <optional>
#include <string>

#include "algocore/protocols/Prescription.h"

namespace algocore::protocols {

/// Compact JSON: {"name","source","low":{"anchor","value"},"high":{…},"limit":{…}|null,
/// "hold_s","grace_s","step_ups","hold_until_release","repetitions","rest_s","stretch_s"}.
std::string prescription_to_json(const Prescription& prescription);
/// Reads what prescription_to_json wrote; nullopt with *error set when it cannot.
std::optional<Prescription> prescription_from_json(const std::string& text, std::string* error);
/// "kpa", "pct_ppt", "pct_tolerance", "pct_ppt_tolerance_mid" (to_string) → anchor.
bool parse_anchor(const std::string& text, PressureAnchor& out);
/// A literature preset by its name ("ppt_90s", "hou_2002_midpoint", "de_meulemeester_2017",
/// "simons_barrier_release"); nullopt if unknown.
std::optional<Prescription> prescription_preset(const std::string& name);

} // namespace algocore::protocols
