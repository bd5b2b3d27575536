#pragma once
// The "release felt" key of the Treatment page (F): during a hold the therapist presses it
// when they feel the tissue let go, and the mark is stored with the hold beside the release
// detector's prompts. While a hold runs the key is taken before any shortcut and before a
// focused button, in the main window and in the coach view alike; it follows the trial keys'
// rule (thresholds/TrialKeys.h) and never acts on an open drop-down or menu or on a text
// field that types it. At other times it passes through.
#include <QObject>
#include <functional>

namespace algogui {

class ReleaseKey : public QObject {
    Q_OBJECT
public:
    /// The key: F for "felt" (no other shortcut of the window uses it).
    static constexpr int kKey = 0x46; // Qt::Key_F

    /// holding: whether a hold is running on a page the therapist sees right now.
    explicit ReleaseKey(std::function<bool()> holding, QObject* parent = nullptr);

Q_SIGNALS:
    /// The key went down during a hold (auto-repeat ignored).
    void releaseFeltPressed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    std::function<bool()> holding_;
};

} // namespace algogui
