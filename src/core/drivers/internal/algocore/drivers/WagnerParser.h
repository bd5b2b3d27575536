#pragma once
// Wagner FDX / FDIX reply lines: sign, space, value, unit ("- 23.02 lbf", "+ 5.10 lbf");
// '-' is tension. The FDIX prints the same line shape in continuous output.
#include <string_view>

#include "algocore/drivers/GaugeReply.h"

namespace algocore {

/// Decode one Wagner line (terminator removed).
GaugeReply parse_wagner_line(std::string_view line, algocal::ForceUnit unit_when_omitted);

} // namespace algocore
