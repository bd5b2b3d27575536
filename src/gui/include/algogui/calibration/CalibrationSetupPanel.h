#pragma once
// First page of the calibration wizard: the device, the reference loads (editable list with
// units), the reference standard, operator, temperature, probe area, tolerance and validity.
#include <QWidget>
#include <string>

#include "algocore/session/CalibrationPlan.h"
#include "algocore/session/CalibrationSession.h"

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace algogui::calibration {

// The calibration workflow lives in algocore; this page is a view of it.
using algocore::session::CalibrationSetup;
using algocore::session::PlanChoice;
using algocore::session::ReferenceLoad;

class CalibrationSetupPanel : public QWidget {
    Q_OBJECT
public:
    explicit CalibrationSetupPanel(QWidget* parent = nullptr);

    /// The connected device (serial may be empty when it does not say; then it is typed).
    void set_device(const QString& model, const QString& serial);
    /// What the device's samples carry (raw counts or only its own newtons).
    void set_reading_kind(algocal::ReadingKind kind);
    /// Replaces the reference loads.
    void set_loads(const std::vector<ReferenceLoad>& loads);
    void set_operator(const QString& name);
    void set_reference(const QString& id, double uncertainty_percent);

    PlanChoice plan_choice() const;
    CalibrationSetup setup() const;
    double tolerance_percent_fs() const;

Q_SIGNALS:
    void startRequested();
    void openRecordRequested();

private:
    void add_load_row(const ReferenceLoad& load);

    void show_device();

    algocal::ReadingKind reading_kind_ = algocal::ReadingKind::kRawCounts;
    QString model_;
    QLabel* device_model_ = nullptr;
    QLineEdit* serial_ = nullptr;
    QTableWidget* loads_ = nullptr;
    QCheckBox* descending_ = nullptr;
    QSpinBox* runs_ = nullptr;
    QLineEdit* standard_id_ = nullptr;
    QLineEdit* standard_description_ = nullptr;
    QDoubleSpinBox* uncertainty_ = nullptr;
    QLineEdit* operator_ = nullptr;
    QDoubleSpinBox* temperature_ = nullptr;
    QDoubleSpinBox* probe_area_ = nullptr;
    QDoubleSpinBox* tolerance_ = nullptr;
    QSpinBox* validity_days_ = nullptr;
};

} // namespace algogui::calibration
