#pragma once
// The readout's characters as opaque cells, already on their state colour: a frame copies the
// cells of the digits that changed, with no blending and no text layout. Glyphs this large
// are not in Qt's glyph cache and would be rasterised from outlines every frame. One set of
// cells per state colour, so a trace crossing the band edges does not re-render them.
// Private to algogui.
#include <QColor>
#include <QFont>
#include <QHash>
#include <QPixmap>
#include <array>
#include <memory>
#include <vector>

namespace algogui {

class DigitCells {
public:
    struct Cell {
        QPixmap pixmap;
        int width = 0; ///< logical pixels; 0 = not rendered yet
    };

    /// The font and pixel ratio of the cells; any change forgets every cell.
    void set_font(const QFont& font, qreal pixel_ratio);
    /// Height of every cell (the font's line height), logical pixels.
    int height() const { return height_px_; }
    /// The cell of `c`, white on `colour`, rendered on first use.
    const Cell& cell(QChar c, const QColor& colour);

private:
    struct ColourSet {
        QRgb colour;
        std::array<Cell, 128> ascii{}; // digits, '.', '-': looked up every frame
        QHash<QChar, Cell> other;
    };
    ColourSet& set_for(const QColor& colour);
    Cell render(QChar c, const QColor& colour) const;

    // The band states' colours and the odd other: a few sets at most; the oldest goes first.
    static constexpr std::size_t kMaxColours = 6;
    std::vector<std::unique_ptr<ColourSet>> sets_;
    QFont font_;
    qreal pixel_ratio_ = 1.0;
    int height_px_ = 0;
    double ascent_px_ = 0.0;
};

} // namespace algogui
