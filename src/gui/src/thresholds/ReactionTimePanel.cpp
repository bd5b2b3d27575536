#include "algogui/thresholds/ReactionTimePanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace algogui {

using algocore::protocols::CueOutcome;
using algocore::protocols::CueSource;
using algocore::protocols::ReactionCue;
using algocore::protocols::ReactionTestState;

namespace {

QString ms(double value) {
    return QString::number(value, 'f', 0);
}

// "practice 283, 251 ms · counted 250, 248 ms · anticipation 45 ms · false start · missed"
QString answer_words(const std::vector<ReactionCue>& cues) {
    QStringList parts;
    QString kind;
    QStringList times;
    int plain = 0; // answers of this kind without a time (false starts, misses)
    const auto close_group = [&] {
        if (kind.isEmpty()) return;
        QString part = kind;
        if (!times.isEmpty())
            part += QLatin1Char(' ') + times.join(QStringLiteral(", ")) + QStringLiteral(" ms");
        else if (plain > 1)
            part += QStringLiteral(" ×%1").arg(plain);
        parts << part;
        times.clear();
        plain = 0;
    };
    for (const ReactionCue& cue : cues) {
        const QString name = QString::fromLatin1(algocore::protocols::to_string(cue.outcome))
                                 .replace(QLatin1Char('_'), QLatin1Char(' '));
        if (name != kind) {
            close_group();
            kind = name;
        }
        if (cue.reaction_ms && cue.outcome != CueOutcome::Missed)
            times << ms(*cue.reaction_ms);
        else
            ++plain;
    }
    close_group();
    return parts.join(QStringLiteral(" · "));
}

} // namespace

QString reaction_result_words(const algocore::protocols::ReactionTimeSummary& s) {
    if (!s.median_ms) return QObject::tr("Reaction time: no counted answer");
    QString text = QObject::tr("Reaction time %1 ms (IQR %2 ms, n = %3")
                       .arg(ms(*s.median_ms), ms(s.iqr_ms.value_or(0.0)))
                       .arg(s.n);
    if (s.anticipations > 0)
        text += s.anticipations == 1 ? QObject::tr(", 1 anticipation")
                                     : QObject::tr(", %1 anticipations").arg(s.anticipations);
    if (s.misses > 0) text += QObject::tr(", %1 missed").arg(s.misses);
    text += s.cue_source == CueSource::Device
                ? QObject::tr("; cue from the device)")
                : QObject::tr("; host cue, ±%1 ms)").arg(ms(s.uncertainty_ms));
    if (!s.complete) text += QObject::tr(" — incomplete, not used for estimates");
    return text;
}

ReactionTimePanel::ReactionTimePanel(QWidget* parent) : QWidget(parent) {
    start_ = new QPushButton(tr("Reaction time test"), this);
    start_->setToolTip(tr("Cues at random intervals; the subject presses as soon as they see "
                          "or hear one. The first two answers are practice."));
    start_->setAccessibleName(tr("Reaction time test"));
    press_ = new QPushButton(tr("PRESS"), this);
    press_->setToolTip(tr("The subject's answer to the screen's cue (or the pain key)"));
    press_->hide();
    status_ = new QLabel(this);
    answers_ = new QLabel(this);
    result_ = new QLabel(this);
    QFont bold = result_->font();
    bold.setBold(true);
    result_->setFont(bold);
    for (QLabel* label : {status_, answers_, result_}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(start_);
    row->addWidget(status_, 1);
    row->addWidget(press_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(answers_);
    layout->addWidget(result_);
    connect(start_, &QPushButton::clicked, this, [this] {
        if (running_)
            Q_EMIT stopRequested();
        else
            Q_EMIT startRequested();
    });
    connect(press_, &QPushButton::pressed, this, &ReactionTimePanel::subjectPressed);
    answers_->hide();
    result_->hide();
}

void ReactionTimePanel::show_test(const algocore::session::ReactionTimeSession& test,
                                  bool may_start, const QString& problem) {
    running_ = test.running();
    start_->setText(running_ ? tr("Stop test") : tr("Reaction time test"));
    start_->setEnabled(running_ || may_start);
    press_->setVisible(running_ && test.source() == CueSource::Host);
    const auto* engine = test.test();
    QString status = problem;
    if (running_ && engine) {
        const int asked = engine->config().trials;
        int practised = 0;
        for (const ReactionCue& cue : engine->cues())
            practised += cue.outcome == CueOutcome::Practice ? 1 : 0;
        const QString where =
            engine->in_practice()
                ? tr("practice %1 of %2").arg(practised + 1).arg(engine->config().practice)
                : tr("answer %1 of %2").arg(engine->counted() + 1).arg(asked);
        const QString cue = test.source() == CueSource::Device
                                ? tr("cue: the device's light and buzzer; press its button")
                                : tr("cue: this screen flashes and beeps; press the pain key, "
                                     "PAIN or the patient button");
        status = engine->state() == ReactionTestState::CueOn ? tr("PRESS NOW (%1)").arg(where)
                                                             : tr("%1 — %2").arg(where, cue);
    }
    status_->setText(status);
    const QString answers = engine ? answer_words(engine->cues()) : QString();
    answers_->setText(answers);
    answers_->setVisible(!answers.isEmpty());
    const auto& result = test.result();
    result_->setText(result ? reaction_result_words(result->summary) : QString());
    result_->setVisible(result.has_value());
}

QString ReactionTimePanel::status_text() const {
    return status_->text();
}
QString ReactionTimePanel::answers_text() const {
    return answers_->text();
}
QString ReactionTimePanel::result_text() const {
    return result_->text();
}

} // namespace algogui
