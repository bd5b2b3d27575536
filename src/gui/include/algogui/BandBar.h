#pragma once
// Vertical band bar for the coach view: a column from zero to above the over-pressure
// limit, the target band shaded, the limit drawn as a red line, and a thick marker at the
// current pressure in the band state's colour. Without a live signal there is no marker:
// the column is greyed and the state is written along it.
#include <QWidget>

#include "algocore/protocols/PressureBand.h"
#include "algogui/BandStyle.h"

namespace algogui {

class BandBar : public QWidget {
    Q_OBJECT
public:
    explicit BandBar(QWidget* parent = nullptr);

    void set_band(const algocore::protocols::PressureBand& band);
    void show_pressure(double pressure_kpa, const QColor& colour);
    /// No live pressure: no marker, the state's word (e.g. "NO SIGNAL") along the column.
    void show_no_pressure(const BandStyle& style);

    bool shows_pressure() const { return !no_pressure_; }
    /// The state written along the column while there is no pressure; empty otherwise.
    QString state_text() const { return no_pressure_ ? style_.word : QString(); }

    QSize sizeHint() const override { return {140, 400}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    double top_kpa() const;

    algocore::protocols::PressureBand band_;
    double pressure_kpa_ = 0.0;
    QColor colour_;
    int shown_y_ = -1; // marker position on screen, so repaints happen only on movement
    bool no_pressure_ = true;
    BandStyle style_ = not_connected_style();
};

} // namespace algogui
