#pragma once
// JSON text parsed while tracking the field being read, so a parser failure (a number too
// large for a double, bytes that are not UTF-8, text cut short) names the field it stopped
// in instead of surfacing the library's exception (private to the calibration area).
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace algocore {

/// Nesting deeper than this is refused: a calibration record is four levels deep, and an
/// unbounded depth would let a small file take a lot of memory.
inline constexpr int kMaxJsonDepth = 32;

/// Parsed JSON, or the field (JSON path, "(record)" at the top) and why it could not be read.
struct ParsedJson {
    nlohmann::json value;
    bool ok = false;
    std::string field;
    std::string problem;
};

/// Parses `text`; never throws.
ParsedJson parse_json_naming_field(std::string_view text);

} // namespace algocore
