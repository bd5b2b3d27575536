#pragma once
// Generic ASCII lines from DIY boards (Arduino + HX711 and the like): one number per line.
#include <string_view>

#include "algocore/drivers/GaugeReply.h"

namespace algocore {

/// Decode one line holding a single number; force = number × scale, in `unit`.
GaugeReply parse_ascii_number_line(std::string_view line, algocal::ForceUnit unit, double scale);

} // namespace algocore
