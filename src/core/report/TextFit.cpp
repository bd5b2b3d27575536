// Widths are summed in thousandths of an em (the font's advance widths, as the PDF states them
// in /W) and scaled to points once, so measuring and drawing agree to the unit.
#include "algocore/report/TextFit.h"

#include <cmath>
#include <utility>

#include "Utf8Decode.h"

namespace algocore::report {

namespace {

constexpr std::string_view kEllipsis = "\u2026";

int width_1000(char32_t code_point, FontWeight weight) {
    return report_font(weight).advance_1000(report_glyph(code_point, weight));
}

// The lines of a wrap as byte ranges of the text.
std::vector<std::pair<std::size_t, std::size_t>> wrap_ranges(std::string_view text, double size,
                                                             double width, FontWeight weight) {
    std::vector<std::pair<std::size_t, std::size_t>> lines;
    const double limit = size > 0.0 ? width * 1000.0 / size : 0.0;
    const int space = width_1000(U' ', weight);
    std::size_t start = 0;     // the line's first byte
    double used = 0.0;         // its width so far
    std::size_t space_at = 0;  // its last space, if has_space
    double before_space = 0.0; // its width before that space
    bool has_space = false;
    const auto end_line = [&](std::size_t end, std::size_t next) {
        lines.emplace_back(start, end);
        start = next;
        used = 0.0;
        has_space = false;
    };
    for_each_utf8(text, [&](const Utf8Char& c) {
        if (c.code_point == U'\n') return end_line(c.begin, c.end);
        if (c.code_point == U' ') {
            if (used + space > limit && c.begin > start) return end_line(c.begin, c.end);
            space_at = c.begin, before_space = used, has_space = true;
            used += space;
            return;
        }
        const int w = width_1000(c.code_point, weight);
        if (used + w > limit && c.begin > start) {
            if (has_space) {
                // Break at the last space; the word begun after it moves to the next line.
                const double carried = used - before_space - space;
                end_line(space_at, space_at + 1);
                used = carried;
            }
            if (used + w > limit && c.begin > start) end_line(c.begin, c.begin);
        }
        used += w;
    });
    lines.emplace_back(start, text.size());
    return lines;
}

} // namespace

double text_width_pt(std::string_view utf8, double size_pt, FontWeight weight) {
    long units = 0;
    for_each_utf8(utf8, [&](const Utf8Char& c) { units += width_1000(c.code_point, weight); });
    return static_cast<double>(units) * size_pt / 1000.0;
}

std::string elided(std::string_view utf8, double size_pt, double width_pt, FontWeight weight) {
    const double limit = size_pt > 0.0 ? width_pt * 1000.0 / size_pt : 0.0;
    if (text_width_pt(utf8, 1000.0, weight) <= limit) return std::string(utf8);
    const double room = limit - text_width_pt(kEllipsis, 1000.0, weight);
    if (room < 0.0) return {};
    // One pass: the longest run of whole characters that leaves room for the ellipsis.
    std::size_t cut = 0;
    double used = 0.0;
    bool full = false;
    for_each_utf8(utf8, [&](const Utf8Char& c) {
        if (full) return;
        used += width_1000(c.code_point, weight);
        if (used > room)
            full = true;
        else
            cut = c.end;
    });
    return std::string(utf8.substr(0, cut)) + std::string(kEllipsis);
}

std::vector<std::string> wrapped(std::string_view utf8, double size_pt, double width_pt,
                                 FontWeight weight) {
    std::vector<std::string> lines;
    for (const auto& [begin, end] : wrap_ranges(utf8, size_pt, width_pt, weight))
        lines.emplace_back(utf8.substr(begin, end - begin));
    return lines;
}

FittedText fit_text(std::string_view utf8, double width_pt, const FitRule& rule,
                    FontWeight weight) {
    FittedText out;
    const double at_1pt = text_width_pt(utf8, 1.0, weight);
    // The size that fits one line, to the hundredth of a point the PDF writes, never above it.
    const double fits = at_1pt > 0.0 ? std::floor(width_pt / at_1pt * 100.0) / 100.0 : rule.size_pt;
    if (fits >= rule.min_size_pt) {
        out.size_pt = std::min(rule.size_pt, fits);
        out.lines.emplace_back(utf8);
        return out;
    }
    out.size_pt = rule.min_size_pt;
    const auto ranges = wrap_ranges(utf8, out.size_pt, width_pt, weight);
    const std::size_t keep =
        rule.max_lines > 0 ? static_cast<std::size_t>(rule.max_lines) : ranges.size();
    for (std::size_t i = 0; i < ranges.size() && i < keep; ++i) {
        const auto [begin, end] = ranges[i];
        if (i + 1 == keep && i + 1 < ranges.size()) {
            // The last line allowed takes the rest of the text, cut to its width.
            out.lines.push_back(elided(utf8.substr(begin), out.size_pt, width_pt, weight));
            out.cut = true;
        } else {
            out.lines.emplace_back(utf8.substr(begin, end - begin));
        }
    }
    return out;
}

} // namespace algocore::report
