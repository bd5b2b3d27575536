#include "algogui/treatment/PrescriptionEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

#include "algogui/Theme.h"
#include "algogui/treatment/PrescriptionText.h"

namespace algogui {

using algocore::protocols::Prescription;
using algocore::protocols::PressureAnchor;
using algocore::protocols::PressureRef;

namespace {

constexpr PressureAnchor kAnchors[] = {PressureAnchor::Absolute, PressureAnchor::Ppt,
                                       PressureAnchor::Tolerance, PressureAnchor::PptToleranceMid};

void fill_anchors(QComboBox* box) {
    box->addItem(QStringLiteral("kPa"));
    box->addItem(QStringLiteral("% of PPT"));
    box->addItem(QStringLiteral("% of tolerance"));
    box->addItem(QStringLiteral("% of (PPT+tol.)/2"));
}

int anchor_index(PressureAnchor anchor) {
    for (int i = 0; i < 4; ++i) {
        if (kAnchors[i] == anchor) return i;
    }
    return 0;
}

QDoubleSpinBox* spin(QWidget* parent, double max, double step, int decimals) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(0.0, max);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    box->setKeyboardTracking(false);
    return box;
}

} // namespace

PrescriptionEditor::PrescriptionEditor(QWidget* parent) : QWidget(parent) {
    preset_ = new QComboBox(this);
    preset_->setObjectName(QStringLiteral("PresetPicker"));
    preset_->addItem(QStringLiteral("Custom"));
    for (const Prescription& p : Prescription::presets()) {
        preset_->addItem(prescription_title(p));
        preset_->setItemData(preset_->count() - 1, QString::fromStdString(p.source),
                             Qt::ToolTipRole);
    }
    source_ = new QLabel(this);
    source_->setObjectName(QStringLiteral("PresetSource"));
    source_->setWordWrap(true);
    QPalette muted = source_->palette();
    muted.setColor(QPalette::WindowText, theme::kMutedText);
    source_->setPalette(muted);

    band_anchor_ = new QComboBox(this);
    band_anchor_->setObjectName(QStringLiteral("BandAnchor"));
    fill_anchors(band_anchor_);
    low_ = spin(this, 5000.0, 5.0, 0);
    low_->setObjectName(QStringLiteral("BandLow"));
    high_ = spin(this, 5000.0, 5.0, 0);
    high_->setObjectName(QStringLiteral("BandHigh"));
    auto* band_row = new QHBoxLayout;
    band_row->addWidget(low_);
    band_row->addWidget(new QLabel(QStringLiteral("to"), this));
    band_row->addWidget(high_);

    limit_on_ = new QCheckBox(this);
    limit_on_->setToolTip(QStringLiteral("End the hold with an alarm at this pressure"));
    limit_anchor_ = new QComboBox(this);
    fill_anchors(limit_anchor_);
    limit_ = spin(this, 9000.0, 5.0, 0);
    limit_->setObjectName(QStringLiteral("LimitValue"));
    auto* limit_row = new QHBoxLayout;
    limit_row->addWidget(limit_on_);
    limit_row->addWidget(limit_, 1);
    limit_row->addWidget(limit_anchor_, 2);

    hold_s_ = spin(this, 1800.0, 5.0, 0);
    hold_s_->setObjectName(QStringLiteral("HoldSeconds"));
    hold_s_->setMinimum(1.0);
    hold_s_->setSuffix(QStringLiteral(" s"));
    step_ups_ = new QSpinBox(this);
    step_ups_->setRange(0, 20);
    until_release_ = new QCheckBox(QStringLiteral("until released"), this);
    auto* step_row = new QHBoxLayout;
    step_row->addWidget(step_ups_);
    step_row->addWidget(until_release_, 1);
    repetitions_ = new QSpinBox(this);
    repetitions_->setRange(1, 20);
    rest_s_ = spin(this, 600.0, 5.0, 0);
    rest_s_->setSuffix(QStringLiteral(" s rest"));
    auto* rep_row = new QHBoxLayout;
    rep_row->addWidget(repetitions_);
    rep_row->addWidget(rest_s_, 1);
    stretch_s_ = spin(this, 600.0, 5.0, 0);
    stretch_s_->setSuffix(QStringLiteral(" s"));
    stretch_s_->setSpecialValueText(QStringLiteral("none"));

    problem_ = new QLabel(this);
    problem_->setObjectName(QStringLiteral("PrescriptionProblem"));
    problem_->setWordWrap(true);
    QPalette red = problem_->palette();
    red.setColor(QPalette::WindowText, theme::kOverLimit);
    problem_->setPalette(red);
    problem_->hide();

    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(QStringLiteral("Preset"), preset_);
    form->addRow(QString(), source_);
    form->addRow(QStringLiteral("Band in"), band_anchor_);
    form->addRow(QStringLiteral("Band"), band_row);
    form->addRow(QStringLiteral("Over-pressure"), limit_row);
    form->addRow(QStringLiteral("Hold (in band)"), hold_s_);
    form->addRow(QStringLiteral("Step-ups"), step_row);
    form->addRow(QStringLiteral("Holds"), rep_row);
    form->addRow(QStringLiteral("Stretch after"), stretch_s_);
    form->addRow(QString(), problem_);

    connect(preset_, &QComboBox::activated, this, [this](int index) {
        if (index > 0) choose_preset(index - 1);
    });
    for (QComboBox* box : {band_anchor_, limit_anchor_}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] { on_edited(); });
    }
    for (QDoubleSpinBox* box : {low_, high_, limit_, hold_s_, rest_s_, stretch_s_}) {
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] { on_edited(); });
    }
    for (QSpinBox* box : {step_ups_, repetitions_}) {
        connect(box, &QSpinBox::valueChanged, this, [this] { on_edited(); });
    }
    for (QCheckBox* box : {limit_on_, until_release_}) {
        connect(box, &QCheckBox::toggled, this, [this] { on_edited(); });
    }

    // A custom absolute band like the live view's default: 300-400 kPa for 60 s, limit 500.
    Prescription start = Prescription::absolute(300.0, 400.0, 60.0);
    start.limit = PressureRef{PressureAnchor::Absolute, 500.0};
    set_prescription(start);
}

