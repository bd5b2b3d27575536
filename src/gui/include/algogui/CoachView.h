#pragma once
// Full-screen "coach" view: only the readout, the vertical band bar and the hold timer,
// for a therapist across the room or a student practising dosage.
#include <QWidget>

#include "algogui/DisplayUnit.h"

class QLabel;

namespace algogui {

class BandBar;
class LiveModel;
class PressureReadout;

class CoachView : public QWidget {
    Q_OBJECT
public:
    explicit CoachView(QWidget* parent = nullptr);

    void show_frame(const LiveModel& model, const DisplayUnit& unit);
    PressureReadout& readout() { return *readout_; }
    QString timer_text() const;

Q_SIGNALS:
    void closeRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    PressureReadout* readout_ = nullptr;
    BandBar* bar_ = nullptr;
    QLabel* timer_ = nullptr;
};

}  // namespace algogui
