#include "algogui/thresholds/RunControls.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QPushButton>
#include <cmath>

#include "algogui/Theme.h"

namespace algogui {

using algocore::protocols::PptSeriesState;
using algocore::protocols::PptTrialState;

namespace {
QString button_style(const QColor& colour) {
    return QStringLiteral("QPushButton { background: %1; color: white; font-weight: bold; "
                          "border-radius: 6px; padding: 6px 12px; }"
                          "QPushButton:disabled { background: #9aa0a6; }")
        .arg(colour.name());
}
} // namespace

RunControls::RunControls(QWidget* parent) : QWidget(parent) {
    start_ = new QPushButton(tr("Start trial"), this);
    start_->setStyleSheet(button_style(theme::kInBand));
    // Short, so the three controls fit a 1024 px window's middle column.
    skip_rest_ = new QPushButton(tr("Skip rest"), this);
    skip_rest_->setToolTip(tr("Start the next trial now, without waiting out the rest"));
    abort_ = new QPushButton(tr("Abort (Esc)"), this);
    abort_->setStyleSheet(button_style(theme::kAbove));
    // Esc is taken by the page's trial keys: only while a trial runs, never from an open
    // drop-down or a text field.
    pain_ = new QPushButton(tr("PAIN\n(Space)"), this);
    pain_->setStyleSheet(button_style(theme::kOverLimit) +
                         QStringLiteral("QPushButton { font-size: 22px; }"));
    pain_->setMinimumSize(124, 70);
    pain_->setFocusPolicy(Qt::NoFocus); // never steals the key that signals pain
    pain_->setAccessibleName(tr("Pain signal"));
    status_ = new QLabel(this);
    QFont big = status_->font();
    big.setPixelSize(19);
    big.setBold(true);
    status_->setFont(big);
    status_->setWordWrap(true);

    retest_row_ = new QWidget(this);
    retest_row_->setAutoFillBackground(true);
    QPalette palette = retest_row_->palette();
    palette.setColor(QPalette::Window, theme::kBannerWarning);
    retest_row_->setPalette(palette);
    retest_text_ = new QLabel(tr("The last trial was invalid. Repeat it?"), retest_row_);
    retest_text_->setWordWrap(true);
    retest_ = new QPushButton(tr("Retest"), retest_row_);
    skip_retest_ = new QPushButton(tr("End point"), retest_row_);
    skip_retest_->setToolTip(
        tr("Do not repeat it: the point ends (incomplete with too few counted trials)"));
    auto* retest_layout = new QHBoxLayout(retest_row_);
    retest_layout->setContentsMargins(8, 4, 8, 4);
    retest_layout->addWidget(retest_text_, 1);
    retest_layout->addWidget(retest_);
    retest_layout->addWidget(skip_retest_);
    retest_row_->hide();

    key_edit_ = new QKeySequenceEdit(QKeySequence(Qt::Key_Space), this);
    key_edit_->setToolTip(tr("Key (or foot pedal) that signals pain"));
    key_edit_->setMaximumWidth(110);
    // Wide enough for the key's name ("Space") however narrow the column gets.
    key_edit_->setMinimumWidth(key_edit_->fontMetrics().horizontalAdvance(QStringLiteral("Space")) +
                               36);

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->addWidget(start_, 0, 0);
    grid->addWidget(skip_rest_, 1, 0);
    grid->addWidget(abort_, 0, 1);
    auto* key_row = new QHBoxLayout;
    key_row->addWidget(new QLabel(tr("Pain key"), this));
    key_row->addWidget(key_edit_);
    grid->addLayout(key_row, 1, 1);
    grid->addWidget(pain_, 0, 2, 2, 1);
    grid->addWidget(status_, 2, 0, 1, 3);
    grid->addWidget(retest_row_, 4, 0, 1, 3);
    grid->setColumnStretch(2, 1);

    connect(start_, &QPushButton::clicked, this, [this] { Q_EMIT startRequested(false); });
    connect(skip_rest_, &QPushButton::clicked, this, [this] { Q_EMIT startRequested(true); });
    connect(abort_, &QPushButton::clicked, this, &RunControls::abortRequested);
    connect(pain_, &QPushButton::pressed, this, &RunControls::painSignalled);
    connect(retest_, &QPushButton::clicked, this, [this] { Q_EMIT retestAnswered(true); });
    connect(skip_retest_, &QPushButton::clicked, this, [this] { Q_EMIT retestAnswered(false); });
    connect(key_edit_, &QKeySequenceEdit::editingFinished, this, [this] {
        const QKeySequence sequence = key_edit_->keySequence();
        if (sequence.isEmpty()) return;
        // One key only: a pedal sends one, and a chord would be too slow to signal pain.
        set_pain_key(sequence[0].key());
        Q_EMIT painKeyChanged(pain_key_);
    });
    show_run({}, {});
}

void RunControls::set_pain_key(int key) {
    pain_key_ = key;
    const QString name = QKeySequence(key).toString(QKeySequence::NativeText);
    key_edit_->setKeySequence(QKeySequence(key));
    pain_->setText(tr("PAIN\n(%1)").arg(name));
}

QString RunControls::status_text() const {
    return status_->text();
}

bool RunControls::retest_prompt_visible() const {
    return !retest_row_->isHidden();
}

void RunControls::show_run(const algocore::session::PptRunState& run, const QString& hint) {
    const PptSeriesState state = run.series;
    QString text;
    switch (state) {
    case PptSeriesState::ReadyForTrial:
        text = run.any_trial ? tr("Ready: ramp from baseline for the next trial")
                             : tr("Ready: press Start trial");
        break;
    case PptSeriesState::TrialRunning:
        text = run.trial == PptTrialState::Ramping ? tr("Ramping — press PAIN at the signal")
               : run.trial == PptTrialState::WaitingForBaseline
                   ? tr("Lift the probe: a trial starts from baseline")
                   : tr("Armed: place the probe and ramp up");
        // Armed while the probe is loaded: the pressure and the baseline, in the words the
        // CLI says too, and the patient's press during the wait (kept as an event).
        if (const auto& wait = run.baseline_wait) {
            text = QString::fromStdString(algocore::protocols::to_words(*wait));
            if (!wait->presses.empty())
                text += QStringLiteral(" · ") +
                        QString::fromStdString(algocore::protocols::to_words(wait->presses.back()));
        }
        break;
    case PptSeriesState::InterTrial:
        text = tr("Rest: next trial in %1 s (a ramp now is recorded, flagged short rest)")
                   .arg(std::ceil(run.rest_left_s), 0, 'f', 0);
        break;
    case PptSeriesState::RetestPrompt: text = tr("Invalid trial"); break;
    case PptSeriesState::Complete:
        text =
            tr("Series complete (%1 counted) — Start trial begins a new series").arg(run.counted);
        break;
    case PptSeriesState::Incomplete:
        text = tr("Series INCOMPLETE: %1 of %2 counted — Start trial begins a new series")
                   .arg(run.counted)
                   .arg(run.needed);
        break;
    }
    if (!hint.isEmpty()) text += QStringLiteral(" · ") + hint;
    if (status_->text() != text) status_->setText(text);

    const bool running = state == PptSeriesState::TrialRunning;
    start_->setEnabled(!running && state != PptSeriesState::RetestPrompt);
    skip_rest_->setVisible(state == PptSeriesState::InterTrial);
    abort_->setEnabled(running);
    pain_->setEnabled(running);
    retest_row_->setVisible(state == PptSeriesState::RetestPrompt);
    if (state == PptSeriesState::RetestPrompt && run.retest_number > 0) {
        retest_text_->setText(
            tr("Trial %1 is invalid (%2). Repeat it?")
                .arg(run.retest_number)
                .arg(QString::fromStdString(algocore::protocols::flags_to_string(run.retest_flags))
                         .replace(QLatin1Char('_'), QLatin1Char(' '))
                         .replace(QLatin1Char(','), QStringLiteral(", "))));
    }
}

} // namespace algogui
