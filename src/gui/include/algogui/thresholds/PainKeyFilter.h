#pragma once
// The configurable pain key (a keyboard key, or a foot pedal that sends one). While a trial
// is running it is taken before any shortcut (Space also starts holds on the Live page) and
// before a focused button could be "clicked" by it; at other times it passes through.
#include <QObject>
#include <functional>

namespace algogui {

class PainKeyFilter : public QObject {
    Q_OBJECT
public:
    /// active: whether the key means "pain" right now (page shown, trial running).
    explicit PainKeyFilter(std::function<bool()> active, QObject* parent = nullptr);

    void set_key(int key) { key_ = key; }
    int key() const { return key_; }

Q_SIGNALS:
    /// The key went down (auto-repeat ignored).
    void painKeyPressed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    std::function<bool()> active_;
    int key_ = 0x20; // Qt::Key_Space
};

} // namespace algogui
