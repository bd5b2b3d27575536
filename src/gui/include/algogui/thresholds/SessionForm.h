#pragma once
// Starting a session: the operator, and what the recording depends on — the device serial
// and calibration record (taken from the live feed), and the probe contact area.
#include <QWidget>

#include "algocore/records/Records.h"

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace algogui {

class SessionForm : public QWidget {
    Q_OBJECT
public:
    explicit SessionForm(QWidget* parent = nullptr);

    /// What the connected device says (shown read-only, recorded with the session).
    void set_device(const QString& serial, algocore::CalibrationId calibration_id,
                    double probe_cm2);
    QString operator_name() const;
    void set_operator_name(const QString& name);
    /// The session as entered (subject and operator ids are filled in by the model).
    algocore::records::Session session() const;
    /// "Session 12 since 19:30" or "no session".
    void show_open_session(const QString& text);

Q_SIGNALS:
    void sessionRequested();
    void exportRequested();

private:
    QLineEdit* operator_ = nullptr;
    QLineEdit* serial_ = nullptr;
    QLabel* calibration_ = nullptr;
    QDoubleSpinBox* probe_cm2_ = nullptr;
    QLineEdit* notes_ = nullptr;
    QPushButton* start_ = nullptr;
    QLabel* open_ = nullptr;
    algocore::CalibrationId calibration_id_ = algocore::kFactoryCalibration;
};

} // namespace algogui
