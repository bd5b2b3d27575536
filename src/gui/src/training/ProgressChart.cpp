#include "algogui/training/ProgressChart.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

#include "algogui/Theme.h"
#include "algogui/training/ChartFrame.h"
#include "algogui/training/NiceStep.h"

namespace algogui {

namespace {
using chart_frame::kBottom;
using chart_frame::kLeft;
using chart_frame::kTop;
constexpr int kRight = 52;
} // namespace

ProgressChart::ProgressChart(QWidget* parent) : QWidget(parent), unit_(display_unit({})) {
    setObjectName(QStringLiteral("ProgressChart"));
    chart_frame::use_chart_background(*this);
}

void ProgressChart::set_unit(const DisplayUnit& unit) {
    unit_ = unit;
    update();
}

void ProgressChart::set_scores(std::vector<algocore::records::TrainingScore> scores) {
    scores_ = std::move(scores);
    update();
}

int ProgressChart::sessions_shown() const {
    int sessions = 0;
    algocore::records::RecordId last = algocore::records::kNoRecord;
    for (const auto& s : scores_) {
        if (sessions == 0 || s.session_id != last) ++sessions;
        last = s.session_id;
    }
    return sessions;
}

void ProgressChart::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font = painter.font();
    font.setPixelSize(14);
    painter.setFont(font);
    // The legend takes a second line when the chart is narrow, rather than losing its end.
    const QString legend = QStringLiteral("Progress: ━ absolute error  ╍ variable error  ┈ "
                                          "constant error (%1, left)   ■ time in band (%, right)")
                               .arg(unit_.symbol);
    const QFontMetricsF metrics(font);
    const QRectF legend_box(8, 4, width() - 16, 2 * metrics.lineSpacing());
    const bool two_lines = metrics.horizontalAdvance(legend) > legend_box.width();
    const double area_top = kTop + (two_lines ? metrics.lineSpacing() : 0.0);
    const QRectF area(kLeft, area_top, width() - kLeft - kRight, height() - area_top - kBottom);

    painter.setPen(theme::kText);
    painter.drawText(legend_box, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, legend);
    if (scores_.empty()) {
        painter.setPen(theme::kMutedText);
        painter.drawText(area, Qt::AlignCenter, QStringLiteral("No scored attempts yet"));
        return;
    }

    double top = 1.0;
    double bottom = 0.0;
    for (const auto& s : scores_) {
        top = std::max({top, s.absolute_error_kpa, s.variable_error_kpa, s.constant_error_kpa});
        bottom = std::min(bottom, s.constant_error_kpa);
    }
    const double step = nice_step(top - bottom, 4);
    top = std::ceil(top * 1.05 / step) * step;
    bottom = std::floor(bottom * 1.05 / step) * step;
    const int n = static_cast<int>(scores_.size());
    // Points sit inside the frame so the first and last time-in-band bars are whole.
    const QRectF points = area.adjusted(14, 0, -14, 0);
    const auto x_of = [&](int i) {
        return n == 1 ? points.center().x() : points.left() + points.width() * i / (n - 1);
    };
    const auto y_of = [&](double kpa) {
        return area.bottom() - area.height() * (kpa - bottom) / (top - bottom);
    };
    const auto y_pct = [&](double pct) { return area.bottom() - area.height() * pct / 100.0; };

    painter.setPen(QPen(theme::kGrid, 1));
    painter.drawRect(area);
    painter.drawLine(QPointF(area.left(), y_of(0.0)), QPointF(area.right(), y_of(0.0)));
    painter.setPen(theme::kMutedText);
    for (double kpa = bottom; kpa <= top + 1e-9; kpa += step) {
        painter.drawText(QRectF(0, y_of(kpa) - 9, kLeft - 6, 18), Qt::AlignRight | Qt::AlignVCenter,
                         unit_.format(kpa));
    }
    for (int pct : {0, 50, 100}) {
        painter.drawText(QRectF(area.right() + 4, y_pct(pct) - 9, kRight - 4, 18),
                         Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("%1 %").arg(pct));
    }

    // Session boundaries, labelled with the date.
    for (int i = 0; i < n; ++i) {
        if (i > 0 && scores_[i].session_id == scores_[i - 1].session_id) continue;
        const double x = i == 0 ? area.left() : 0.5 * (x_of(i - 1) + x_of(i));
        painter.setPen(QPen(theme::kMutedText, 1, Qt::DotLine));
        if (i > 0) painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        painter.setPen(theme::kMutedText);
        painter.drawText(QRectF(x + 2, area.bottom() + 4, 120, 20), Qt::AlignLeft,
                         QString::fromStdString(scores_[i].attempted_utc).left(10));
    }

    // Time in band as bars behind the error lines.
    const double bar_w = std::max(3.0, std::min(18.0, area.width() / std::max(1, n) * 0.5));
    for (int i = 0; i < n; ++i) {
        const double pct = std::clamp(scores_[i].time_in_band_pct, 0.0, 100.0);
        painter.fillRect(QRectF(x_of(i) - bar_w / 2, y_pct(pct), bar_w, area.bottom() - y_pct(pct)),
                         theme::kBandFill);
    }
    const auto line = [&](auto value_of, const QPen& pen) {
        std::vector<QPointF> dots;
        for (int i = 0; i < n; ++i)
            dots.emplace_back(x_of(i), y_of(value_of(scores_[i])));
        chart_frame::draw_series(painter, dots, pen, 3.5);
    };
    line([](const auto& s) { return s.absolute_error_kpa; }, QPen(theme::kText, 3));
    line([](const auto& s) { return s.variable_error_kpa; },
         QPen(theme::kBelow, 2.5, Qt::DashLine));
    line([](const auto& s) { return s.constant_error_kpa; }, QPen(theme::kAbove, 2, Qt::DotLine));
}

} // namespace algogui
