#pragma once
// Decoding UTF-8 text for the report's writer, one code point at a time with its bytes: text
// the database holds is UTF-8, but a byte that is not (an older row) decodes as U+FFFD rather
// than stopping the report.
#include <cstddef>
#include <string_view>

namespace algocore::report {

/// One character of a UTF-8 text: its code point and its bytes [begin, end).
struct Utf8Char {
    char32_t code_point = 0;
    std::size_t begin = 0, end = 0;
};

/// The character starting at byte `at` of `text` (at < text.size()).
inline Utf8Char decode_utf8_at(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    std::size_t len = 0;
    char32_t cp = 0;
    if (lead < 0x80) return {lead, at, at + 1};
    if (lead >= 0xC2 && lead <= 0xDF)
        len = 2, cp = lead & 0x1Fu;
    else if (lead >= 0xE0 && lead <= 0xEF)
        len = 3, cp = lead & 0x0Fu;
    else if (lead >= 0xF0 && lead <= 0xF4)
        len = 4, cp = lead & 0x07u;
    else
        return {0xFFFD, at, at + 1};
    if (at + len > text.size()) return {0xFFFD, at, at + 1};
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(at + k) & 0xC0u) != 0x80u) return {0xFFFD, at, at + 1};
        cp = (cp << 6) | (byte(at + k) & 0x3Fu);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not characters.
    const char32_t least = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
    if (cp < least || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return {0xFFFD, at, at + len};
    return {cp, at, at + len};
}

/// Calls `each(Utf8Char)` for every character of `text`, in order.
template <typename Each> void for_each_utf8(std::string_view text, Each&& each) {
    for (std::size_t at = 0; at < text.size();) {
        const Utf8Char c = decode_utf8_at(text, at);
        each(c);
        at = c.end;
    }
}

} // namespace algocore::report
