#include "algogui/training/ScorePanel.h"

#include <QGridLayout>
#include <QLabel>

#include "algogui/Theme.h"

namespace algogui {

namespace {

QLabel* score_label(QWidget* parent, const QString& name) {
    auto* label = new QLabel(QStringLiteral("—"), parent);
    label->setObjectName(name);
    QFont font = label->font();
    font.setPixelSize(26);
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

ScorePanel::ScorePanel(QWidget* parent) : QWidget(parent) {
    ce_ = score_label(this, QStringLiteral("ScoreCE"));
    ae_ = score_label(this, QStringLiteral("ScoreAE"));
    ve_ = score_label(this, QStringLiteral("ScoreVE"));
    tib_ = score_label(this, QStringLiteral("ScoreTIB"));
    note_ = new QLabel(this);
    note_->setObjectName(QStringLiteral("ScoreNote"));
    note_->setWordWrap(true);
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    // One line each: at 1024×640 a caption on two lines did not fit above its score.
    const QStringList captions = {QStringLiteral("Constant error"),
                                  QStringLiteral("Absolute error"),
                                  QStringLiteral("Variable error"), QStringLiteral("Time in band")};
    const QList<QLabel*> values = {ce_, ae_, ve_, tib_};
    // Two scores a row: four side by side do not fit beside the readout in a 1024 px window.
    for (int i = 0; i < 4; ++i) {
        auto* caption = new QLabel(captions[i], this);
        caption->setStyleSheet(QStringLiteral("color: %1;").arg(theme::kMutedText.name()));
        caption->setWordWrap(true);
        if (i == 0)
            caption->setToolTip(QStringLiteral("Bias: + means pressing harder than the expert"));
        grid->addWidget(caption, 2 * (i / 2), i % 2);
        grid->addWidget(values[i], 2 * (i / 2) + 1, i % 2);
    }
    grid->setHorizontalSpacing(16);
    grid->addWidget(note_, 4, 0, 1, 2);
}

void ScorePanel::show_score(const algocore::protocols::AttemptScore& score, const DisplayUnit& unit,
                            int attempt) {
    ce_->setText(QStringLiteral("%1%2 %3")
                     .arg(score.constant_error_kpa >= 0 ? QStringLiteral("+") : QString())
                     .arg(unit.format(score.constant_error_kpa), unit.symbol));
    ae_->setText(unit.format_with_symbol(score.absolute_error_kpa));
    ve_->setText(unit.format_with_symbol(score.variable_error_kpa));
    tib_->setText(QStringLiteral("%1 %").arg(score.time_in_band_pct, 0, 'f', 0));
    note_->setText(
        QStringLiteral("Attempt %1: + means pressing harder than the expert.").arg(attempt));
    note_->setToolTip(QStringLiteral("Scored over %1 readings of the attempt, compared with the "
                                     "expert's from the first contact on")
                          .arg(score.samples_compared));
    showing_ = true;
}

void ScorePanel::show_hidden() {
    for (QLabel* label : {ce_, ae_, ve_, tib_})
        label->setText(QStringLiteral("hidden"));
    note_->setText(QStringLiteral("Score stored but not shown (retention test)."));
    showing_ = false;
}

void ScorePanel::clear() {
    for (QLabel* label : {ce_, ae_, ve_, tib_})
        label->setText(QStringLiteral("—"));
    note_->clear();
    showing_ = false;
}

void ScorePanel::set_note(const QString& note) {
    note_->setText(note);
}

QString ScorePanel::text(const QString& key) const {
    if (key == QLatin1String("ce")) return ce_->text();
    if (key == QLatin1String("ae")) return ae_->text();
    if (key == QLatin1String("ve")) return ve_->text();
    if (key == QLatin1String("tib")) return tib_->text();
    if (key == QLatin1String("note")) return note_->text();
    return {};
}

} // namespace algogui
