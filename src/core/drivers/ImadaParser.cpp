#include "algocore/drivers/ImadaParser.h"

#include <cmath>
#include <string>

#include "algocore/drivers/GaugeText.h"

namespace algocore {

GaugeReply parse_imada_line(std::string_view line) {
    if (!is_printable_ascii(line)) return unparsable_reply("non-printable bytes");
    std::string_view text = trim_spaces(line);
    if (text.empty()) return unparsable_reply("empty line");
    // The value always carries its sign: that is how an Imada line starts.
    if (text.front() != '+' && text.front() != '-') return unparsable_reply("no sign");
    const auto value = take_signed_number(text);
    if (!value) return unparsable_reply("no number");
    // Exactly three letters follow: unit, mode, judgement.
    text = trim_spaces(text);
    if (text.size() != 3) return unparsable_reply("expected unit, mode and judgement letters");
    GaugeReply r;
    r.kind = GaugeReply::Kind::Reading;
    switch (text[0]) {
    case 'N': r.unit = algocal::ForceUnit::kNewton; break;
    case 'K': r.unit = algocal::ForceUnit::kKilogramForce; break;
    case 'O': r.unit = algocal::ForceUnit::kPoundForce; break;
    default: return unparsable_reply("unknown unit letter '" + std::string(1, text[0]) + "'");
    }
    if (text[1] != 'T' && text[1] != 'P')
        return unparsable_reply("unknown mode letter '" + std::string(1, text[1]) + "'");
    if (text[2] < 'A' || text[2] > 'Z') return unparsable_reply("judgement is not a letter");
    r.mode = text[1];
    r.judgement = text[2];
    r.force_n = *value * algocal::newtons_per(*r.unit);
    // A finite number can still overflow once converted (309 digits of pounds-force).
    if (!std::isfinite(r.force_n)) return unparsable_reply("value too large for a force");
    return r;
}

} // namespace algocore
