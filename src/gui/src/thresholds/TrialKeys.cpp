#include "algogui/thresholds/TrialKeys.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QKeySequenceEdit>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace algogui {

namespace {

bool is_text_input(const QWidget* widget) {
    for (const QWidget* w = widget; w; w = w->parentWidget()) {
        if (qobject_cast<const QLineEdit*>(w) || qobject_cast<const QAbstractSpinBox*>(w) ||
            qobject_cast<const QTextEdit*>(w) || qobject_cast<const QPlainTextEdit*>(w) ||
            qobject_cast<const QKeySequenceEdit*>(w))
            return true;
        if (const auto* combo = qobject_cast<const QComboBox*>(w)) return combo->isEditable();
        if (w->isWindow()) break;
    }
    return false;
}

} // namespace

bool key_is_for_focused_input(const QKeyEvent& key) {
    if (QApplication::activePopupWidget()) return true;
    if (!is_text_input(QApplication::focusWidget())) return false;
    // A text field uses printable keys (Space included) and Esc; others pass it by.
    if (key.key() == Qt::Key_Escape) return true;
    const QString text = key.text();
    return !text.isEmpty() && text.at(0).isPrint();
}

TrialKeys::TrialKeys(std::function<bool()> running, QObject* parent)
    : QObject(parent), running_(std::move(running)) {}

bool TrialKeys::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if (type != QEvent::ShortcutOverride && type != QEvent::KeyPress && type != QEvent::KeyRelease)
        return QObject::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    const bool pain = key->key() == pain_key_;
    const bool abort = key->key() == Qt::Key_Escape;
    if ((!pain && !abort) || !running_ || !running_() || key_is_for_focused_input(*key))
        return QObject::eventFilter(watched, event);
    // Accepting the override keeps the key from every shortcut; eating the press and release
    // keeps it from the focused widget. Only the first press (not auto-repeat) acts.
    event->accept();
    if (type != QEvent::KeyPress || key->isAutoRepeat()) return true;
    if (pain)
        Q_EMIT painKeyPressed();
    else
        Q_EMIT abortKeyPressed();
    return true;
}

} // namespace algogui
