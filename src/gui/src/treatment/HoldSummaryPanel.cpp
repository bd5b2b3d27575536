#include "algogui/treatment/HoldSummaryPanel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "algocore/history/SignalLoss.h"
#include "algocore/session/StoredMetrics.h"
#include "algogui/FittedLabel.h"
#include "algogui/Theme.h"

namespace algogui {

namespace {
constexpr int kNotRated = -1;

} // namespace

HoldSummaryPanel::HoldSummaryPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("HoldSummary"));
    setAutoFillBackground(true);
    QPalette panel = palette();
    panel.setColor(QPalette::Window, theme::kPanel);
    setPalette(panel);

    // Two rows of five measures whose words shrink to the room (at 1024 px a fixed 22 px cut
    // "334 kP"), then what to do with the hold. How it ended is said once, by the hold's
    // status above (HoldStatusPanel): here it said "Stopped by operator" a second time.
    grid_ = new QGridLayout;
    grid_->setHorizontalSpacing(14);
    grid_->setVerticalSpacing(0);
    add_metric(QStringLiteral("duration"), QStringLiteral("Duration"), 0, 0);
    add_metric(QStringLiteral("in_band"), QStringLiteral("Time in band"), 0, 1);
    add_metric(QStringLiteral("in_band_pct"), QStringLiteral("In band"), 0, 2);
    add_metric(QStringLiteral("excursions"), kLeftTheBand, 0, 3);
    add_metric(QStringLiteral("step_ups"), QStringLiteral("Step-ups"), 0, 4);
    add_metric(QStringLiteral("mean"), QStringLiteral("Mean"), 2, 0);
    add_metric(QStringLiteral("median"), QStringLiteral("Median"), 2, 1);
    add_metric(QStringLiteral("peak"), QStringLiteral("Peak"), 2, 2);
    add_metric(QStringLiteral("cv"), kSteadiness, 2, 3);
    add_metric(QStringLiteral("pti"), kPressureTimesTime, 2, 4);

    rating_ = new QSpinBox(this);
    rating_->setObjectName(QStringLiteral("PainRating"));
    rating_->setRange(kNotRated, 10);
    rating_->setSpecialValueText(QStringLiteral("not rated"));
    rating_->setValue(kNotRated);
    rating_->setToolTip(QStringLiteral("Pain during the hold, 0 (none) to 10 (worst imaginable)"));
    save_ = new QPushButton(QStringLiteral("Save hold"), this);
    save_->setObjectName(QStringLiteral("SaveHold"));
    discard_ = new QPushButton(QStringLiteral("Discard…"), this);
    discard_->setObjectName(QStringLiteral("DiscardHold"));
    note_ = new QLabel(this);
    note_->setObjectName(QStringLiteral("SaveNote"));
    // Two lines rather than the outcome's room when the row is narrow.
    note_->setWordWrap(true);
    // Said only when the device was lost during the hold: the duration includes that time,
    // the other figures do not.
    loss_ = new QLabel(this);
    loss_->setObjectName(QStringLiteral("SignalLoss"));
    loss_->setWordWrap(true);
    loss_->setStyleSheet(QStringLiteral("color: %1;").arg(theme::kAbove.name()));
    loss_->hide();

    auto* actions = new QHBoxLayout;
    actions->addWidget(new QLabel(QStringLiteral("Pain 0–10"), this));
    actions->addWidget(rating_);
    actions->addSpacing(12);
    actions->addWidget(save_);
    actions->addWidget(discard_);
    actions->addWidget(note_, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->setSpacing(4);
    layout->addLayout(grid_);
    layout->addWidget(loss_);
    layout->addLayout(actions);
    for (int column = 0; column < 5; ++column)
        grid_->setColumnStretch(column, 1);

    connect(save_, &QPushButton::clicked, this, &HoldSummaryPanel::saveRequested);
    connect(discard_, &QPushButton::clicked, this, &HoldSummaryPanel::discardRequested);
    clear();
}

QLabel* HoldSummaryPanel::add_metric(const QString& key, const PlainWords& words, int row,
                                     int column) {
    return add_metric(key, words.caption_text(), row, column, words.tooltip_text());
}

