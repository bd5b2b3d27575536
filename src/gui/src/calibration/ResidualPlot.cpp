#include "algogui/calibration/ResidualPlot.h"

#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "algogui/Theme.h"

namespace algogui::calibration {

namespace {

// A "nice" tick step (1, 2 or 5 × 10^k) giving about `ticks` intervals over `span`.
double nice_step(double span, int ticks) {
    if (!(span > 0)) return 1.0;
    const double raw = span / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    const double nice = fraction < 1.5 ? 1.0 : fraction < 3.5 ? 2.0 : fraction < 7.5 ? 5.0 : 10.0;
    return nice * magnitude;
}

} // namespace

QString reading_unit_text(algocal::ReadingKind kind) {
    return kind == algocal::ReadingKind::kRawCounts ? QStringLiteral("counts")
                                                    : QStringLiteral("N");
}

void paint_residual_plot(QPainter& painter, const QRectF& area,
                         std::span<const algocal::CalibrationPoint> points,
                         const algocal::PolynomialFit& fit, const QString& reading_unit) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetricsF metrics(painter.font());
    const double line_h = metrics.height();
    const QRectF plot =
        area.adjusted(metrics.horizontalAdvance(QStringLiteral("-0.0000e+00")) + 8, line_h * 1.4,
                      -metrics.horizontalAdvance(QStringLiteral("00000")) / 2 - 4, -line_h * 2.6);
    painter.setPen(theme::kText);
    painter.drawText(
        QRectF(area.left(), area.top(), area.width(), line_h * 1.2), Qt::AlignHCenter,
        QStringLiteral("Residuals (reading − fit, %1) against applied load (N)").arg(reading_unit));
    if (fit.residuals.size() != points.size() || points.empty()) {
        painter.drawText(plot, Qt::AlignCenter, QStringLiteral("no fit yet"));
        painter.restore();
        return;
    }

    double x_lo = fit.x_min, x_hi = fit.x_max;
    if (!(x_hi > x_lo)) x_hi = x_lo + 1.0;
    const double x_pad = 0.04 * (x_hi - x_lo);
    x_lo -= x_pad;
    x_hi += x_pad;
    double r_max = 0.0;
    for (double r : fit.residuals)
        r_max = std::max(r_max, std::abs(r));
    if (!(r_max > 0)) r_max = 1.0;
    const double y_step = nice_step(2.0 * r_max, 4);
    const double y_hi = std::ceil(r_max / y_step) * y_step;
    const double y_lo = -y_hi;
    const auto to_x = [&](double v) {
        return plot.left() + (v - x_lo) / (x_hi - x_lo) * plot.width();
    };
    const auto to_y = [&](double v) {
        return plot.bottom() - (v - y_lo) / (y_hi - y_lo) * plot.height();
    };

    // Grid and labels.
    painter.setPen(QPen(theme::kGrid, 0));
    for (double y = y_lo; y <= y_hi + 1e-9 * y_step; y += y_step) {
        painter.setPen(QPen(theme::kGrid, 0));
        painter.drawLine(QPointF(plot.left(), to_y(y)), QPointF(plot.right(), to_y(y)));
        painter.setPen(theme::kMutedText);
        painter.drawText(
            QRectF(area.left(), to_y(y) - line_h / 2, plot.left() - area.left() - 6, line_h),
            Qt::AlignRight | Qt::AlignVCenter, QString::number(y, 'g', 4));
    }
    const double x_step = nice_step(x_hi - x_lo, 6);
    for (double x = std::ceil(x_lo / x_step) * x_step; x <= x_hi; x += x_step) {
        painter.setPen(QPen(theme::kGrid, 0));
        painter.drawLine(QPointF(to_x(x), plot.top()), QPointF(to_x(x), plot.bottom()));
        painter.setPen(theme::kMutedText);
        painter.drawText(QRectF(to_x(x) - 40, plot.bottom() + 2, 80, line_h), Qt::AlignHCenter,
                         QString::number(x, 'g', 4));
    }
    painter.setPen(QPen(theme::kText, 1.2));
    painter.drawLine(QPointF(plot.left(), to_y(0)), QPointF(plot.right(), to_y(0)));
    painter.setPen(QPen(theme::kText, 0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(plot);

    // Points: ascending filled circles, descending open squares (shape, not colour alone).
    const double r = std::max(3.0, line_h * 0.28);
    for (std::size_t i = 0; i < points.size(); ++i) {
        const QPointF c(to_x(points[i].applied_load_n()), to_y(fit.residuals[i]));
        if (points[i].direction == algocal::LoadDirection::kAscending) {
            painter.setPen(QPen(theme::kBelow, 1.2));
            painter.setBrush(theme::kBelow);
            painter.drawEllipse(c, r, r);
        } else {
            painter.setPen(QPen(theme::kOverLimit, 1.6));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r));
        }
    }

    // Legend.
    painter.setPen(theme::kText);
    const double ly = plot.bottom() + line_h * 1.3;
    painter.setBrush(theme::kBelow);
    painter.setPen(QPen(theme::kBelow, 1.2));
    painter.drawEllipse(QPointF(plot.left() + r, ly + line_h / 2), r, r);
    painter.setPen(theme::kText);
    painter.drawText(QPointF(plot.left() + 3 * r, ly + line_h * 0.8), QStringLiteral("ascending"));
    const double lx =
        plot.left() + 3 * r + metrics.horizontalAdvance(QStringLiteral("ascending")) + 20;
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(theme::kOverLimit, 1.6));
    painter.drawRect(QRectF(lx, ly + line_h / 2 - r, 2 * r, 2 * r));
    painter.setPen(theme::kText);
    painter.drawText(QPointF(lx + 3 * r, ly + line_h * 0.8), QStringLiteral("descending"));
    painter.restore();
}

ResidualPlot::ResidualPlot(QWidget* parent) : QWidget(parent) {
    setMinimumHeight(200);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, theme::kBackground);
    setPalette(p);
}

void ResidualPlot::show_fit(std::vector<algocal::CalibrationPoint> points,
                            algocal::PolynomialFit fit, QString reading_unit) {
    points_ = std::move(points);
    fit_ = std::move(fit);
    reading_unit_ = std::move(reading_unit);
    update();
}

void ResidualPlot::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter(this);
    paint_residual_plot(painter, QRectF(rect()).adjusted(4, 4, -4, -4), points_, fit_,
                        reading_unit_);
}

} // namespace algogui::calibration
