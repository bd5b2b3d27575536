#include "algogui/thresholds/SessionForm.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "algocal/ProbeArea.h"

namespace algogui {

SessionForm::SessionForm(QWidget* parent) : QWidget(parent) {
    operator_ = new QLineEdit(this);
    operator_->setPlaceholderText(tr("who measures"));
    serial_ = new QLineEdit(this);
    serial_->setPlaceholderText(tr("from the device"));
    calibration_ = new QLabel(tr("factory"), this);
    probe_cm2_ = new QDoubleSpinBox(this);
    probe_cm2_->setRange(algocal::kMinProbeAreaCm2, algocal::kMaxProbeAreaCm2);
    probe_cm2_->setDecimals(2);
    probe_cm2_->setSingleStep(0.1);
    probe_cm2_->setValue(1.0);
    probe_cm2_->setSuffix(QStringLiteral(" cm²"));
    notes_ = new QLineEdit(this);
    start_ = new QPushButton(tr("Start session"), this);
    // The export sits with the session it usually takes (this subject, this session), where
    // it stays in view on a laptop screen.
    auto* export_data = new QPushButton(tr("Export…"), this);
    export_data->setObjectName(QStringLiteral("ExportData"));
    export_data->setToolTip(tr("Export this subject, this session or every subject as CSV or "
                               "JSON"));
    open_ = new QLabel(tr("no session"), this);
    open_->setWordWrap(true);

    auto* form = new QFormLayout(this);
    form->setContentsMargins(4, 4, 4, 4);
    form->addRow(tr("Operator"), operator_);
    form->addRow(tr("Device serial"), serial_);
    form->addRow(tr("Calibration"), calibration_);
    form->addRow(tr("Probe area"), probe_cm2_);
    form->addRow(tr("Notes"), notes_);
    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(start_, 2);
    buttons->addWidget(export_data, 1);
    form->addRow(buttons);
    form->addRow(open_);
    connect(start_, &QPushButton::clicked, this, &SessionForm::sessionRequested);
    connect(export_data, &QPushButton::clicked, this, &SessionForm::exportRequested);
}

void SessionForm::set_device(const QString& serial, algocore::CalibrationId calibration_id,
                             double probe_cm2) {
    if (!serial.isEmpty()) serial_->setText(serial);
    calibration_id_ = calibration_id;
    calibration_->setText(calibration_id == algocore::kFactoryCalibration
                              ? tr("factory")
                              : tr("record %1").arg(calibration_id));
    if (probe_cm2 > 0.0) probe_cm2_->setValue(probe_cm2);
}

QString SessionForm::operator_name() const {
    return operator_->text().trimmed();
}

void SessionForm::set_operator_name(const QString& name) {
    operator_->setText(name);
}

algocore::records::Session SessionForm::session() const {
    algocore::records::Session session;
    session.device_serial = serial_->text().trimmed().toStdString();
    session.calibration_id = calibration_id_;
    session.probe_cm2 = probe_cm2_->value();
    session.notes = notes_->text().toStdString();
    return session;
}

void SessionForm::show_open_session(const QString& text) {
    open_->setText(text);
}

} // namespace algogui
