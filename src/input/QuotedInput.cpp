#include "algoinput/QuotedInput.h"

#include <cstdio>

namespace algoinput {
namespace {

// Length of the UTF-8 sequence at text[at] and its code point; 0 when the bytes there are
// not UTF-8 (bad lead or continuation byte, overlong form, surrogate, beyond U+10FFFF).
std::size_t utf8_sequence(std::string_view text, std::size_t at, char32_t& code_point) {
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80) {
        code_point = lead;
        return 1;
    }
    std::size_t length = 0;
    char32_t value = 0;
    char32_t smallest = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, value = lead & 0x1Fu, smallest = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, value = lead & 0x0Fu, smallest = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, value = lead & 0x07u, smallest = 0x10000;
    } else {
        return 0;
    }
    if (text.size() - at < length) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(text[at + i]);
        if ((next & 0xC0) != 0x80) return 0;
        value = (value << 6) | (next & 0x3Fu);
    }
    if (value < smallest || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    code_point = value;
    return length;
}

bool is_control(char32_t c) {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

// Embeddings, overrides and isolates reorder the text that follows them on screen
// ("Trojan Source"); the plain direction marks do not and stay allowed.
bool is_bidi_override(char32_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

std::string escaped(std::string_view text, std::size_t max_chars, bool in_quotes) {
    std::string out;
    std::size_t shown = 0;
    std::size_t at = 0;
    char code[16];
    while (at < text.size() && shown < max_chars) {
        char32_t c = 0;
        const std::size_t length = utf8_sequence(text, at, c);
        ++shown;
        if (length == 0) {
            std::snprintf(code, sizeof code, "\\x%02X", static_cast<unsigned char>(text[at]));
            out += code;
            ++at;
            continue;
        }
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\\') {
            out += "\\\\";
        } else if (c == '"' && in_quotes) {
            out += "\\\"";
        } else if (c < 0x80 && is_control(c)) {
            std::snprintf(code, sizeof code, "\\x%02X", static_cast<unsigned>(c));
            out += code;
        } else if (is_control(c) || is_bidi_override(c)) {
            std::snprintf(code, sizeof code, "\\u{%04X}", static_cast<unsigned>(c));
            out += code;
        } else {
            out.append(text.substr(at, length));
        }
        at += length;
    }
    if (at < text.size()) out += "... (" + std::to_string(text.size()) + " bytes in all)";
    return out;
}

} // namespace

std::string escape_input(std::string_view text, std::size_t max_chars) {
    return escaped(text, max_chars, false);
}

std::string quote_input(std::string_view text, std::size_t max_chars) {
    return "\"" + escaped(text, max_chars, true) + "\"";
}

bool is_printable_text(std::string_view text) {
    return printable_text_problem(text).empty();
}

std::string utf8_problem(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        char32_t c = 0;
        const std::size_t length = utf8_sequence(text, at, c);
        if (length == 0) {
            char clause[64];
            std::snprintf(clause, sizeof clause, "byte 0x%02X at position %zu is not UTF-8",
                          static_cast<unsigned>(static_cast<unsigned char>(text[at])), at + 1);
            return clause;
        }
        at += length;
    }
    return {};
}

std::string printable_text_problem(std::string_view text) {
    char clause[80];
    for (std::size_t at = 0; at < text.size();) {
        char32_t c = 0;
        const std::size_t length = utf8_sequence(text, at, c);
        if (length == 0) {
            std::snprintf(clause, sizeof clause, "byte 0x%02X at position %zu is not UTF-8",
                          static_cast<unsigned>(static_cast<unsigned char>(text[at])), at + 1);
            return clause;
        }
        if (is_control(c) || is_bidi_override(c)) {
            std::snprintf(clause, sizeof clause, "U+%04X at position %zu is a %s",
                          static_cast<unsigned>(c), at + 1,
                          is_control(c) ? "control character" : "direction override");
            return clause;
        }
        at += length;
    }
    return {};
}

std::u32string code_points(std::string_view text) {
    std::u32string out;
    for (std::size_t at = 0; at < text.size();) {
        char32_t c = 0;
        const std::size_t length = utf8_sequence(text, at, c);
        out += length == 0 ? char32_t{0xFFFD} : c;
        at += length == 0 ? 1 : length;
    }
    return out;
}

std::string code_point_name(char32_t code_point) {
    char text[16];
    std::snprintf(text, sizeof text, "U+%04X", static_cast<unsigned>(code_point));
    return text;
}

std::string utf8_of(char32_t c) {
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

} // namespace algoinput
