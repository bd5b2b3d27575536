#include "algogui/calibration/CalibrationSetupPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <limits>

#include "algocal/ProbeArea.h"

namespace algogui::calibration {

namespace {
constexpr double kDefaultLoadsN[] = {0, 10, 20, 30, 40, 50};

QDoubleSpinBox* spin(QWidget* parent, double lo, double hi, double value, int decimals,
                     const QString& suffix) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(lo, hi);
    box->setDecimals(decimals);
    box->setValue(value);
    box->setSuffix(suffix);
    return box;
}
} // namespace

CalibrationSetupPanel::CalibrationSetupPanel(QWidget* parent) : QWidget(parent) {
    auto* device_box = new QGroupBox(tr("Device"), this);
    auto* device_form = new QFormLayout(device_box);
    device_model_ = new QLabel(tr("no device connected"), device_box);
    // A long model name wraps rather than widening the column past a small screen.
    device_model_->setWordWrap(true);
    serial_ = new QLineEdit(device_box);
    serial_->setPlaceholderText(tr("serial number"));
    device_form->addRow(tr("Connected"), device_model_);
    device_form->addRow(tr("Serial number"), serial_);

    auto* loads_box = new QGroupBox(tr("Reference loads"), this);
    auto* loads_layout = new QVBoxLayout(loads_box);
    loads_ = new QTableWidget(0, 2, loads_box);
    loads_->setHorizontalHeaderLabels({tr("Load"), tr("Unit")});
    loads_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    loads_->verticalHeader()->setVisible(false);
    auto* add = new QPushButton(tr("Add load"), loads_box);
    auto* remove = new QPushButton(tr("Remove selected"), loads_box);
    descending_ = new QCheckBox(tr("Also while unloading (descending)"), loads_box);
    descending_->setChecked(true);
    runs_ = new QSpinBox(loads_box);
    runs_->setRange(1, 5);
    runs_->setPrefix(tr("Runs: "));
    // Two rows: in one, the buttons, the check box and the runs need more than half of a
    // 1024 px window.
    auto* load_buttons = new QHBoxLayout;
    load_buttons->addWidget(add);
    load_buttons->addWidget(remove);
    load_buttons->addStretch(1);
    auto* load_options = new QHBoxLayout;
    load_options->addWidget(descending_);
    load_options->addStretch(1);
    load_options->addWidget(runs_);
    loads_layout->addWidget(loads_);
    loads_layout->addLayout(load_buttons);
    loads_layout->addLayout(load_options);
    for (double n : kDefaultLoadsN)
        add_load_row({n, algocal::ForceUnit::kNewton});

    auto* trace_box = new QGroupBox(tr("Traceability and acceptance"), this);
    auto* form = new QFormLayout(trace_box);
    standard_id_ = new QLineEdit(trace_box);
    standard_id_->setPlaceholderText(tr("certificate or asset number of the weights"));
    standard_description_ = new QLineEdit(trace_box);
    standard_description_->setPlaceholderText(tr("e.g. M1 weight set 0.1–5 kg"));
    uncertainty_ = spin(trace_box, 0, 10, 0.05, 3, tr(" % (k = 2)"));
    operator_ = new QLineEdit(trace_box);
    temperature_ = spin(trace_box, -40, 85, 21.0, 1, tr(" °C"));
    probe_area_ = spin(trace_box, algocal::kMinProbeAreaCm2, algocal::kMaxProbeAreaCm2,
                       algocal::kStandardProbeAreaCm2, 2, tr(" cm²"));
    tolerance_ = spin(trace_box, 0.01, 20, 1.0, 2, tr(" % of full scale"));
    validity_days_ = new QSpinBox(trace_box);
    validity_days_->setRange(1, 3650);
    validity_days_->setValue(365);
    validity_days_->setSuffix(tr(" days"));
    form->addRow(tr("Reference standard"), standard_id_);
    form->addRow(tr("Description"), standard_description_);
    form->addRow(tr("Expanded uncertainty"), uncertainty_);
    form->addRow(tr("Operator"), operator_);
    form->addRow(tr("Temperature"), temperature_);
    form->addRow(tr("Probe area"), probe_area_);
    form->addRow(tr("Tolerance"), tolerance_);
    form->addRow(tr("Valid for"), validity_days_);

    auto* start = new QPushButton(tr("Start calibration"), this);
    start->setObjectName(QStringLiteral("StartCalibration"));
    start->setDefault(true);
    auto* open = new QPushButton(tr("Open record…"), this);

    auto* columns = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(device_box);
    left->addWidget(loads_box, 1);
    columns->addLayout(left, 1);
    columns->addWidget(trace_box, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(open);
    buttons->addStretch(1);
    buttons->addWidget(start);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, [this] {
        const int rows = loads_->rowCount();
        const double last = rows > 0 ? loads_->item(rows - 1, 0)->text().toDouble() : 0.0;
        add_load_row({last + 10.0, algocal::ForceUnit::kNewton});
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = loads_->currentRow();
        if (row >= 0) loads_->removeRow(row);
    });
    connect(start, &QPushButton::clicked, this, &CalibrationSetupPanel::startRequested);
    connect(open, &QPushButton::clicked, this, &CalibrationSetupPanel::openRecordRequested);
}

