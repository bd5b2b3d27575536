#include "algogui/treatment/HoldStatusPanel.h"
#include "algogui/PlainWords.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "algogui/FittedLabel.h"
#include "algogui/HoldTimerPanel.h"
#include "algogui/Theme.h"

namespace algogui {

using algocore::protocols::HoldState;

namespace {

QLabel* make_label(QWidget* parent, const QString& name, int pixel_size, bool bold) {
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    QFont font = label->font();
    font.setPixelSize(pixel_size);
    font.setBold(bold);
    label->setFont(font);
    return label;
}

void make_bold(QLabel* label) {
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
}

QLabel* caption(QWidget* parent, const QString& text) {
    auto* label = new QLabel(text, parent);
    QPalette muted = label->palette();
    muted.setColor(QPalette::WindowText, theme::kMutedText);
    label->setPalette(muted);
    return label;
}

// "❚❚" as on the Live page's hold timer (HoldTimerPanel).
QString state_words(const algocore::session::HoldRunState& hold, bool signal_live) {
    switch (hold.state) {
    case HoldState::WaitingForBand: return QStringLiteral("Waiting: press into the band");
    case HoldState::Holding:
        if (!signal_live) return QStringLiteral("❚❚ Holding: paused, no signal");
        return hold.out_of_band ? QStringLiteral("Holding: OUT OF BAND")
                                : QStringLiteral("Holding: in band");
    case HoldState::Complete: return QStringLiteral("Hold complete");
    case HoldState::Stopped: return QStringLiteral("Stopped by operator");
    case HoldState::OverLimit: return QStringLiteral("OVER LIMIT: hold ended");
    case HoldState::TimeLimit: return QStringLiteral("Maximum time reached before the step-ups");
    }
    return {};
}

} // namespace

HoldStatusPanel::HoldStatusPanel(QWidget* parent) : QWidget(parent) {
    // The state and the prompt shrink to fit a narrow window rather than being cut.
    state_ = new FittedLabel(24, 16, this);
    state_->setObjectName(QStringLiteral("HoldState"));
    make_bold(state_);
    in_band_ = make_label(this, QStringLiteral("TimeInBand"), 52, true);
    remaining_ = make_label(this, QStringLiteral("Remaining"), 28, true);
    excursions_ = make_label(this, QStringLiteral("Excursions"), 28, true);
    step_ups_ = make_label(this, QStringLiteral("StepUps"), 28, true);
    prompt_ = new FittedLabel(40, 22, this);
    prompt_->setObjectName(QStringLiteral("SlackPrompt"));
    make_bold(prompt_);
    prompt_->setAlignment(Qt::AlignCenter);
    prompt_->setMinimumHeight(60);
    prompt_->setAutoFillBackground(true);
    prompt_->hide();

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(18);
    grid->setVerticalSpacing(0);
    // The time in band on a line of its own, the smaller counts under it: four columns do
    // not fit beside the readout in a 1024 px window.
    in_band_caption_ = caption(this, QStringLiteral("Time in band"));
    grid->addWidget(in_band_caption_, 0, 0, 1, 3);
    grid->addWidget(in_band_, 1, 0, 1, 3);
    grid->addWidget(caption(this, QStringLiteral("Remaining")), 2, 0);
    QLabel* left_band = caption(this, kLeftTheBand.caption_text());
    left_band->setToolTip(kLeftTheBand.tooltip_text());
    excursions_->setToolTip(kLeftTheBand.tooltip_text());
    grid->addWidget(left_band, 2, 1);
    grid->addWidget(caption(this, QStringLiteral("Step-ups")), 2, 2);
    grid->addWidget(remaining_, 3, 0);
    grid->addWidget(excursions_, 3, 1);
    grid->addWidget(step_ups_, 3, 2);
    grid->setColumnStretch(3, 1);
    grid->setContentsMargins(0, 0, 0, 0);
    counts_ = new QWidget(this);
    counts_->setLayout(grid);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(state_);
    layout->addWidget(counts_);
    layout->addWidget(prompt_);
    layout->addStretch(1); // the state line stays at the top when the counts are hidden
    show_idle(QStringLiteral("Choose the point and the prescription, then Start hold"));
}

void HoldStatusPanel::show_hold(const algocore::session::HoldRunState& hold, bool signal_live) {
    state_->set_text(state_words(hold, signal_live));
    const bool paused = hold.state == HoldState::Holding && !signal_live;
    const QColor colour = hold.state == HoldState::OverLimit ? theme::kOverLimit
                          : paused                           ? theme::kNoSignal
                          : hold.out_of_band                 ? theme::kAbove
                                                             : theme::kText;
    state_->setStyleSheet(QStringLiteral("color: %1;").arg(colour.name()));
    // The prescribed time goes in the caption so the count itself can be large.
    // A hold until release runs to its step-ups (at most hold_s elapsed); a timed hold to its
    // time in band. "Remaining" follows the same rule as the engine's end.
    in_band_caption_->setText(
        hold.until_release
            ? QStringLiteral("Time in band (max %1 elapsed)")
                  .arg(format_minutes_seconds(hold.max_hold_s))
            : QStringLiteral("Time in band (of %1)").arg(format_minutes_seconds(hold.hold_s)));
    in_band_->setText(format_minutes_seconds(hold.time_in_band_s));
    remaining_->setText(format_minutes_seconds(hold.remaining_s));
    excursions_->setText(QString::number(hold.excursions));
    const int made = static_cast<int>(hold.step_ups.size());
    step_ups_->setText(hold.max_step_ups > 0
                           ? QStringLiteral("%1 of %2").arg(made).arg(hold.max_step_ups)
                           : QString::number(made));
}

void HoldStatusPanel::show_idle(const QString& text) {
    state_->set_text(text);
    state_->setStyleSheet(QString());
    in_band_caption_->setText(QStringLiteral("Time in band"));
    in_band_->setText(QStringLiteral("–:–"));
    remaining_->setText(QStringLiteral("–"));
    excursions_->setText(QStringLiteral("–"));
    step_ups_->setText(QStringLiteral("–"));
}

void HoldStatusPanel::show_prompt(const QString& text, const QColor& colour) {
    prompt_->set_text(text);
    prompt_->setStyleSheet(
        QStringLiteral("background: %1; color: white; border-radius: 6px;").arg(colour.name()));
    prompt_->show();
}

void HoldStatusPanel::hide_prompt() {
    prompt_->hide();
}

void HoldStatusPanel::set_counts_shown(bool shown) {
    counts_->setVisible(shown);
}

bool HoldStatusPanel::counts_shown() const {
    return !counts_->isHidden();
}

QString HoldStatusPanel::state_text() const {
    return state_->text();
}
QString HoldStatusPanel::in_band_text() const {
    return in_band_->text() + QStringLiteral(" · ") + in_band_caption_->text();
}
QString HoldStatusPanel::remaining_text() const {
    return remaining_->text();
}
QString HoldStatusPanel::excursions_text() const {
    return excursions_->text();
}
QString HoldStatusPanel::step_ups_text() const {
    return step_ups_->text();
}
QString HoldStatusPanel::prompt_text() const {
    return prompt_->text();
}
bool HoldStatusPanel::prompt_visible() const {
    return !prompt_->isHidden();
}

} // namespace algogui
