#pragma once
// The big number: current pressure in the chosen unit, on a panel coloured by band state,
// with the state also written out with a shape (▼ BELOW, ● IN BAND, ▲ ABOVE, ⚠ OVER LIMIT)
// so it reads without colour vision. Sized from its own height, legible from two metres.
#include <QHash>
#include <QPixmap>
#include <QWidget>

#include "algogui/BandStyle.h"

namespace algogui {

class PressureReadout : public QWidget {
    Q_OBJECT
public:
    explicit PressureReadout(QWidget* parent = nullptr);

    /// Repaints only when something visible changed.
    void show_reading(const QString& number, const QString& unit_symbol, const BandStyle& style);

    QString number_text() const { return number_; }
    QString unit_text() const { return unit_; }
    QString state_text() const { return style_.label(); }
    QColor state_colour() const { return style_.colour; }

    QSize sizeHint() const override { return {420, 240}; }
    QSize minimumSizeHint() const override { return {260, 150}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void draw_number(QPainter& painter, const QRectF& box, int pixel_size);
    void draw_backdrop();
    QString backdrop_key() const;

    // Colour, unit and state word, drawn once per change of any of them (or of the size or
    // the number's length); a frame blits it and draws the digits.
    QPixmap backdrop_;
    QString backdrop_key_;
    QRectF digits_box_;
    int number_px_ = 10;

    // Glyphs this large are not in Qt's glyph cache and would be re-rasterised from outlines
    // every frame; the number changes nearly every frame, so its characters are rendered
    // once per size into pixmaps and blitted.
    QHash<QChar, QPixmap> glyphs_;
    int glyphs_px_ = 0;
    QString number_ = QStringLiteral("—");
    QString unit_;
    BandStyle style_ = no_signal_style();
};

}  // namespace algogui
