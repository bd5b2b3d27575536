#pragma once
// Bad input echoed in an error message must not take over the user's terminal or flood it:
// a 100 MB cell, ANSI escape sequences in an operator name, a NUL in a file name. These
// functions show such text safely and briefly.
#include <cstddef>
#include <string>
#include <string_view>

namespace algoinput {

/// At most this many characters of outside input are shown in one message.
inline constexpr std::size_t kMaxQuotedChars = 200;

/// `text` made safe to print: backslash doubled; CR, LF, TAB as \r \n \t; other control
/// characters and bytes that are not UTF-8 as \xNN; C1 controls and bidirectional overrides
/// as \u{NNNN}; cut after `max_chars` characters with the full size said. Valid UTF-8 text
/// (names with accents) passes unchanged. No quotes are added.
std::string escape_input(std::string_view text, std::size_t max_chars = kMaxQuotedChars);

/// escape_input() in double quotes, with any double quote inside escaped: "abc \"x\"".
std::string quote_input(std::string_view text, std::size_t max_chars = kMaxQuotedChars);

/// True when `text` is valid UTF-8 with no control characters (C0, DEL, C1): what a name or
/// a code typed by a person may contain.
bool is_printable_text(std::string_view text);

/// Where `text` first is not UTF-8, as a clause: "byte 0xFC at position 2 is not UTF-8"
/// (positions count bytes from 1); empty when it is UTF-8. Control characters are allowed
/// (a file's tabs and line breaks).
std::string utf8_problem(std::string_view text);

/// What to do about a file that is not UTF-8 (a legacy export in Latin-1 or Windows-1252),
/// said after utf8_problem(): every loader words it the same way.
inline constexpr const char* kSaveAsUtf8 =
    "save the file as UTF-8 (\"CSV UTF-8\" in a spreadsheet, or iconv -f latin1 -t utf-8)";

/// Where `text` first fails is_printable_text, as a clause: "byte 0xFC at position 2 is not
/// UTF-8" or "U+001B at position 2 is a control character" (positions count bytes from 1).
/// Empty when `text` is printable.
std::string printable_text_problem(std::string_view text);

/// The characters of `text` in order; a byte that is not UTF-8 reads as U+FFFD.
std::u32string code_points(std::string_view text);

/// "U+4E2D" (four hex digits at least, as Unicode writes them): a character named in a message.
std::string code_point_name(char32_t code_point);

/// The character as UTF-8.
std::string utf8_of(char32_t code_point);

} // namespace algoinput
