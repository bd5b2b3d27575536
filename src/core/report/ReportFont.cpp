// The fonts are byte arrays generated at build time (cmake/EmbedFonts.cmake); they are parsed
// once, on the first report, and never change afterwards, so every thread may share them.
#include "algocore/report/ReportFont.h"

#include <algorithm>
#include <stdexcept>

#include "Utf8Decode.h"
#include "algoinput/QuotedInput.h"

namespace algocore::report::embedded {
extern const unsigned char kReportFontRegular[];
extern const std::size_t kReportFontRegularSize;
extern const unsigned char kReportFontBold[];
extern const std::size_t kReportFontBoldSize;
} // namespace algocore::report::embedded

namespace algocore::report {

namespace {

TrueTypeFont parsed(const unsigned char* bytes, std::size_t size, const char* which) {
    TrueTypeFont::Parsed font = TrueTypeFont::parse({bytes, size});
    // The build checked the file exists; a file that is not a font is a broken build.
    if (!font.ok())
        throw std::logic_error(std::string("the report's ") + which +
                               " font built into this "
                               "program is unusable: " +
                               font.error);
    return std::move(font.font);
}

// Scripts written right to left, and the marks that switch direction: the report sets every
// line left to right without shaping, so these cannot be drawn as written.
bool right_to_left_or_direction_mark(char32_t c) {
    return (c >= 0x0590 && c <= 0x08FF) ||   // Hebrew, Arabic, Syriac, Thaana, NKo, ...
           (c >= 0xFB1D && c <= 0xFDFF) ||   // Hebrew and Arabic presentation forms
           (c >= 0xFE70 && c <= 0xFEFF) ||   // Arabic presentation forms B
           (c >= 0x10800 && c <= 0x10FFF) || // historic right-to-left scripts
           (c >= 0x1E800 && c <= 0x1EFFF) || // Mende Kikakui, Adlam, Arabic math
           c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0x061C;
}

} // namespace

const TrueTypeFont& report_font(FontWeight weight) {
    static const TrueTypeFont regular =
        parsed(embedded::kReportFontRegular, embedded::kReportFontRegularSize, "regular");
    static const TrueTypeFont bold =
        parsed(embedded::kReportFontBold, embedded::kReportFontBoldSize, "bold");
    return weight == FontWeight::Bold ? bold : regular;
}

bool report_can_draw(char32_t c) {
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return false;
    if (right_to_left_or_direction_mark(c) || c == kReplacementMark) return false;
    return report_font(FontWeight::Regular).glyph_of(c) != 0 &&
           report_font(FontWeight::Bold).glyph_of(c) != 0;
}

GlyphId report_glyph(char32_t code_point, FontWeight weight) {
    const TrueTypeFont& font = report_font(weight);
    return font.glyph_of(report_can_draw(code_point) ? code_point : kReplacementMark);
}

std::vector<char32_t> undrawable_characters(std::string_view utf8) {
    std::vector<char32_t> out;
    for_each_utf8(utf8, [&out](const Utf8Char& c) {
        if (!report_can_draw(c.code_point) &&
            std::find(out.begin(), out.end(), c.code_point) == out.end())
            out.push_back(c.code_point);
    });
    return out;
}

// Naming and writing a character have one home, algoinput's (the subject-code rule names one).
std::string code_point_name(char32_t code_point) {
    return algoinput::code_point_name(code_point);
}

std::string utf8_of(char32_t c) {
    return algoinput::utf8_of(c);
}

} // namespace algocore::report
