#include "algogui/thresholds/CueFlash.h"

#include <QApplication>
#include <QEvent>
#include <QPainter>
#include <QTimer>
#include <algorithm>

namespace algogui {

namespace {
const QColor kFlash{0xff, 0xeb, 0x3b}; // bright yellow: seen from the corner of an eye
const QColor kFlashText{0x10, 0x10, 0x10};
} // namespace

CueFlash::CueFlash(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("CueFlash"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    off_ = new QTimer(this);
    off_->setSingleShot(true);
    connect(off_, &QTimer::timeout, this, &QWidget::hide);
    parent->installEventFilter(this);
    hide();
}

void CueFlash::flash(int duration_ms) {
    ++flashes_;
    setGeometry(parentWidget()->rect());
    raise();
    show();
    QApplication::beep();
    off_->start(duration_ms);
}

bool CueFlash::eventFilter(QObject* watched, QEvent* event) {
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void CueFlash::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), kFlash);
    QFont big = font();
    big.setPixelSize(std::max(24, height() / 6));
    big.setBold(true);
    painter.setFont(big);
    painter.setPen(kFlashText);
    painter.drawText(rect(), Qt::AlignCenter, tr("PRESS"));
}

} // namespace algogui
