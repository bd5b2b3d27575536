#include "algocore/drivers/ShimpoParser.h"

#include <array>

#include "algocore/drivers/GaugeText.h"

namespace algocore {

GaugeReply parse_shimpo_line(std::string_view line, algocal::ForceUnit unit_when_omitted) {
    if (!is_printable_ascii(line)) return unparsable_reply("non-printable bytes");
    std::string_view text = trim_spaces(line);
    // Strip an echoed command so it is never read as data.
    static constexpr std::array<std::string_view, 3> kEchoes = {"BA", "BB", "AB"};
    for (auto echo : kEchoes) {
        if (text.substr(0, echo.size()) == echo) {
            text = trim_spaces(text.substr(echo.size()));
            if (text.empty()) {
                GaugeReply r;
                r.kind = GaugeReply::Kind::Echo;
                r.message = std::string(echo);
                return r;
            }
            break;
        }
    }
    return parse_value_and_unit(text, unit_when_omitted);
}

} // namespace algocore
