#include "algogui/thresholds/ProtocolForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

#include "algogui/Theme.h"

namespace algogui {

using algocore::protocols::PptAggregate;
using algocore::protocols::PptPreset;

namespace {
constexpr int kCustom = 3;
}

ProtocolForm::ProtocolForm(QWidget* parent)
    : QWidget(parent), unit_(display_unit(QStringLiteral("kpa"))), base_(PptPreset::dfns()) {
    name_ = new QComboBox(this);
    name_->addItem(tr("DFNS (50 kPa/s, 3 trials)"), QStringLiteral("dfns"));
    name_->addItem(tr("Fischer (1 kgf/cm²/s)"), QStringLiteral("fischer"));
    name_->addItem(tr("Pain tolerance"), QStringLiteral("tolerance"));
    name_->addItem(tr("Custom"), QStringLiteral("custom"));
    // Every preset's name shows whole (the row wraps under its label when narrow).
    name_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    name_->setSizePolicy(QSizePolicy::MinimumExpanding, QSizePolicy::Fixed);
    rate_ = new QDoubleSpinBox(this);
    tolerance_ = new QDoubleSpinBox(this);
    cutoff_ = new QDoubleSpinBox(this);
    trials_ = new QSpinBox(this);
    trials_->setRange(1, 20);
    interval_s_ = new QDoubleSpinBox(this);
    interval_s_->setRange(0.0, 600.0);
    interval_s_->setDecimals(0);
    interval_s_->setSuffix(QStringLiteral(" s"));
    discard_first_ = new QCheckBox(tr("first trial is practice"), this);
    aggregate_ = new QComboBox(this);
    aggregate_->addItem(tr("mean"), static_cast<int>(PptAggregate::Mean));
    aggregate_->addItem(tr("median"), static_cast<int>(PptAggregate::Median));
    aggregate_->addItem(tr("geometric mean"), static_cast<int>(PptAggregate::GeometricMean));
    problem_ = new QLabel(this);
    problem_->setWordWrap(true);
    problem_->setStyleSheet(
        QStringLiteral("color: %1; font-weight: bold").arg(theme::kOverLimit.name()));
    problem_->hide();

    auto* form = new QFormLayout(this);
    // A preset's name longer than the field puts the field under its label, whole.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setContentsMargins(4, 4, 4, 4);
    form->addRow(tr("Preset"), name_);
    form->addRow(tr("Rate"), rate_);
    form->addRow(tr("Tolerance ±"), tolerance_);
    form->addRow(tr("Trials"), trials_);
    form->addRow(tr("Rest"), interval_s_);
    form->addRow(QString(), discard_first_);
    form->addRow(tr("Result"), aggregate_);
    form->addRow(tr("Cut-off"), cutoff_);
    form->addRow(problem_);

    // The spin boxes need their ranges before the first preset is shown.
    const PptPreset initial = base_;
    set_unit(unit_);
    set_preset(initial);
    connect(name_, &QComboBox::activated, this, &ProtocolForm::apply_named);
    for (QDoubleSpinBox* box : {rate_, tolerance_, interval_s_, cutoff_})
        connect(box, &QDoubleSpinBox::valueChanged, this, &ProtocolForm::mark_custom);
    connect(trials_, &QSpinBox::valueChanged, this, &ProtocolForm::mark_custom);
    connect(discard_first_, &QCheckBox::toggled, this, &ProtocolForm::mark_custom);
    connect(aggregate_, &QComboBox::activated, this, &ProtocolForm::mark_custom);
}

void ProtocolForm::set_unit(const DisplayUnit& unit) {
    const PptPreset shown = preset();
    unit_ = unit;
    filling_ = true;
    const int decimals = std::max(unit.decimals, 1);
    rate_->setDecimals(decimals);
    tolerance_->setDecimals(decimals);
    cutoff_->setDecimals(unit.decimals);
    rate_->setRange(unit.from_kpa(1.0), unit.from_kpa(1000.0));
    tolerance_->setRange(0.0, unit.from_kpa(500.0));
    cutoff_->setRange(unit.from_kpa(50.0), unit.from_kpa(3000.0));
    rate_->setSuffix(QStringLiteral(" %1/s").arg(unit.symbol));
    tolerance_->setSuffix(QStringLiteral(" %1/s").arg(unit.symbol));
    cutoff_->setSuffix(QStringLiteral(" %1").arg(unit.symbol));
    filling_ = false;
    set_preset(shown);
}

void ProtocolForm::set_preset(const PptPreset& preset) {
    base_ = preset;
    filling_ = true;
    const int named = name_->findData(QString::fromStdString(preset.name));
    name_->setCurrentIndex(named >= 0 ? named : kCustom);
    rate_->setValue(unit_.from_kpa(preset.rate_kpa_s));
    tolerance_->setValue(unit_.from_kpa(preset.tolerance_kpa_s));
    trials_->setValue(preset.trials);
    interval_s_->setValue(preset.inter_trial_s);
    discard_first_->setChecked(preset.discard_first);
    aggregate_->setCurrentIndex(aggregate_->findData(static_cast<int>(preset.aggregate)));
    cutoff_->setValue(unit_.from_kpa(preset.cutoff_kpa));
    filling_ = false;
}

PptPreset ProtocolForm::preset() const {
    PptPreset preset = base_;
    preset.name = name_->currentData().toString().toStdString();
    preset.rate_kpa_s = unit_.to_kpa(rate_->value());
    preset.tolerance_kpa_s = unit_.to_kpa(tolerance_->value());
    preset.trials = trials_->value();
    preset.inter_trial_s = interval_s_->value();
    preset.discard_first = discard_first_->isChecked();
    preset.aggregate = static_cast<PptAggregate>(aggregate_->currentData().toInt());
    preset.cutoff_kpa = unit_.to_kpa(cutoff_->value());
    return preset;
}

void ProtocolForm::show_problem(const QString& text) {
    problem_->setText(text);
    problem_->setVisible(!text.isEmpty());
}

void ProtocolForm::apply_named(int index) {
    PptPreset preset;
    if (!PptPreset::by_name(name_->itemData(index).toString().toStdString(), preset)) {
        preset = this->preset();
        preset.name = "custom";
    }
    set_preset(preset);
    Q_EMIT presetEdited();
}

void ProtocolForm::mark_custom() {
    if (filling_) return;
    filling_ = true;
    name_->setCurrentIndex(kCustom);
    filling_ = false;
    Q_EMIT presetEdited();
}

} // namespace algogui
