#include "algogui/treatment/ReleaseKey.h"

#include <QKeyEvent>

#include "algogui/thresholds/TrialKeys.h"

namespace algogui {

ReleaseKey::ReleaseKey(std::function<bool()> holding, QObject* parent)
    : QObject(parent), holding_(std::move(holding)) {}

bool ReleaseKey::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if (type != QEvent::ShortcutOverride && type != QEvent::KeyPress && type != QEvent::KeyRelease)
        return QObject::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    // F alone: Ctrl+F and the like belong to whoever defines them.
    const Qt::KeyboardModifiers modifiers =
        key->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
    if (key->key() != kKey || modifiers != Qt::NoModifier || !holding_ || !holding_() ||
        key_is_for_focused_input(*key))
        return QObject::eventFilter(watched, event);
    event->accept();
    if (type == QEvent::KeyPress && !key->isAutoRepeat()) Q_EMIT releaseFeltPressed();
    return true;
}

} // namespace algogui
