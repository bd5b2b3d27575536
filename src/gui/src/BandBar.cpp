#include "algogui/BandBar.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

#include "algogui/Theme.h"

namespace algogui {

BandBar::BandBar(QWidget* parent) : QWidget(parent), colour_(theme::kNoSignal) {
    setMinimumWidth(90);
    setAccessibleName(tr("Pressure against the band"));
}

void BandBar::set_band(const algocore::protocols::PressureBand& band) {
    if (band.low_kpa == band_.low_kpa && band.high_kpa == band_.high_kpa &&
        band.limit_kpa == band_.limit_kpa)
        return;
    band_ = band;
    shown_y_ = -1;
    update();
}

double BandBar::top_kpa() const {
    const double limit = band_.has_limit() ? band_.limit_kpa : band_.high_kpa * 1.3;
    return std::max({limit * 1.15, band_.high_kpa * 1.2, pressure_kpa_ * 1.05, 1.0});
}

void BandBar::show_pressure(double pressure_kpa, const QColor& colour) {
    pressure_kpa_ = pressure_kpa;
    const int y = static_cast<int>(std::lround(pressure_kpa / top_kpa() * height()));
    if (y == shown_y_ && colour == colour_) return;
    shown_y_ = y;
    colour_ = colour;
    update();
}

void BandBar::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF column = QRectF(rect()).adjusted(width() * 0.2, 8, -width() * 0.2, -8);
    const double top = top_kpa();
    auto y_of = [&](double kpa) {
        return column.bottom() - column.height() * std::clamp(kpa / top, 0.0, 1.0);
    };
    painter.fillRect(column, Qt::white);
    painter.fillRect(QRectF(QPointF(column.left(), y_of(band_.high_kpa)),
                            QPointF(column.right(), y_of(band_.low_kpa))),
                     theme::kBandFill);
    painter.setPen(QPen(theme::kInBand, 3));
    painter.drawLine(QPointF(column.left(), y_of(band_.high_kpa)),
                     QPointF(column.right(), y_of(band_.high_kpa)));
    painter.drawLine(QPointF(column.left(), y_of(band_.low_kpa)),
                     QPointF(column.right(), y_of(band_.low_kpa)));
    if (band_.has_limit()) {
        painter.setPen(QPen(theme::kOverLimit, 4, Qt::DashLine));
        painter.drawLine(QPointF(column.left() - 6, y_of(band_.limit_kpa)),
                         QPointF(column.right() + 6, y_of(band_.limit_kpa)));
    }
    painter.setPen(QPen(theme::kText, 2));
    painter.drawRect(column);

    // The current pressure: a filled level plus a wide marker that overhangs the column.
    const double y = y_of(pressure_kpa_);
    QColor fill = colour_;
    fill.setAlpha(110);
    painter.fillRect(QRectF(QPointF(column.left() + 3, y), QPointF(column.right() - 3,
                                                                    column.bottom() - 1)),
                     fill);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour_);
    painter.drawRect(QRectF(QPointF(rect().left() + 2, y - 7), QPointF(rect().right() - 2, y + 7)));
}

}  // namespace algogui
