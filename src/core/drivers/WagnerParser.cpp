#include "algocore/drivers/WagnerParser.h"

#include "algocore/drivers/GaugeText.h"

namespace algocore {

GaugeReply parse_wagner_line(std::string_view line, algocal::ForceUnit unit_when_omitted) {
    // The Wagner shape is the common "<sign> <number> <unit>" one; the space after the sign
    // is what take_signed_number() accepts.
    return parse_value_and_unit(line, unit_when_omitted);
}

} // namespace algocore
