#pragma once
// The keys that run a trial: the configurable pain key (a keyboard key, or a foot pedal that
// sends one) and Esc to abort. While a trial is running they are taken before any shortcut
// (Space also starts holds on the Live page) and before a focused button could be "clicked"
// by them; at other times they pass through.
//
// They never act on a key meant for something else: while a drop-down or menu is open (Esc
// closes it, a letter picks an entry) or while a text field has the focus and the key types
// or cancels there (Space is a space in the notes, Esc ends the edit). A key no text field
// uses (F13 from a pedal) still signals pain in a text field.
#include <QObject>
#include <functional>

class QKeyEvent;

namespace algogui {

class TrialKeys : public QObject {
    Q_OBJECT
public:
    /// running: whether a trial is running right now (page shown, trial armed or ramping).
    explicit TrialKeys(std::function<bool()> running, QObject* parent = nullptr);

    void set_pain_key(int key) { pain_key_ = key; }
    int pain_key() const { return pain_key_; }

Q_SIGNALS:
    /// The pain key went down (auto-repeat ignored).
    void painKeyPressed();
    /// Esc went down.
    void abortKeyPressed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    std::function<bool()> running_;
    int pain_key_ = 0x20; // Qt::Key_Space
};

/// Whether the key belongs to whatever has the keyboard now: an open popup (drop-down,
/// menu, completer) or a focused text field that types it (or cancels with Esc).
bool key_is_for_focused_input(const QKeyEvent& key);

} // namespace algogui
