#pragma once
// A small PDF 1.4 writer for reports, without Qt, so the CLI writes the same report headless
// as the GUI. Text is set in the report font (ReportFont.h), embedded as a subset that keeps
// only the glyphs the pages use, with a map back to Unicode, so every word of the page can be
// extracted (pdftotext, screen readers, search) in any script the font draws. A character it
// cannot draw prints as the replacement mark and is listed (replaced_characters()), never
// silently as "?". Coordinates are points (1/72 in) from the top-left corner of an A4 page;
// the writer flips them for PDF.
#include <string>
#include <string_view>
#include <vector>

#include "algocore/report/ReportFont.h"
#include "algocore/report/TextFit.h"

namespace algocore::report {

/// An RGB colour, each part 0..1.
struct Rgb {
    double r = 0.0, g = 0.0, b = 0.0;
};

/// Pages of text and vector graphics, written as one PDF file.
class PdfDocument {
public:
    static constexpr double kA4WidthPt = 595.28;
    static constexpr double kA4HeightPt = 841.89;

    /// Starts a new page; drawing goes to the newest page.
    void new_page();
    int page_count() const { return static_cast<int>(pages_.size()); }

    /// Text with its baseline at (x, y).
    void text(double x_pt, double y_pt, std::string_view utf8, double size_pt,
              FontWeight weight = FontWeight::Regular, Rgb colour = {});
    /// Text cut with "…" to fit max_width_pt.
    void text_fitted(double x_pt, double y_pt, std::string_view utf8, double size_pt,
                     double max_width_pt, FontWeight weight = FontWeight::Regular, Rgb colour = {});
    /// Text ending at x_pt (numbers in table columns).
    void text_right(double x_pt, double y_pt, std::string_view utf8, double size_pt,
                    FontWeight weight = FontWeight::Regular, Rgb colour = {});
    void line(double x1_pt, double y1_pt, double x2_pt, double y2_pt, double width_pt,
              Rgb colour = {});
    void fill_rect(double x_pt, double y_pt, double w_pt, double h_pt, Rgb colour);
    void stroke_rect(double x_pt, double y_pt, double w_pt, double h_pt, double width_pt,
                     Rgb colour = {});
    /// An open polyline through the points (x0, y0, x1, y1, ...).
    void polyline(const std::vector<double>& xy_pt, double width_pt, Rgb colour = {});
    void fill_circle(double cx_pt, double cy_pt, double r_pt, Rgb colour);
    /// What is drawn until end_clip() shows only inside the closed polygons (each x0, y0, x1,
    /// y1, ...; together, as one area).
    void begin_clip(const std::vector<std::vector<double>>& polygons_pt);
    void end_clip();
    void stroke_ellipse(double cx_pt, double cy_pt, double rx_pt, double ry_pt, double width_pt,
                        Rgb colour = {});

    /// The characters drawn as the replacement mark so far, each once, in order.
    const std::vector<char32_t>& replaced_characters() const { return replaced_; }

    /// The PDF file's bytes, with the document title in its information dictionary.
    std::string bytes(std::string_view title) const;
    /// Writes the file with owner-only permissions; returns an error sentence or "".
    std::string save(const std::string& path, std::string_view title) const;

private:
    /// The glyphs of one weight the pages use, with the character each stands for.
    struct GlyphsUsed {
        std::vector<char32_t> character_of; ///< per glyph id; 0 = unused
    };
    std::string& page();
    std::string glyph_string(std::string_view utf8, FontWeight weight);
    /// The font's Type0 dictionary, its descendant objects appended to `objects` (the first
    /// of them gets object number first_object).
    std::string font_objects(FontWeight weight, std::size_t first_object,
                             std::vector<std::string>& objects) const;

    std::vector<std::string> pages_; ///< content streams
    GlyphsUsed used_[2];             ///< regular, bold
    std::vector<char32_t> replaced_;
};

} // namespace algocore::report
