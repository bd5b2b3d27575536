#pragma once
// The hold timer: time in band (large), time remaining of the prescribed hold, and total
// elapsed. The counting itself is algocore's HoldTimer; this only shows it.
#include <QWidget>

#include "algocore/protocols/HoldTimer.h"
#include "algogui/LiveSignal.h"

class QLabel;

namespace algogui {

class HoldTimerPanel : public QWidget {
    Q_OBJECT
public:
    explicit HoldTimerPanel(QWidget* parent = nullptr);

    /// signal: without a live signal the timer stands still, and the status says why.
    void show_timer(const algocore::protocols::HoldTimer& timer, bool running,
                    SignalState signal = SignalState::Live);

    QString in_band_text() const;
    QString remaining_text() const;
    QString elapsed_text() const;
    QString status_text() const;

private:
    QLabel* in_band_ = nullptr;
    QLabel* remaining_ = nullptr;
    QLabel* elapsed_ = nullptr;
    QLabel* status_ = nullptr;
};

/// "1:05" for 65.3 s (minutes:seconds, rounded down so it never claims time not yet held).
QString format_minutes_seconds(double seconds);

} // namespace algogui
