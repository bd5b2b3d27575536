#include "algogui/bodymap/ThresholdLegend.h"

#include <QPainter>
#include <algorithm>

#include "BodyMapPalette.h"
#include "algogui/Theme.h"

namespace algogui {

namespace {
constexpr int kTicks = 5;
constexpr double kBarWidthPx = 18.0;
} // namespace

void paint_threshold_legend(QPainter& painter, const QRectF& area,
                            const ThresholdColourScale& scale, const DisplayUnit& unit,
                            double asymmetry_pct) {
    painter.save();
    QFont title = painter.font();
    title.setPixelSize(14);
    title.setBold(true);
    QFont small = title;
    small.setBold(false);
    small.setPixelSize(13);

    painter.setFont(title);
    painter.setPen(theme::kText);
    const QRectF title_box(area.left(), area.top(), area.width(), 36);
    painter.drawText(title_box, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                     QStringLiteral("PPT (%1)").arg(unit.symbol));

    // Low thresholds at the top: the eye finds the sensitive points first.
    const double bar_top = title_box.bottom() + 8;
    // Half the height where there is room; on a short map the notes under the bar keep
    // theirs (a line of text and three marker rows) and the bar takes what is left.
    constexpr double kNotesPx = 10 + 8 + 40 + 3 * 44;
    const double bar_height =
        std::max(60.0, std::min(area.height() * 0.5, area.bottom() - bar_top - kNotesPx));
    const QRectF bar(area.left() + 2, bar_top, kBarWidthPx, bar_height);
    // Thin slices rather than a gradient brush: the same colours the markers get, exactly.
    constexpr int kSlices = 60;
    for (int i = 0; i < kSlices; ++i) {
        const QRectF slice(bar.left(), bar.top() + bar.height() * i / kSlices, bar.width(),
                           bar.height() / kSlices + 0.5);
        painter.fillRect(slice, ThresholdColourScale::colour_at((i + 0.5) / kSlices));
    }
    painter.setPen(QPen(theme::kText, 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(bar);

    painter.setFont(small);
    for (int i = 0; i < kTicks; ++i) {
        const double f = static_cast<double>(i) / (kTicks - 1);
        const double y = bar.top() + f * bar.height();
        const double kpa = scale.low_kpa() + f * (scale.high_kpa() - scale.low_kpa());
        painter.drawLine(QPointF(bar.right(), y), QPointF(bar.right() + 5, y));
        painter.drawText(QRectF(bar.right() + 8, y - 9, area.width() - kBarWidthPx - 10, 18),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         // The ends hold every value beyond them.
                         (i == 0            ? QStringLiteral("≤ ")
                          : i == kTicks - 1 ? QStringLiteral("≥ ")
                                            : QString()) +
                             unit.format(kpa));
    }
    const QRectF notes(area.left(), bar.bottom() + 10, area.width(), area.bottom() - bar.bottom());
    const double r = 7.0;
    double y = notes.top() + 8;
    // What the marker shapes mean.
    auto legend_row = [&](auto&& draw_symbol, const QString& text) {
        draw_symbol(QPointF(notes.left() + r + 2, y + r));
        painter.setPen(theme::kText);
        painter.drawText(QRectF(notes.left() + 2 * r + 8, y - 2, notes.width() - 2 * r - 8, 40),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
        y += 44;
    };
    painter.setPen(theme::kMutedText);
    painter.drawText(QRectF(notes.left(), y - 4, notes.width(), 36),
                     Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                     QStringLiteral("red = low = sensitive"));
    y += 40;
    legend_row(
        [&](QPointF c) {
            painter.setPen(QPen(bodymap_palette::kEmptyOutline, 1.5));
            painter.setBrush(bodymap_palette::kEmptyFill);
            painter.drawEllipse(c, r * 0.7, r * 0.7);
        },
        QStringLiteral("not measured"));
    legend_row(
        [&](QPointF c) {
            painter.setPen(QPen(bodymap_palette::kAsymmetry, 3));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(c, r + 2, r + 2);
            painter.setPen(QPen(theme::kText, 1));
            painter.setBrush(ThresholdColourScale::colour_at(0.2));
            painter.drawEllipse(c, r - 2, r - 2);
        },
        QStringLiteral("L/R differ ≥ %1 %").arg(asymmetry_pct, 0, 'f', 0));
    legend_row(
        [&](QPointF c) {
            painter.setPen(QPen(bodymap_palette::kSelection, 3));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(c, r + 1, r + 1);
        },
        QStringLiteral("selected point"));
    painter.restore();
}

} // namespace algogui