QLabel* HoldSummaryPanel::add_metric(const QString& key, const QString& title, int row, int column,
                                     const QString& tooltip) {
    auto* caption = new FittedLabel(font().pixelSize() > 0 ? font().pixelSize() : 14, 10, this);
    caption->set_text(title);
    caption->setToolTip(tooltip);
    QPalette muted = caption->palette();
    muted.setColor(QPalette::WindowText, theme::kMutedText);
    caption->setPalette(muted);
    auto* value = new FittedLabel(22, 12, this);
    value->set_text(QStringLiteral("—"));
    value->setObjectName(QStringLiteral("Metric_") + key);
    value->setToolTip(tooltip);
    QFont big = value->font();
    big.setBold(true);
    value->setFont(big);
    grid_->addWidget(caption, row, column);
    grid_->addWidget(value, row + 1, column);
    values_.insert(key, value);
    return value;
}

void HoldSummaryPanel::show_hold(const algocore::protocols::DoseMetrics& m,
                                 const DisplayUnit& unit) {
    saved_ = false;
    values_[QStringLiteral("duration")]->set_text(
        QStringLiteral("%1 s").arg(m.duration_s, 0, 'f', 1));
    values_[QStringLiteral("in_band")]->set_text(
        QStringLiteral("%1 s").arg(m.time_in_band_s, 0, 'f', 1));
    values_[QStringLiteral("in_band_pct")]->set_text(
        QStringLiteral("%1 %").arg(m.time_in_band_pct, 0, 'f', 0));
    values_[QStringLiteral("mean")]->set_text(unit.format_with_symbol(m.mean_kpa));
    values_[QStringLiteral("median")]->set_text(unit.format_with_symbol(m.median_kpa));
    values_[QStringLiteral("peak")]->set_text(unit.format_with_symbol(m.peak_kpa));
    values_[QStringLiteral("cv")]->set_text(QStringLiteral("%1 %").arg(m.cv_pct, 0, 'f', 1));
    // The integral stays in kPa·s whatever the display unit: it is the dose as published.
    values_[QStringLiteral("pti")]->set_text(
        QStringLiteral("%1 kPa·s").arg(m.pti_kpa_s, 0, 'f', 0));
    values_[QStringLiteral("excursions")]->set_text(QString::number(m.excursions));
    values_[QStringLiteral("step_ups")]->set_text(QString::number(m.step_ups));
    // In the stored record's words (algocore::history), as the report and History say it.
    const QString loss = QString::fromStdString(
        algocore::history::signal_loss_sentence(algocore::session::stored_metrics(m)));
    loss_->setText(loss);
    loss_->setVisible(!loss.isEmpty());
    for (const char* key : {"duration", "mean"})
        values_[QLatin1String(key)]->setToolTip(loss);
    save_->setEnabled(true);
    discard_->setEnabled(true);
    save_->show();
    discard_->show();
    rating_->setEnabled(true);
    note_->clear();
    show();
}

void HoldSummaryPanel::clear() {
    for (FittedLabel* value : values_)
        value->set_text(QStringLiteral("—"));
    rating_->setValue(kNotRated);
    loss_->clear();
    loss_->hide();
    save_->setEnabled(false);
    discard_->setEnabled(false);
    save_->show();
    discard_->show();
    note_->clear();
    saved_ = false;
}

void HoldSummaryPanel::show_saved(const QString& note) {
    saved_ = true;
    save_->setEnabled(false);
    discard_->setEnabled(false);
    // The note takes the buttons' place: beside them it was cut at every size ("Saved: hold 1
    // at Upper trapezius (L)" had 179 of its 290 px at 1024×640).
    save_->hide();
    discard_->hide();
    rating_->setEnabled(false);
    note_->setStyleSheet(QString());
    note_->setText(note);
}

void HoldSummaryPanel::show_problem(const QString& problem) {
    note_->setStyleSheet(QStringLiteral("color: %1;").arg(theme::kOverLimit.name()));
    note_->setText(problem);
}

QString HoldSummaryPanel::signal_loss_text() const {
    return loss_->isHidden() ? QString() : loss_->text();
}

QString HoldSummaryPanel::note_text() const {
    return note_->text();
}

std::optional<int> HoldSummaryPanel::pain_rating() const {
    if (rating_->value() == kNotRated) return std::nullopt;
    return rating_->value();
}

void HoldSummaryPanel::set_pain_rating(std::optional<int> rating) {
    rating_->setValue(rating ? *rating : kNotRated);
}

QString HoldSummaryPanel::metric_text(const QString& key) const {
    const auto it = values_.find(key);
    return it == values_.end() ? QString() : (*it)->text();
}

} // namespace algogui
