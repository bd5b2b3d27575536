#pragma once
// Draws a station's live pressure in the class table as a small bar against its exercise's
// band (the band shaded, the bar coloured below / in / above it) with the number beside it.
// An empty cell (no live signal) draws nothing: an offline station never shows a pressure.
#include <QStyledItemDelegate>

namespace algogui::classview {

class PressureBarDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
};

} // namespace algogui::classview
