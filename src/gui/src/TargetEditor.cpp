#include "algogui/TargetEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>

#include "algogui/TargetPresets.h"
#include "algogui/Theme.h"

namespace algogui {
namespace {

QDoubleSpinBox* make_spin(QWidget* parent, double max, const QString& suffix) {
    auto* spin = new QDoubleSpinBox(parent);
    // Negative values are allowed in the box so the reason can be shown, not silently
    // clamped away.
    spin->setRange(-1e6, max);
    spin->setSuffix(suffix);
    spin->setKeyboardTracking(false);
    spin->setMinimumWidth(120);
    return spin;
}

QLabel* make_error(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setStyleSheet(
        QStringLiteral("color: %1; font-weight: bold").arg(theme::kOverLimit.name()));
    label->setWordWrap(true);
    label->hide();
    return label;
}

QWidget* row(QWidget* parent, QWidget* a, QWidget* b = nullptr) {
    auto* box = new QWidget(parent);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(a);
    if (b) layout->addWidget(b);
    layout->addStretch();
    return box;
}

} // namespace

TargetEditor::TargetEditor(QWidget* parent) : QWidget(parent), unit_(display_unit("kpa")) {
    auto* form = new QFormLayout(this);
    form->setContentsMargins(8, 4, 8, 4);

    presets_ = new QComboBox(this);
    presets_->addItem(tr("Quick presets…"));
    for (const TargetPreset& preset : target_presets())
        presets_->addItem(preset.name);
    form->addRow(tr("Preset"), presets_);

    percent_of_ppt_ = new QCheckBox(tr("Band as % of this point's PPT"), this);
    percent_of_ppt_->hide();
    form->addRow(percent_of_ppt_);

    low_ = make_spin(this, 1e6, QString());
    high_ = make_spin(this, 1e6, QString());
    limit_ = make_spin(this, 1e6, QString());
    band_error_ = make_error(this);
    limit_error_ = make_error(this);
    form->addRow(tr("Band low / high"), row(this, low_, high_));
    form->addRow(band_error_);
    form->addRow(tr("Over-pressure limit"), limit_);
    form->addRow(limit_error_);

    hold_s_ = make_spin(this, 3600, QStringLiteral(" s"));
    grace_s_ = make_spin(this, 10, QStringLiteral(" s grace"));
    grace_s_->setDecimals(1);
    grace_s_->setSingleStep(0.1);
    hold_error_ = make_error(this);
    form->addRow(tr("Hold"), row(this, hold_s_, grace_s_));
    form->addRow(hold_error_);

    ramp_rate_ = make_spin(this, 1e4, QString());
    ramp_tolerance_ = make_spin(this, 1e4, QString());
    ramp_error_ = make_error(this);
    form->addRow(tr("Ramp rate ±"), row(this, ramp_rate_, ramp_tolerance_));
    form->addRow(ramp_error_);

    for (QDoubleSpinBox* spin :
         {low_, high_, limit_, hold_s_, grace_s_, ramp_rate_, ramp_tolerance_}) {
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this] { on_edited(); });
    }
    connect(percent_of_ppt_, &QCheckBox::toggled, this, [this] { fill_fields(accepted_); });
    connect(presets_, &QComboBox::activated, this, [this](int index) {
        if (index > 0) apply_preset(index - 1);
        presets_->setCurrentIndex(0);
    });
    set_unit(unit_);
}

void TargetEditor::set_unit(const DisplayUnit& unit) {
    unit_ = unit;
    fill_fields(accepted_);
}

void TargetEditor::set_targets(const LiveTargets& targets) {
    accepted_ = targets;
    fill_fields(targets);
    show_error({}, {});
}

void TargetEditor::set_reference_ppt_kpa(std::optional<double> ppt_kpa) {
    ppt_kpa_ = (ppt_kpa && *ppt_kpa > 0) ? ppt_kpa : std::nullopt;
    percent_of_ppt_->setVisible(ppt_kpa_.has_value());
    if (!ppt_kpa_) percent_of_ppt_->setChecked(false);
    fill_fields(accepted_);
}

bool TargetEditor::band_in_percent() const {
    return ppt_kpa_ && percent_of_ppt_->isChecked();
}

double TargetEditor::band_field_to_kpa(double shown) const {
    return band_in_percent() ? shown / 100.0 * *ppt_kpa_ : unit_.to_kpa(shown);
}

double TargetEditor::kpa_to_band_field(double kpa) const {
    return band_in_percent() ? kpa / *ppt_kpa_ * 100.0 : unit_.from_kpa(kpa);
}

