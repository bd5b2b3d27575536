#pragma once
// Just enough of a TrueType font (glyf outlines) to set text in a PDF with it: which glyph draws
// a character (cmap formats 4 and 12), how wide each glyph is (hhea, hmtx, head's units per
// em), the numbers a PDF font descriptor states, and a subset that keeps the glyph ids and
// drops the outlines no page uses. Every read is bounds-checked: a truncated or corrupt file
// is refused with a sentence, never read past its end.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace algocore::report {

/// A glyph's index in its font (0 is .notdef, drawn for a character the font lacks).
using GlyphId = std::uint16_t;

/// One TrueType font, parsed from bytes that outlive it.
class TrueTypeFont {
public:
    struct Parsed;
    /// The font, or why the bytes are not one (`error` names the table and what is wrong).
    static Parsed parse(std::span<const std::uint8_t> bytes);

    /// The glyph that draws `code_point`, 0 when the font has none.
    GlyphId glyph_of(char32_t code_point) const;
    /// Advance width of a glyph in thousandths of an em (the unit of PDF glyph widths).
    int advance_1000(GlyphId glyph) const;
    int glyph_count() const { return glyph_count_; }

    /// Figures of the PDF font descriptor, in thousandths of an em.
    struct Metrics {
        int ascent = 0, descent = 0, cap_height = 0;
        int bbox[4] = {0, 0, 0, 0}; ///< x min, y min, x max, y max
    };
    const Metrics& metrics() const { return metrics_; }

    /// The font with every glyph outside `used` emptied (ids kept, so text keeps its codes);
    /// the composite glyphs' parts are kept with them. Only the tables a PDF viewer draws
    /// with are written (head, hhea, maxp, hmtx, loca, glyf and the hinting tables).
    std::vector<std::uint8_t> subset(const std::vector<GlyphId>& used) const;

private:
    struct Table {
        std::uint32_t offset = 0, length = 0;
    };
    /// A run of consecutive characters drawn by consecutive glyphs.
    struct Run {
        char32_t first = 0, last = 0;
        std::uint32_t first_glyph = 0;
    };
    std::span<const std::uint8_t> bytes_;
    std::vector<std::pair<std::uint32_t, Table>> tables_; ///< tag, place in the file
    std::vector<Run> runs_;                               ///< by first character
    std::vector<std::uint16_t> advances_;                 ///< font units, per glyph
    std::vector<std::uint32_t> glyph_offsets_;            ///< loca, glyph_count + 1 entries
    Table glyf_;
    int units_per_em_ = 1000;
    int glyph_count_ = 0;
    std::size_t hmtx_metrics_count_ = 0; ///< hhea's numberOfHMetrics
    Metrics metrics_;

    void read_tables();
    void read_metrics();
    void read_glyph_offsets();
    void read_cmap();
    Table table(const char* tag) const;
};

struct TrueTypeFont::Parsed {
    TrueTypeFont font;
    std::string error; ///< empty when the bytes are a font
    bool ok() const { return error.empty(); }
};

} // namespace algocore::report
