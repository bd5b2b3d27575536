#include "algogui/training/ChartFrame.h"

#include <QPainter>
#include <QPainterPath>
#include <QWidget>

#include "algogui/Theme.h"

namespace algogui::chart_frame {

void use_chart_background(QWidget& chart) {
    chart.setAutoFillBackground(true);
    QPalette white = chart.palette();
    white.setColor(QPalette::Window, theme::kBackground);
    chart.setPalette(white);
}

void draw_series(QPainter& painter, const std::vector<QPointF>& points, const QPen& pen,
                 double dot_radius) {
    QPainterPath path;
    painter.setPen(Qt::NoPen);
    painter.setBrush(pen.color());
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (i == 0)
            path.moveTo(points[i]);
        else
            path.lineTo(points[i]);
        painter.drawEllipse(points[i], dot_radius, dot_radius);
    }
    painter.strokePath(path, pen);
}

} // namespace algogui::chart_frame
