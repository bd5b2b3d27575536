#include "algogui/ElidedLabel.h"

#include <QPainter>
#include <QStyle>

namespace algogui {

ElidedLabel::ElidedLabel(QWidget* parent) : QLabel(parent) {
    setTextFormat(Qt::PlainText);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void ElidedLabel::set_full_text(const QString& text) {
    if (text == this->text()) return;
    setText(text);
    setToolTip(text);
}

QString ElidedLabel::shown_text() const {
    return fontMetrics().elidedText(text(), Qt::ElideRight, contentsRect().width());
}

// A few characters and the ellipsis: enough to recognise the text, small enough that the
// label never forces the window wider than the screen.
QSize ElidedLabel::minimumSizeHint() const {
    const QSize full = QLabel::minimumSizeHint();
    const int few = fontMetrics().horizontalAdvance(QStringLiteral("MMMM…"));
    return {std::min(full.width(), few), full.height()};
}

void ElidedLabel::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter(this);
    style()->drawItemText(&painter, contentsRect(), static_cast<int>(alignment()), palette(),
                          isEnabled(), shown_text(), foregroundRole());
}

} // namespace algogui
