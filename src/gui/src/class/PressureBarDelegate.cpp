#include "algogui/class/PressureBarDelegate.h"

#include <QApplication>
#include <QPainter>
#include <algorithm>

#include "algocore/protocols/PressureBand.h"
#include "algogui/BandStyle.h"
#include "algogui/Theme.h"
#include "algogui/class/ClassTableModel.h"

namespace algogui::classview {

namespace {
// The bar's scale runs to this much above the band's top, so a pressure over the band shows.
constexpr double kScaleOverBand = 1.5;
// Without a band the bar's scale is this, kPa.
constexpr double kScaleWithoutBandKpa = 600.0;
} // namespace

void PressureBarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                const QModelIndex& index) const {
    // The cell's background and selection as the style draws them, without the number as text
    // (QStyledItemDelegate::paint would put it back).
    QStyleOptionViewItem plain = option;
    initStyleOption(&plain, index);
    plain.text.clear();
    const QStyle* style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &plain, painter, option.widget);
    const QVariant pressure = index.data(ClassTableModel::kPressureRole);
    if (!pressure.isValid()) return;
    const double kpa = pressure.toDouble();
    const QVariant low = index.data(ClassTableModel::kBandLowRole);
    const QVariant high = index.data(ClassTableModel::kBandHighRole);
    const double top = high.isValid() ? high.toDouble() * kScaleOverBand : kScaleWithoutBandKpa;

    // The number takes the right part of the cell, the bar the rest.
    const QRect cell = option.rect.adjusted(6, 0, -6, 0);
    const QString text = QString::number(kpa, 'f', 0);
    const int text_w = option.fontMetrics.horizontalAdvance(QStringLiteral("0000")) + 8;
    const QRect number_rect(cell.right() - text_w, cell.top(), text_w, cell.height());
    const int bar_h = std::max(8, cell.height() * 3 / 5);
    const QRect bar(cell.left(), cell.center().y() - bar_h / 2,
                    std::max(10, cell.width() - text_w - 8), bar_h);
    const auto x_of = [&](double v) {
        return bar.left() + static_cast<int>(std::clamp(v / top, 0.0, 1.0) * bar.width());
    };

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->fillRect(bar, theme::kPanel);
    QColor fill = theme::kTrace;
    if (low.isValid() && high.isValid()) {
        const QRect band(x_of(low.toDouble()), bar.top(),
                         x_of(high.toDouble()) - x_of(low.toDouble()), bar.height());
        painter->fillRect(band, theme::kBandFill);
        algocore::protocols::PressureBand judged;
        judged.low_kpa = low.toDouble();
        judged.high_kpa = high.toDouble();
        fill = band_style(judged.classify(kpa)).colour;
    }
    painter->fillRect(
        QRect(bar.left(), bar.top() + bar.height() / 4, x_of(kpa) - bar.left(), bar.height() / 2),
        fill);
    painter->setPen(theme::kMutedText);
    painter->drawRect(bar.adjusted(0, 0, -1, -1));
    painter->setPen(option.palette.color(QPalette::Text));
    painter->drawText(number_rect, Qt::AlignRight | Qt::AlignVCenter, text);
    painter->restore();
}

} // namespace algogui::classview
