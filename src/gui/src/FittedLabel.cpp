#include "algogui/FittedLabel.h"

#include <QFontMetrics>
#include <QResizeEvent>
#include <algorithm>

namespace algogui {

FittedLabel::FittedLabel(int largest_px, int smallest_px, QWidget* parent)
    : QLabel(parent), largest_px_(largest_px), smallest_px_(std::min(smallest_px, largest_px)) {
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QFont f = font();
    f.setPixelSize(largest_px_);
    setFont(f);
}

void FittedLabel::set_text(const QString& text) {
    if (text == this->text()) return;
    setText(text);
    fit();
}

void FittedLabel::set_pixel_range(int largest_px, int smallest_px) {
    if (largest_px == largest_px_ && smallest_px == smallest_px_) return;
    largest_px_ = largest_px;
    smallest_px_ = std::min(smallest_px, largest_px);
    updateGeometry();
    fit();
}

// Room for two lines at the floor size or one at the full size, whichever is taller, so the
// label keeps its height whether the words fit on one line or wrap.
QSize FittedLabel::sizeHint() const {
    QFont largest = font();
    largest.setPixelSize(largest_px_);
    QFont smallest = font();
    smallest.setPixelSize(smallest_px_);
    const int height =
        std::max(QFontMetrics(largest).height(), 2 * QFontMetrics(smallest).lineSpacing());
    const QMargins m = contentsMargins();
    return {QFontMetrics(largest).horizontalAdvance(text()) + m.left() + m.right() + 2 * margin(),
            height + m.top() + m.bottom() + 2 * margin()};
}

QSize FittedLabel::minimumSizeHint() const {
    return {0, sizeHint().height()};
}

void FittedLabel::resizeEvent(QResizeEvent* event) {
    QLabel::resizeEvent(event);
    if (event->size().width() != event->oldSize().width()) fit();
}

void FittedLabel::fit() {
    const int room = contentsRect().width() - 2 * margin() - 4;
    QFont f = font();
    int px = largest_px_;
    for (; px > smallest_px_; --px) {
        f.setPixelSize(px);
        if (QFontMetrics(f).horizontalAdvance(text()) <= room) break;
    }
    f.setPixelSize(px);
    const bool wrap = QFontMetrics(f).horizontalAdvance(text()) > room;
    if (f != font()) setFont(f);
    if (wrap != wordWrap()) setWordWrap(wrap);
}

} // namespace algogui
