#include "algogui/thresholds/PainKeyFilter.h"

#include <QKeyEvent>

namespace algogui {

PainKeyFilter::PainKeyFilter(std::function<bool()> active, QObject* parent)
    : QObject(parent), active_(std::move(active)) {}

bool PainKeyFilter::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if (type != QEvent::ShortcutOverride && type != QEvent::KeyPress && type != QEvent::KeyRelease)
        return QObject::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    if (key->key() != key_ || !active_ || !active_()) return QObject::eventFilter(watched, event);
    // Accepting the override keeps the key from every shortcut; eating the press and release
    // keeps it from the focused widget. Only the first press (not auto-repeat) signals.
    event->accept();
    if (type == QEvent::KeyPress && !key->isAutoRepeat()) Q_EMIT painKeyPressed();
    return true;
}

} // namespace algogui
