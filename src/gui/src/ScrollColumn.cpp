#include "algogui/ScrollColumn.h"

#include <QEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QWidget>
#include <algorithm>

namespace algogui {
namespace {

// The column is as wide as its content needs plus the scroll bar, so the bar never covers
// the right edge of a field; the area follows changes of the content's minimum width.
class ScrollColumnArea final : public QScrollArea {
public:
    using QScrollArea::QScrollArea;

    QSize sizeHint() const override {
        const QWidget* content = widget();
        if (!content) return QScrollArea::sizeHint();
        const int bar = verticalScrollBar()->sizeHint().width();
        return {std::max(content->sizeHint().width(), content->minimumSizeHint().width()) + bar,
                QScrollArea::sizeHint().height()};
    }

    QSize minimumSizeHint() const override {
        const QWidget* content = widget();
        if (!content) return QScrollArea::minimumSizeHint();
        const int bar = verticalScrollBar()->sizeHint().width();
        return {content->minimumSizeHint().width() + bar, 80};
    }

protected:
    // QScrollArea already filters its widget's events (for resizes).
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == widget() && event->type() == QEvent::LayoutRequest) updateGeometry();
        return QScrollArea::eventFilter(watched, event);
    }
};

} // namespace

QScrollArea* scroll_column(QWidget* content) {
    auto* area = new ScrollColumnArea;
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return area;
}

} // namespace algogui
