#pragma once
// The host's reaction-time cue: the whole page turns bright for the cue's duration with
// "PRESS" across it, and the computer beeps. Used when the device cannot give the cue itself
// (commercial gauges); the device's own LED and buzzer need none of it.
#include <QWidget>

class QTimer;

namespace algogui {

class CueFlash : public QWidget {
    Q_OBJECT
public:
    /// Covers parent (and follows its size) while it flashes.
    explicit CueFlash(QWidget* parent);

    /// Flashes for duration_ms and beeps.
    void flash(int duration_ms);
    /// Cues shown so far (tests).
    int flashes() const { return flashes_; }

protected:
    void paintEvent(QPaintEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer* off_ = nullptr;
    int flashes_ = 0;
};

} // namespace algogui
