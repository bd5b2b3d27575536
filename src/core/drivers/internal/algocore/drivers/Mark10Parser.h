#pragma once
// Mark-10 (Series 4/5/7 and rebadged units) reply lines: "-18.78 lbF", "4.285 N", "12.5"
// (numeric-only output), "*10" (error code), "OVER" / a value followed by "OVER" (overload).
#include <string_view>

#include "algocore/drivers/GaugeReply.h"

namespace algocore {

/// Decode one Mark-10 line (terminator already removed). A value without unit is converted
/// with `unit_when_omitted`; GaugeReply::unit stays empty so the driver can say so.
GaugeReply parse_mark10_line(std::string_view line, algocal::ForceUnit unit_when_omitted);

/// What a Mark-10 error code means ("illegal command", ...).
std::string_view mark10_error_meaning(int code);

} // namespace algocore
