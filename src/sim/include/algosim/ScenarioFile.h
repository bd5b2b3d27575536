#pragma once
// Scenario files: a CSV of keyframes written by a person, so every refusal names the line
// and column and says what was expected.
//
//   t_s,pressure_kpa,patient_button,operator_button
//   0,0,0,0
//   8,400,1,0        <- ramp to 400 kPa over 8 s, patient presses at 400 kPa
//   9,0,0,0
//
// Rules: the header is exactly those four names; one keyframe per row; t_s ≥ 0 and strictly
// increasing; 0 ≤ pressure_kpa ≤ 100000; buttons are 0 or 1. Blank lines and lines starting
// with '#' are ignored. Fields may be surrounded by spaces; CRLF line ends are accepted.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "algosim/Scenario.h"

namespace algosim {

/// A scenario file larger than this is refused unread (a day of keyframes at 10 Hz is ~20 MB).
inline constexpr std::size_t kMaxScenarioFileBytes = std::size_t{32} << 20;

/// Keyframes parsed from a scenario file, or the reason it was refused.
struct ScenarioFileResult {
    std::vector<Keyframe> keyframes; ///< empty when refused
    std::string error;               ///< "FILE:LINE: column N (name): what is wrong"
    bool ok() const { return error.empty(); }
};

/// Parse scenario CSV text; `source_name` prefixes error messages.
ScenarioFileResult parse_scenario_csv(std::string_view text, const std::string& source_name);

/// Read and parse a scenario file.
ScenarioFileResult load_scenario_file(const std::string& path);

} // namespace algosim
