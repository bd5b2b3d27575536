#pragma once
// Shimpo FGV / FGE lines. The gauge echoes each command it receives ("BA", "BB", "AB"),
// either on its own line or in front of the reading ("BA+0012.3 N"); readings otherwise have
// the common "<signed number> [unit]" shape.
#include <string_view>

#include "algocore/drivers/GaugeReply.h"

namespace algocore {

/// Decode one Shimpo line (terminator removed). An echo alone is Kind::Echo.
GaugeReply parse_shimpo_line(std::string_view line, algocal::ForceUnit unit_when_omitted);

} // namespace algocore
