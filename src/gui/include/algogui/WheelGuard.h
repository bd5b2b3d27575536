#pragma once
// Scrolling a page with the mouse wheel must not change a setting the pointer happens to pass
// over: a spin box, combo box or slider takes the wheel only once it has the keyboard focus
// (clicked or tabbed into). Unfocused, the wheel goes on to the scroll area around it.
// Installed once on the application, so every page and dialog gets it.
#include <QObject>

namespace algogui {

/// Application-wide event filter: no wheel changes to unfocused value widgets.
class WheelGuard : public QObject {
    Q_OBJECT
public:
    explicit WheelGuard(QObject* parent = nullptr);

    /// True for the widgets whose value the wheel changes (spin boxes, combo boxes, sliders;
    /// not scroll bars).
    static bool guards(const QObject* object);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

} // namespace algogui