void PrescriptionEditor::choose_preset(int index) {
    const auto presets = Prescription::presets();
    if (index < 0 || index >= static_cast<int>(presets.size())) return;
    set_prescription(presets[static_cast<std::size_t>(index)]);
}

int PrescriptionEditor::preset_index() const {
    return preset_->currentIndex();
}

QString PrescriptionEditor::source_text() const {
    return source_->text();
}

QString PrescriptionEditor::problem_text() const {
    return problem_->isHidden() ? QString() : problem_->text();
}

void PrescriptionEditor::show_problem(const QString& problem) {
    problem_->setText(problem);
    problem_->setVisible(!problem.isEmpty());
}

void PrescriptionEditor::set_prescription(const Prescription& p) {
    loading_ = true;
    band_anchor_->setCurrentIndex(anchor_index(p.low.anchor));
    low_->setValue(p.low.value);
    high_->setValue(p.high.value);
    limit_on_->setChecked(p.limit.has_value());
    if (p.limit) {
        limit_anchor_->setCurrentIndex(anchor_index(p.limit->anchor));
        limit_->setValue(p.limit->value);
    }
    hold_s_->setValue(p.hold_s);
    step_ups_->setValue(p.step_ups);
    until_release_->setChecked(p.hold_until_release);
    repetitions_->setValue(p.repetitions);
    rest_s_->setValue(p.rest_s);
    stretch_s_->setValue(p.stretch_s);
    source_key_ = p.name;
    source_ref_ = p.source;
    int found = 0;
    const auto presets = Prescription::presets();
    for (std::size_t i = 0; i < presets.size(); ++i) {
        if (presets[i].name == p.name) found = static_cast<int>(i) + 1;
    }
    preset_->setCurrentIndex(found);
    source_->setText(p.source.empty() ? QStringLiteral("Band %1").arg(band_text(p))
                                      : QStringLiteral("Source: %1 · band %2")
                                            .arg(QString::fromStdString(p.source), band_text(p)));
    loading_ = false;
    update_units();
    Q_EMIT prescriptionChanged();
}

Prescription PrescriptionEditor::prescription() const {
    Prescription p;
    p.name = source_key_.empty() ? std::string("custom") : source_key_;
    p.source = source_ref_;
    const PressureAnchor band_anchor = kAnchors[std::max(0, band_anchor_->currentIndex())];
    p.low = PressureRef{band_anchor, low_->value()};
    p.high = PressureRef{band_anchor, high_->value()};
    if (limit_on_->isChecked()) {
        p.limit =
            PressureRef{kAnchors[std::max(0, limit_anchor_->currentIndex())], limit_->value()};
    }
    p.hold_s = hold_s_->value();
    p.step_ups = step_ups_->value();
    p.hold_until_release = until_release_->isChecked();
    p.repetitions = repetitions_->value();
    p.rest_s = rest_s_->value();
    p.stretch_s = stretch_s_->value();
    return p;
}

void PrescriptionEditor::on_edited() {
    update_units();
    if (loading_) return;
    // An edited preset is no longer the published protocol: say so rather than keep its name.
    if (preset_->currentIndex() != 0) {
        preset_->setCurrentIndex(0);
        source_key_ = "custom";
        source_ref_.clear();
    }
    source_->setText(QStringLiteral("Band %1").arg(band_text(prescription())));
    Q_EMIT prescriptionChanged();
}

void PrescriptionEditor::update_units() {
    const bool absolute = band_anchor_->currentIndex() == 0;
    const QString suffix = absolute ? QStringLiteral(" kPa") : QStringLiteral(" %");
    low_->setSuffix(suffix);
    high_->setSuffix(suffix);
    limit_->setSuffix(limit_anchor_->currentIndex() == 0 ? QStringLiteral(" kPa")
                                                         : QStringLiteral(" %"));
    limit_->setEnabled(limit_on_->isChecked());
    limit_anchor_->setEnabled(limit_on_->isChecked());
    rest_s_->setEnabled(repetitions_->value() > 1);
}

} // namespace algogui
