#include "algocore/drivers/GaugeText.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

namespace algocore {

std::string_view trim_spaces(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

bool is_printable_ascii(std::string_view text) {
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u > 0x7E) return false;
    }
    return true;
}

std::optional<double> take_signed_number(std::string_view& text) {
    std::string_view rest = trim_spaces(text);
    double sign = 1.0;
    if (!rest.empty() && (rest.front() == '+' || rest.front() == '-')) {
        if (rest.front() == '-') sign = -1.0;
        rest.remove_prefix(1);
        while (!rest.empty() && rest.front() == ' ')
            rest.remove_prefix(1);
    }
    // from_chars rejects a leading '+', and we have consumed the sign ourselves; refuse a
    // second sign so "--5" is not read as 5.
    if (rest.empty() || rest.front() == '+' || rest.front() == '-') return std::nullopt;
    double magnitude = 0.0;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), magnitude,
                                           std::chars_format::fixed);
    if (ec != std::errc{} || !std::isfinite(magnitude)) return std::nullopt;
    text = rest.substr(static_cast<std::size_t>(end - rest.data()));
    return sign * magnitude;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    }
    return true;
}

bool is_overload_word(std::string_view word) {
    return equals_ignoring_case(word, "OVER") || equals_ignoring_case(word, "OVERLOAD") ||
           equals_ignoring_case(word, "OL");
}

GaugeReply parse_value_and_unit(std::string_view text, algocal::ForceUnit unit_when_omitted) {
    if (!is_printable_ascii(text)) return unparsable_reply("non-printable bytes");
    text = trim_spaces(text);
    if (text.empty()) return unparsable_reply("empty line");
    if (is_overload_word(text)) {
        GaugeReply r;
        r.kind = GaugeReply::Kind::Reading;
        r.overload = true;
        r.has_value = false;
        return r;
    }
    const auto value = take_signed_number(text);
    if (!value) return unparsable_reply("no number");
    GaugeReply r;
    r.kind = GaugeReply::Kind::Reading;
    text = trim_spaces(text);
    if (!text.empty()) {
        const auto space = text.find(' ');
        const auto unit_word = text.substr(0, space);
        if (is_overload_word(unit_word)) {
            r.overload = true;
        } else {
            r.unit = algocal::parse_force_unit(unit_word);
            if (!r.unit) return unparsable_reply("unknown unit '" + std::string(unit_word) + "'");
        }
        if (space != std::string_view::npos) {
            const auto tail = trim_spaces(text.substr(space));
            if (!is_overload_word(tail)) return unparsable_reply("trailing text");
            r.overload = true;
        }
    }
    r.force_n = *value * algocal::newtons_per(r.unit.value_or(unit_when_omitted));
    // A finite number can still overflow once converted (309 digits of pounds-force).
    if (!std::isfinite(r.force_n)) return unparsable_reply("value too large for a force");
    return r;
}

} // namespace algocore