void TargetEditor::fill_fields(const LiveTargets& targets) {
    filling_ = true;
    const QString unit_suffix = QChar(' ') + unit_.symbol;
    const QString band_suffix = band_in_percent() ? QStringLiteral(" % PPT") : unit_suffix;
    const int decimals = std::max(unit_.decimals, 1);
    for (QDoubleSpinBox* spin : {low_, high_}) {
        spin->setSuffix(band_suffix);
        spin->setDecimals(band_in_percent() ? 0 : decimals);
    }
    limit_->setSuffix(unit_suffix);
    limit_->setDecimals(decimals);
    for (QDoubleSpinBox* spin : {ramp_rate_, ramp_tolerance_}) {
        spin->setSuffix(unit_suffix + QStringLiteral("/s"));
        spin->setDecimals(decimals);
    }
    const double step = unit_.from_kpa(10.0);
    for (QDoubleSpinBox* spin : {low_, high_, limit_})
        spin->setSingleStep(step);
    low_->setValue(kpa_to_band_field(targets.band_low_kpa));
    high_->setValue(kpa_to_band_field(targets.band_high_kpa));
    limit_->setValue(unit_.from_kpa(targets.limit_kpa));
    hold_s_->setValue(targets.hold_s);
    grace_s_->setValue(targets.grace_s);
    ramp_rate_->setValue(unit_.from_kpa(targets.ramp_rate_kpa_s));
    ramp_tolerance_->setValue(unit_.from_kpa(targets.ramp_tolerance_kpa_s));
    filling_ = false;
}

LiveTargets TargetEditor::from_fields() const {
    LiveTargets t;
    t.band_low_kpa = band_field_to_kpa(low_->value());
    t.band_high_kpa = band_field_to_kpa(high_->value());
    t.limit_kpa = unit_.to_kpa(limit_->value());
    t.hold_s = hold_s_->value();
    t.grace_s = grace_s_->value();
    t.ramp_rate_kpa_s = unit_.to_kpa(ramp_rate_->value());
    t.ramp_tolerance_kpa_s = unit_.to_kpa(ramp_tolerance_->value());
    return t;
}

void TargetEditor::on_edited() {
    if (filling_) return;
    const LiveTargets candidate = from_fields();
    const algocore::protocols::ConfigCheck check = candidate.validate();
    if (!check.ok()) {
        show_error(QString::fromStdString(check.field), QString::fromStdString(check.reason));
        return;
    }
    show_error({}, {});
    if (candidate == accepted_) return;
    accepted_ = candidate;
    Q_EMIT targetsChanged(accepted_);
}

// Engine field names ("low_kpa", "limit_kpa", "hold_s", ...) map onto the editor's rows.
void TargetEditor::show_error(const QString& field, const QString& reason) {
    QLabel* target = nullptr;
    if (!reason.isEmpty()) {
        if (field.contains(QStringLiteral("limit")))
            target = limit_error_;
        else if (field.contains(QStringLiteral("hold")) || field.contains(QStringLiteral("grace")))
            target = hold_error_;
        else if (field.contains(QStringLiteral("ramp")) || field.contains(QStringLiteral("rate")))
            target = ramp_error_;
        else
            target = band_error_;
    }
    error_field_ = !target                  ? QString()
                   : target == limit_error_ ? QStringLiteral("limit")
                   : target == hold_error_  ? QStringLiteral("hold")
                   : target == ramp_error_  ? QStringLiteral("ramp")
                                            : QStringLiteral("band");
    for (QLabel* label : {band_error_, limit_error_, hold_error_, ramp_error_}) {
        label->setVisible(label == target);
        label->setText(label == target ? QStringLiteral("✖ ") + reason : QString());
    }
}

QString TargetEditor::error_text() const {
    for (QLabel* label : {band_error_, limit_error_, hold_error_, ramp_error_}) {
        if (!label->text().isEmpty()) return label->text();
    }
    return {};
}

void TargetEditor::enter_band(double low_shown, double high_shown) {
    filling_ = true;
    low_->setValue(low_shown);
    filling_ = false;
    high_->setValue(high_shown);
    on_edited();
}

void TargetEditor::enter_limit(double limit_shown) {
    limit_->setValue(limit_shown);
    on_edited();
}

void TargetEditor::apply_preset(int index) {
    const QList<TargetPreset> presets = target_presets();
    if (index < 0 || index >= presets.size()) return;
    fill_fields(presets[index].targets);
    on_edited();
}

} // namespace algogui
