#pragma once
// Fitting text into a box of the report, measured with the report font's own glyph widths:
// cutting with an ellipsis, wrapping at spaces, and shrinking a field before either. Each is
// one pass over the text (linear in its length), so a 60,000-character field costs no more
// than reading it.
#include <string>
#include <string_view>
#include <vector>

#include "algocore/report/ReportFont.h"

namespace algocore::report {

/// Width in points of UTF-8 text set in the report font at size_pt.
double text_width_pt(std::string_view utf8, double size_pt,
                     FontWeight weight = FontWeight::Regular);

/// `utf8` cut at a character and ended with "…" so it fits width_pt; whole when it fits.
std::string elided(std::string_view utf8, double size_pt, double width_pt,
                   FontWeight weight = FontWeight::Regular);

/// Lines of at most width_pt: broken at spaces, a word longer than a line broken between
/// characters, every line break of the text kept.
std::vector<std::string> wrapped(std::string_view utf8, double size_pt, double width_pt,
                                 FontWeight weight = FontWeight::Regular);

/// How a field may be made to fit its box.
struct FitRule {
    double size_pt = 10.0;    ///< its size when it fits
    double min_size_pt = 7.0; ///< the smallest it may shrink to
    int max_lines = 1;        ///< lines it may take at the smallest size; 0: as many as needed
};

/// A field set in its box.
struct FittedText {
    std::vector<std::string> lines;
    double size_pt = 0.0;
    bool cut = false; ///< the end did not fit and was cut with "…"
};

/// Shrinks the text to fit one line, down to the rule's smallest size; below that, wraps it at
/// the smallest size to at most max_lines, the last one cut with "…".
FittedText fit_text(std::string_view utf8, double width_pt, const FitRule& rule,
                    FontWeight weight = FontWeight::Regular);

} // namespace algocore::report
