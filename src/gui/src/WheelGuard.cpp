#include "algogui/WheelGuard.h"

#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QScrollBar>
#include <QWheelEvent>
#include <QWidget>

namespace algogui {

namespace {

// Sends the turn to the viewport of the nearest scroll area around `widget` (if any). Done
// here rather than left to Qt's propagation, which skips synthesised events.
void pass_to_scroll_area(QWidget* widget, const QWheelEvent* wheel) {
    for (QWidget* up = widget->parentWidget(); up; up = up->parentWidget()) {
        auto* area = qobject_cast<QAbstractScrollArea*>(up);
        if (!area) continue;
        QWidget* viewport = area->viewport();
        const QPointF at = viewport->mapFromGlobal(wheel->globalPosition());
        QWheelEvent passed(at, wheel->globalPosition(), wheel->pixelDelta(), wheel->angleDelta(),
                           wheel->buttons(), wheel->modifiers(), wheel->phase(), wheel->inverted(),
                           wheel->source());
        QCoreApplication::sendEvent(viewport, &passed);
        return;
    }
}

} // namespace

WheelGuard::WheelGuard(QObject* parent) : QObject(parent) {}

bool WheelGuard::guards(const QObject* object) {
    // Scroll bars are what the wheel is for (a scroll area hands its turns to them).
    if (qobject_cast<const QScrollBar*>(object)) return false;
    return qobject_cast<const QAbstractSpinBox*>(object) ||
           qobject_cast<const QComboBox*>(object) || qobject_cast<const QAbstractSlider*>(object);
}

bool WheelGuard::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Polish && guards(watched)) {
        // Qt gives these widgets the focus on a wheel turn (Qt::WheelFocus), which would
        // defeat the guard: they take the focus by click or tab only.
        auto* widget = static_cast<QWidget*>(watched);
        if ((widget->focusPolicy() & Qt::WheelFocus) == Qt::WheelFocus)
            widget->setFocusPolicy(Qt::StrongFocus);
    } else if (event->type() == QEvent::Wheel && guards(watched) &&
               !static_cast<QWidget*>(watched)->hasFocus()) {
        // The turn scrolls the page the widget sits on, as if the widget were not there.
        pass_to_scroll_area(static_cast<QWidget*>(watched), static_cast<QWheelEvent*>(event));
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace algogui
