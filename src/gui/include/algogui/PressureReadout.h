#pragma once
// The big number: current pressure in the chosen unit, on a panel coloured by band state,
// with the state also written out with a shape (▼ BELOW, ● IN BAND, ▲ ABOVE, ⚠ OVER LIMIT)
// so it reads without colour vision. Sized from its own height, legible from two metres.
// Without a live signal it shows no number at all: the state in large words (NO SIGNAL,
// NOT CONNECTED) and why, in a smaller line.
#include <QElapsedTimer>
#include <QHash>
#include <QPixmap>
#include <QWidget>
#include <memory>

#include "algogui/BandStyle.h"

namespace algogui {

class DigitCells;

class PressureReadout : public QWidget {
    Q_OBJECT
public:
    explicit PressureReadout(QWidget* parent = nullptr);
    ~PressureReadout() override;

    /// A live reading. Repaints only when something visible changed (mostly just the digits).
    void show_reading(const QString& number, const QString& unit_symbol, const BandStyle& style);
    /// No number: the style's word large, and `detail` (e.g. "reconnecting…") below it.
    void show_message(const BandStyle& style, const QString& detail);

    /// The number on screen; empty while a message is shown.
    QString number_text() const { return number_; }
    QString unit_text() const { return unit_; }
    QString state_text() const { return style_.label(); }
    QString detail_text() const { return detail_; }
    QColor state_colour() const { return style_.colour; }
    /// Whether the latest paint drew digits (false while a message is shown).
    bool number_painted() const { return number_painted_; }

    QSize sizeHint() const override { return {420, 240}; }
    QSize minimumSizeHint() const override { return {260, 150}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void draw_number(QPainter& painter, const QRegion& dirty);
    QRegion changed_cells(const QString& before, const QString& after);
    int cell_width(QChar c);
    void draw_backdrop();
    void draw_reading_backdrop(QPainter& painter);
    void draw_message_backdrop(QPainter& painter);

    // Colour, unit and state word (or the whole message), drawn once per change of any of
    // them (or of the size or the number's length); a frame draws only the digits.
    QPixmap backdrop_;
    bool backdrop_stale_ = true;
    QRectF digits_box_;
    int number_px_ = 10;

    // The digits' cells, per state colour; a frame copies those that changed.
    std::unique_ptr<DigitCells> cells_;
    QElapsedTimer described_; // since the accessible description was last set
    bool message_ = true;
    QString number_;
    QString unit_;
    QString detail_;
    BandStyle style_ = not_connected_style();
    bool number_painted_ = false;
};

} // namespace algogui
