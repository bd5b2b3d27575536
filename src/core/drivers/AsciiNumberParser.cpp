#include "algocore/drivers/AsciiNumberParser.h"

#include <cmath>

#include "algocore/drivers/GaugeText.h"

namespace algocore {

GaugeReply parse_ascii_number_line(std::string_view line, algocal::ForceUnit unit, double scale) {
    if (!is_printable_ascii(line)) return unparsable_reply("non-printable bytes");
    std::string_view text = trim_spaces(line);
    const auto value = take_signed_number(text);
    if (!value) return unparsable_reply("no number");
    if (!trim_spaces(text).empty()) return unparsable_reply("more than one number on the line");
    GaugeReply r;
    r.kind = GaugeReply::Kind::Reading;
    r.unit = unit;
    r.force_n = *value * scale * algocal::newtons_per(unit);
    // A finite number can still overflow once converted (309 digits of pounds-force).
    if (!std::isfinite(r.force_n)) return unparsable_reply("value too large for a force");
    return r;
}

} // namespace algocore
