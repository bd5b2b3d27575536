#include "algogui/history/HistoryPlot.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace algogui {

namespace {
// A round step for the y axis: 1, 2 or 5 times a power of ten, about four ticks.
double nice_step(double span) {
    const double raw = span / 4.0;
    const double p = std::pow(10.0, std::floor(std::log10(std::max(raw, 1e-9))));
    for (double m : {1.0, 2.0, 5.0})
        if (m * p >= raw) return m * p;
    return 10.0 * p;
}
} // namespace

HistoryPlot::HistoryPlot(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void HistoryPlot::set_trend(const Series& series, const QStringList& x_labels,
                            std::optional<std::pair<double, double>> band_kpa) {
    series_ = {series};
    x_labels_ = x_labels;
    band_kpa_ = band_kpa;
    trend_ = true;
    update();
}

void HistoryPlot::set_traces(const std::vector<Series>& traces,
                             std::optional<std::pair<double, double>> band_kpa) {
    series_ = traces;
    x_labels_.clear();
    band_kpa_ = band_kpa;
    trend_ = false;
    update();
}

void HistoryPlot::set_unit(const QString& symbol, double per_kpa) {
    symbol_ = symbol;
    per_kpa_ = per_kpa;
    update();
}

void HistoryPlot::set_caption(const QString& caption) {
    caption_ = caption;
    update();
}

void HistoryPlot::clear() {
    series_.clear();
    x_labels_.clear();
    band_kpa_.reset();
    update();
}

void HistoryPlot::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const QFontMetrics fm(font());
    const int line = fm.height();
    p.setPen(palette().text().color());
    p.drawText(QRect(4, 2, width() - 8, line), Qt::AlignLeft | Qt::AlignVCenter, caption_);

    double x_min = 0.0, x_max = 1.0, y_max = 1.0;
    bool any = false;
    for (const Series& s : series_)
        for (std::size_t i = 0; i < s.points.size(); ++i) {
            const QPointF& pt = s.points[i];
            const double sd = i < s.sd_kpa.size() ? s.sd_kpa[i] : 0.0;
            x_min = any ? std::min(x_min, pt.x()) : pt.x();
            x_max = any ? std::max(x_max, pt.x()) : pt.x();
            y_max = std::max(y_max, pt.y() + sd);
            any = true;
        }
    if (band_kpa_) y_max = std::max(y_max, band_kpa_->second);
    if (!any) {
        p.drawText(rect(), Qt::AlignCenter, tr("Nothing to plot yet"));
        return;
    }
    if (trend_) x_min -= 0.5, x_max += 0.5;
    if (x_max <= x_min) x_max = x_min + 1.0;
    // The caption names the unit (the caller writes it); ticks are a round step, spread at least a
    // line apart.
    const double axis_top = 1.5 * line + 8;
    const double axis_height = height() - 2.5 * line - 16;
    double step = nice_step(y_max * per_kpa_);
    double top_shown = std::ceil(y_max * per_kpa_ * 1.05 / step) * step;
    while (axis_height * step / top_shown < line + 2 && step < top_shown) {
        step *= 2.0;
        top_shown = std::ceil(y_max * per_kpa_ * 1.05 / step) * step;
    }
    const int label_w = fm.horizontalAdvance(QString::number(top_shown, 'g', 6)) + 8;
    const QRectF area(label_w, axis_top, width() - label_w - 10, axis_height);
    if (area.width() < 20 || area.height() < 20) return;
    const auto to_px = [&](double x, double kpa) {
        return QPointF(area.left() + area.width() * (x - x_min) / (x_max - x_min),
                       area.bottom() - area.height() * kpa * per_kpa_ / top_shown);
    };
    if (band_kpa_) {
        const QPointF a = to_px(x_min, band_kpa_->second), b = to_px(x_max, band_kpa_->first);
        p.fillRect(QRectF(a, b), QColor(120, 190, 120, 60));
    }
    p.setPen(QColor(200, 200, 200));
    p.drawRect(area);
    p.setPen(palette().text().color());
    for (double v = 0.0; v <= top_shown + 1e-9; v += step) {
        const double y = area.bottom() - area.height() * v / top_shown;
        p.drawText(QRectF(0, y - line / 2.0, area.left() - 4, line),
                   Qt::AlignRight | Qt::AlignVCenter, QString::number(v, 'g', 6));
    }
    if (trend_) {
        // A date under every session whose label fits beside its neighbours.
        int last_right = -1000;
        for (int i = 0; i < x_labels_.size(); ++i) {
            const QPointF at = to_px(i, 0);
            const int w = fm.horizontalAdvance(x_labels_[i]);
            const int left = static_cast<int>(at.x()) - w / 2;
            if (left < last_right + 6 || left + w > width()) continue;
            p.drawText(QPointF(left, area.bottom() + line), x_labels_[i]);
            last_right = left + w;
        }
    } else {
        p.drawText(QRectF(area.left(), area.bottom() + 2, area.width(), line), Qt::AlignLeft,
                   QStringLiteral("0 s"));
        p.drawText(QRectF(area.left(), area.bottom() + 2, area.width(), line), Qt::AlignRight,
                   QStringLiteral("%1 s").arg(x_max, 0, 'f', 0));
    }
    p.setRenderHint(QPainter::Antialiasing);
    const QColor colour(30, 80, 180);
    for (const Series& s : series_) {
        QPainterPath path;
        for (std::size_t i = 0; i < s.points.size(); ++i) {
            const QPointF at = to_px(s.points[i].x(), s.points[i].y());
            const bool gap = i < s.gap_before.size() && s.gap_before[i];
            i == 0 || gap ? path.moveTo(at) : path.lineTo(at);
        }
        p.setPen(QPen(colour, trend_ ? 1.5 : 1.0));
        p.drawPath(path);
        if (!trend_) continue;
        for (std::size_t i = 0; i < s.points.size(); ++i) {
            const QPointF& pt = s.points[i];
            const double sd = i < s.sd_kpa.size() ? s.sd_kpa[i] : 0.0;
            if (sd > 0) p.drawLine(to_px(pt.x(), pt.y() - sd), to_px(pt.x(), pt.y() + sd));
            p.setBrush(colour);
            p.drawEllipse(to_px(pt.x(), pt.y()), 3.0, 3.0);
        }
    }
}

} // namespace algogui
