#include "algogui/calibration/ReadingTrace.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "algogui/Theme.h"

namespace algogui::calibration {

ReadingTrace::ReadingTrace(QWidget* parent) : QWidget(parent) {
    setMinimumHeight(120);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, theme::kBackground);
    setPalette(p);
}

void ReadingTrace::show_readings(std::vector<double> readings, bool stable) {
    readings_ = std::move(readings);
    stable_ = stable;
    update();
}

void ReadingTrace::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(8, 8, -8, -8);
    painter.setPen(QPen(theme::kGrid, 0));
    painter.drawRect(area);
    if (readings_.size() < 2) {
        painter.setPen(theme::kMutedText);
        painter.drawText(area, Qt::AlignCenter, tr("waiting for readings"));
        return;
    }
    const auto [lo_it, hi_it] = std::minmax_element(readings_.begin(), readings_.end());
    // Never zoom in past a small span, or sensor noise would look like a wild signal.
    const double mid = (*lo_it + *hi_it) / 2;
    const double half = std::max((*hi_it - *lo_it) / 2 * 1.2, std::max(1e-3, std::abs(mid) * 1e-4));
    QPainterPath path;
    for (std::size_t i = 0; i < readings_.size(); ++i) {
        const double x = area.left() + area.width() * i / (readings_.size() - 1);
        const double y = area.center().y() - (readings_[i] - mid) / half * area.height() / 2;
        if (i == 0)
            path.moveTo(x, y);
        else
            path.lineTo(x, y);
    }
    painter.setPen(QPen(stable_ ? theme::kInBand : theme::kAbove, 2));
    painter.drawPath(path);
    painter.setPen(theme::kMutedText);
    painter.drawText(area.adjusted(4, 2, -4, -2), Qt::AlignTop | Qt::AlignRight,
                     QString::number(*hi_it, 'g', 7));
    painter.drawText(area.adjusted(4, 2, -4, -2), Qt::AlignBottom | Qt::AlignRight,
                     QString::number(*lo_it, 'g', 7));
}

} // namespace algogui::calibration
