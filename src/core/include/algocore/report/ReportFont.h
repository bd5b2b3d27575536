#pragma once
// The font every report is set in, DejaVu Sans (regular and bold), compiled into the program
// from the build machine's copy (CMake: ALGOSCOPE_REPORT_FONT, ALGOSCOPE_REPORT_FONT_BOLD), so
// a report looks the same wherever it is made and needs no font installed. It draws Latin,
// Greek and Cyrillic (with their accents) and common signs; the one rule of what a report can
// draw is report_can_draw().
#include <string>
#include <string_view>
#include <vector>

#include "algocore/report/TrueTypeFont.h"

namespace algocore::report {

/// The family the report is set in, as a sentence names it.
inline constexpr const char* kReportFontName = "DejaVu Sans";
/// Printed in place of a character the report cannot draw (U+FFFD, a diamond with a "?").
inline constexpr char32_t kReplacementMark = 0xFFFD;

/// Regular or bold.
enum class FontWeight { Regular, Bold };

/// The compiled-in font of that weight, parsed on first use (immutable afterwards).
const TrueTypeFont& report_font(FontWeight weight);

/// Whether the report draws `code_point` as it is written: both weights have a glyph for it, it
/// is written left to right (Hebrew, Arabic and the other right-to-left scripts are not: the
/// report neither reorders nor joins them, so they would print reversed and broken) and it is
/// not a control or direction-formatting character, nor U+FFFD itself (it would read as a
/// replaced character). CJK and emoji have no glyph.
bool report_can_draw(char32_t code_point);

/// The glyph the report draws for `code_point` in that weight: its own when report_can_draw(),
/// else the replacement mark's. Measuring and drawing both ask this, so they agree.
GlyphId report_glyph(char32_t code_point, FontWeight weight);

/// The characters of `utf8` the report cannot draw, each once, in order of appearance (bytes
/// that are not UTF-8 count as U+FFFD).
std::vector<char32_t> undrawable_characters(std::string_view utf8);

/// "U+4E2D" (four hex digits at least, as Unicode writes them).
std::string code_point_name(char32_t code_point);

/// The character as UTF-8.
std::string utf8_of(char32_t code_point);

} // namespace algocore::report
