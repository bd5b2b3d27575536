#pragma once
// Names of record enums in the JSON file format (private to the calibration area).
#include <optional>
#include <string_view>

#include "algocal/CalibrationRecord.h"

namespace algocore {

inline std::string_view direction_name(algocal::LoadDirection direction) {
    return direction == algocal::LoadDirection::kAscending ? "ascending" : "descending";
}

inline std::optional<algocal::LoadDirection> parse_direction(std::string_view text) {
    if (text == "ascending") return algocal::LoadDirection::kAscending;
    if (text == "descending") return algocal::LoadDirection::kDescending;
    return std::nullopt;
}

inline std::string_view reading_kind_name(algocal::ReadingKind kind) {
    return kind == algocal::ReadingKind::kRawCounts ? "raw_counts" : "device_newtons";
}

inline std::optional<algocal::ReadingKind> parse_reading_kind(std::string_view text) {
    if (text == "raw_counts") return algocal::ReadingKind::kRawCounts;
    if (text == "device_newtons") return algocal::ReadingKind::kDeviceNewtons;
    return std::nullopt;
}

} // namespace algocore
