#pragma once
// Imada DS2 / DST / DSV reply to `D`: "[+-]value" then a unit letter (N newton, K kgf,
// O lbf), a mode letter (T real time, P peak) and a judgement letter (comparator result),
// e.g. "+012.34NTO", "-1.234KPH".
#include <string_view>

#include "algocore/drivers/GaugeReply.h"

namespace algocore {

/// Decode one Imada line (terminator removed).
GaugeReply parse_imada_line(std::string_view line);

} // namespace algocore
