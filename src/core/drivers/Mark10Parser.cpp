#include "algocore/drivers/Mark10Parser.h"

#include <charconv>
#include <string>

#include "algocore/drivers/GaugeText.h"

namespace algocore {

std::string_view mark10_error_meaning(int code) {
    // Codes from the Series 4/5/7 user's guides.
    switch (code) {
    case 10: return "illegal command";
    case 11: return "substring length out of range";
    case 20: return "command not allowed in the current mode";
    case 21: return "invalid parameter";
    case 22: return "value out of range";
    default: return "unknown error code";
    }
}

GaugeReply parse_mark10_line(std::string_view line, algocal::ForceUnit unit_when_omitted) {
    if (!is_printable_ascii(line)) return unparsable_reply("non-printable bytes");
    const std::string_view text = trim_spaces(line);

    // Error replies: '*' and a two-digit code.
    if (!text.empty() && text.front() == '*') {
        const auto digits = text.substr(1);
        int code = 0;
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), code);
        if (ec != std::errc{} || end != digits.data() + digits.size() || digits.size() != 2)
            return unparsable_reply("malformed error reply");
        GaugeReply r;
        r.kind = GaugeReply::Kind::DeviceError;
        r.error_code = code;
        r.message = "Mark-10 error *" + std::string(digits) + " (" +
                    std::string(mark10_error_meaning(code)) + ")";
        return r;
    }
    return parse_value_and_unit(text, unit_when_omitted);
}

} // namespace algocore
