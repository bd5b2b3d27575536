#include "algogui/BandBar.h"

#include <QFontMetricsF>
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
    if (!no_pressure_ && y == shown_y_ && colour == colour_) return;
    no_pressure_ = false;
    shown_y_ = y;
    colour_ = colour;
    update();
}

void BandBar::show_no_pressure(const BandStyle& style) {
    if (no_pressure_ && style.word == style_.word) return;
    no_pressure_ = true;
    style_ = style;
    pressure_kpa_ = 0.0;
    shown_y_ = -1;
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

    if (no_pressure_) {
        // Greyed, no level and no marker: the word runs up the column, as large as fits.
        QColor veil = style_.colour;
        veil.setAlpha(190);
        painter.fillRect(column.adjusted(1, 1, -1, -1), veil);
        painter.save();
        painter.translate(column.center());
        painter.rotate(-90);
        const QRectF along(-column.height() / 2 + 8, -column.width() / 2, column.height() - 16,
                           column.width());
        QFont word_font = font();
        word_font.setBold(true);
        int px = static_cast<int>(std::min(along.height() * 0.7, 64.0));
        for (; px > 10; px -= 2) {
            word_font.setPixelSize(px);
            if (QFontMetricsF(word_font).horizontalAdvance(style_.word) <= along.width()) break;
        }
        painter.setFont(word_font);
        painter.setPen(Qt::white);
        painter.drawText(along, Qt::AlignCenter, style_.word);
        painter.restore();
        return;
    }

    // The current pressure: a filled level plus a wide marker that overhangs the column.
    const double y = y_of(pressure_kpa_);
    QColor fill = colour_;
    fill.setAlpha(110);
    painter.fillRect(
        QRectF(QPointF(column.left() + 3, y), QPointF(column.right() - 3, column.bottom() - 1)),
        fill);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour_);
    painter.drawRect(QRectF(QPointF(rect().left() + 2, y - 7), QPointF(rect().right() - 2, y + 7)));
}

} // namespace algogui
