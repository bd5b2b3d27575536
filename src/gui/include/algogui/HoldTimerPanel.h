#pragma once
// The hold timer: time in band (large), time remaining of the prescribed hold, and total
// elapsed. The counting itself is algocore's HoldTimer; this only shows it.
#include <QWidget>
#include <optional>

#include "algocore/protocols/HoldTimer.h"
#include "algogui/LiveState.h"

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
    QColor status_colour() const;

private:
    enum class Status {
        NotConnected,
        NoSignal,
        Complete,
        Stopped,
        Waiting,
        Grace,
        Paused,
        Counting
    };
    struct Shown {
        long in_band_s;
        long remaining_s;
        long elapsed_s;
        Status status;
        bool operator==(const Shown&) const = default;
    };
    static Status status_of(const algocore::protocols::HoldTimer& timer, bool running,
                            SignalState signal);
    static QString words_of(Status status);
    static QColor colour_of(Status status);

    std::optional<Shown> shown_;
    QLabel* in_band_ = nullptr;
    QLabel* remaining_ = nullptr;
    QLabel* elapsed_ = nullptr;
    QLabel* status_ = nullptr;
};

/// "1:05" for 65.3 s (minutes:seconds, rounded down so it never claims time not yet held).
QString format_minutes_seconds(double seconds);

} // namespace algogui