void CalibrationSetupPanel::add_load_row(const ReferenceLoad& load) {
    const int row = loads_->rowCount();
    loads_->insertRow(row);
    loads_->setItem(row, 0, new QTableWidgetItem(QString::number(load.amount, 'g', 10)));
    auto* unit = new QComboBox(loads_);
    for (algocal::ForceUnit u : algocal::kAllForceUnits)
        unit->addItem(QString::fromUtf8(algocal::symbol(u).data()), static_cast<int>(u));
    unit->setCurrentIndex(unit->findData(static_cast<int>(load.unit)));
    loads_->setCellWidget(row, 1, unit);
}

void CalibrationSetupPanel::set_device(const QString& model, const QString& serial) {
    model_ = model;
    if (!serial.isEmpty()) serial_->setText(serial);
    show_device();
}

void CalibrationSetupPanel::set_reading_kind(algocal::ReadingKind kind) {
    if (kind == reading_kind_) return;
    reading_kind_ = kind;
    show_device();
}

void CalibrationSetupPanel::show_device() {
    const QString reading = reading_kind_ == algocal::ReadingKind::kRawCounts
                                ? tr("reads raw counts")
                                : tr("reads its own newtons");
    device_model_->setText(model_.isEmpty() ? tr("no device connected")
                                            : tr("%1 — %2").arg(model_, reading));
}

void CalibrationSetupPanel::set_loads(const std::vector<ReferenceLoad>& loads) {
    loads_->setRowCount(0);
    for (const ReferenceLoad& load : loads)
        add_load_row(load);
}

void CalibrationSetupPanel::set_operator(const QString& name) {
    operator_->setText(name);
}

void CalibrationSetupPanel::set_reference(const QString& id, double uncertainty_percent) {
    standard_id_->setText(id);
    uncertainty_->setValue(uncertainty_percent);
}

PlanChoice CalibrationSetupPanel::plan_choice() const {
    PlanChoice choice;
    for (int row = 0; row < loads_->rowCount(); ++row) {
        ReferenceLoad load;
        bool ok = false;
        const QTableWidgetItem* item = loads_->item(row, 0);
        load.amount = item ? item->text().trimmed().toDouble(&ok) : 0.0;
        if (!ok) load.amount = std::numeric_limits<double>::quiet_NaN();
        const auto* unit = qobject_cast<QComboBox*>(loads_->cellWidget(row, 1));
        load.unit = unit ? static_cast<algocal::ForceUnit>(unit->currentData().toInt())
                         : algocal::ForceUnit::kNewton;
        choice.loads.push_back(load);
    }
    choice.descending = descending_->isChecked();
    choice.runs = runs_->value();
    return choice;
}

CalibrationSetup CalibrationSetupPanel::setup() const {
    CalibrationSetup setup;
    setup.device_serial = serial_->text().trimmed().toStdString();
    setup.operator_name = operator_->text().trimmed().toStdString();
    algocal::ReferenceStandard standard;
    standard.id = standard_id_->text().trimmed().toStdString();
    standard.description = standard_description_->text().trimmed().toStdString();
    standard.expanded_uncertainty_percent = uncertainty_->value();
    setup.reference_standards.push_back(standard);
    setup.temperature_c = temperature_->value();
    setup.probe_area_cm2 = probe_area_->value();
    setup.reading_kind = reading_kind_;
    setup.tolerance_percent_fs = tolerance_->value();
    setup.validity_days = validity_days_->value();
    return setup;
}

double CalibrationSetupPanel::tolerance_percent_fs() const {
    return tolerance_->value();
}

} // namespace algogui::calibration
