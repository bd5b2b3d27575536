// TrainingPage: the teacher's and student's actions, and what the session says, drawn.
// (Construction and settings are in TrainingPage.cpp.)
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "algogui/BandStyle.h"
#include "algogui/PressureReadout.h"
#include "algogui/training/AttemptPlot.h"
#include "algogui/training/ProgressChart.h"
#include "algogui/training/ScorePanel.h"
#include "algogui/training/TrainingPage.h"

namespace algogui {

using algocore::protocols::FeedbackLevel;
using algocore::protocols::MotionTemplate;
using algocore::protocols::TemplateKind;
using Phase = algocore::session::TrainingSession::Phase;

namespace {
QString level_words(FeedbackLevel level) {
    switch (level) {
    case FeedbackLevel::Full: return QStringLiteral("full feedback");
    case FeedbackLevel::BandOnly: return QStringLiteral("band only");
    case FeedbackLevel::SummaryAfter: return QStringLiteral("blind, score afterwards");
    case FeedbackLevel::None: return QStringLiteral("blind, no feedback (retention)");
    }
    return {};
}
QString q(const std::string& text) {
    return QString::fromStdString(text);
}
} // namespace

const std::optional<MotionTemplate>& TrainingPage::expert() const {
    return session().expert();
}
bool TrainingPage::attempt_running() const {
    return session().phase() == Phase::Attempt;
}
int TrainingPage::attempt_number() const {
    return session().attempt_number();
}
FeedbackLevel TrainingPage::current_level() const {
    return session().level();
}
const std::optional<algocore::protocols::AttemptScore>& TrainingPage::last_score() const {
    return session().last_score();
}

void TrainingPage::set_student(const QString& name) {
    if (student_->text() != name) student_->setText(name);
    const std::string problem = session().set_student(name.toStdString());
    message_->setText(q(problem));
    show_session();
}

void TrainingPage::set_schedule(const algocore::protocols::FeedbackSchedule& schedule) {
    message_->setText(q(session().set_schedule(schedule)));
    show_session();
}

void TrainingPage::start_recording() {
    const auto kind = static_cast<TemplateKind>(kind_->currentData().toInt());
    const QString name = QStringLiteral("%1 %2").arg(
        kind_->currentText(), QDateTime::currentDateTime().toString(QStringLiteral("HH:mm")));
    session().set_teacher(teacher_->text().toStdString());
    const std::string problem = session().start_recording(kind, name.toStdString(), band());
    message_->setText(problem.empty()
                          ? QStringLiteral("Recording the expert's %1: press Stop when done.")
                                .arg(kind_->currentText().toLower())
                          : q(problem));
    update_buttons();
}

void TrainingPage::finish_recording() {
    const std::string problem = session().finish_recording();
    message_->setText(problem.empty() && session().message().empty()
                          ? QStringLiteral("Template recorded. Start the student's attempt.")
                          : q(problem.empty() ? session().message() : problem));
    show_session();
}

void TrainingPage::set_template(const MotionTemplate& expert) {
    session().use_template(expert, band());
    show_session();
}

bool TrainingPage::start_attempt() {
    if (!student_->text().trimmed().isEmpty() && session().student().empty())
        set_student(student_->text());
    const std::string problem = session().start_attempt();
    if (!problem.empty()) {
        message_->setText(q(problem));
        return false;
    }
    attempt_drawn_ = 0;
    plot_->clear_attempt();
    show_session();
    return true;
}

void TrainingPage::finish_attempt() {
    session().finish_attempt();
    show_session();
}

void TrainingPage::feed(const std::vector<algocore::Sample>& samples) {
    if (samples.empty()) return;
    const algocore::Sample& latest = samples.back();
    const auto& attempt = session().attempt_samples();
    // Every sample of the attempt, the frame that ended it included (the session ended it
    // before this frame is drawn); start_attempt() clears the plot for the next one.
    for (; attempt_drawn_ < attempt.size(); ++attempt_drawn_) {
        const auto& s = attempt[attempt_drawn_];
        plot_->append_attempt({s.t_s - attempt.front().t_s, s.pressure_kpa},
                              (s.flags & algocore::kGapBefore) != 0);
    }
    // The readout says as much as the feedback level allows: in "band only" the state
    // word and colour, not the number.
    const auto plan = session().plan();
    const auto b = band();
    const BandStyle style = b ? band_style(b->classify(latest.pressure_kpa)) : no_signal_style();
    if (session().phase() == Phase::Attempt && !plan.show_readout)
        readout_->show_reading(QString(), QString(), style);
    else
        readout_->show_reading(unit_.format(latest.pressure_kpa), unit_.symbol, style);
    if (session().phase() == Phase::Recording && !session().recording().empty()) {
        template_info_->setText(
            QStringLiteral("Recording the expert: %1 s")
                .arg(latest.t_s - session().recording().front().t_s, 0, 'f', 1));
    }
    if (demo_) run_demo(latest);
    // An attempt ends by itself at the template's length: the page hears it here.
    if (session().phase() != shown_phase_ || session().attempt_number() != shown_attempt_)
        show_session();
    plot_->update();
}

void TrainingPage::run_demo(const algocore::Sample& latest) {
    constexpr double kDemoTemplateS = 10.0;
    // The expert's hold is taken once the pressure is in the band, so the exercise is the
    // hold itself (the simulator's sustained-hold scenario ramps once, then holds 90 s).
    const auto b = band();
    if (session().phase() == Phase::Idle && !session().expert() && b &&
        latest.pressure_kpa >= b->low_kpa) {
        start_recording();
    } else if (session().phase() == Phase::Recording && !session().recording().empty() &&
               latest.t_s - session().recording().front().t_s >= kDemoTemplateS) {
        finish_recording();
    } else if (session().phase() == Phase::Idle && session().expert()) {
        start_attempt();
    }
}

// What the student sees now: during an attempt the schedule's plan; otherwise everything
// (the teacher is setting up, or the score is being discussed).
void TrainingPage::apply_feedback() {
    const auto plan = session().plan();
    feedback_->setText(QStringLiteral("Attempt %1: %2")
                           .arg(session().attempt_number())
                           .arg(level_words(session().level())));
    const bool attempt = session().phase() == Phase::Attempt;
    readout_->setVisible(!attempt || plan.show_readout || plan.show_band);
    if (attempt && plan.blind()) {
        plot_->set_visibility(false, false, false, QStringLiteral("Blind attempt: display hidden"));
    } else if (attempt) {
        plot_->set_visibility(plan.show_template, plan.show_band, plan.show_readout);
    } else if (session().last_score() && !session().visible_score()) {
        plot_->set_visibility(true, true, false,
                              QStringLiteral("Retention attempt: result not shown"));
    } else {
        plot_->set_visibility(true, true, true);
    }
}

void TrainingPage::show_session() {
    shown_phase_ = session().phase();
    shown_attempt_ = session().attempt_number();
    const auto& expert = session().expert();
    plot_->set_template(expert);
    template_info_->setText(
        expert ? QStringLiteral("Template \"%1\": %2, %3 s%4")
                     .arg(q(expert->name()), QString::fromLatin1(to_string(expert->kind())))
                     .arg(expert->duration_s(), 0, 'f', 1)
                     .arg(session().template_id() ? QString() : QStringLiteral(" (not stored)"))
               : QStringLiteral("No template yet"));
    {
        const QSignalBlocker quiet(stored_);
        const auto chosen = session().template_id();
        stored_->clear();
        for (const auto& t : session().templates()) {
            stored_->addItem(
                QStringLiteral("%1 (%2 s)").arg(q(t.name)).arg(t.duration_s, 0, 'f', 0),
                static_cast<qlonglong>(t.id));
            if (chosen && *chosen == t.id) stored_->setCurrentIndex(stored_->count() - 1);
        }
    }
    // The score shown follows the schedule: nothing during a blind attempt, nothing ever
    // for retention, the last attempt's otherwise.
    if (const auto visible = session().visible_score())
        scores_->show_score(*visible, unit_, session().attempt_number() - 1);
    else if (session().last_score())
        scores_->show_hidden();
    else
        scores_->clear();
    if (session().phase() == Phase::Attempt && session().visible_score())
        scores_->set_note(QStringLiteral("Previous attempt."));
    if (!session().message().empty())
        message_->setText(q(session().message()));
    else if (session().waiting_for_contact())
        message_->setText(QStringLiteral("Attempt ready: it begins when the probe touches the "
                                         "skin and lasts %1 s, as the expert's did.")
                              .arg(session().expert()->duration_s(), 0, 'f', 0));
    else if (session().phase() == Phase::Attempt)
        message_->setText(QStringLiteral("Attempt running: it ends %1 s after first contact.")
                              .arg(session().expert()->duration_s(), 0, 'f', 0));
    else if (session().phase() == Phase::Idle && session().last_score())
        message_->setText(
            QStringLiteral("Attempt scored. Next: %1.").arg(level_words(session().level())));
    progress_->set_scores(session().shown_progress());
    apply_feedback();
    update_buttons();
}

void TrainingPage::update_buttons() {
    const Phase phase = session().phase();
    record_->setText(phase == Phase::Recording ? QStringLiteral("Stop recording")
                                               : QStringLiteral("Record expert template"));
    record_->setEnabled(phase != Phase::Attempt);
    attempt_->setText(phase == Phase::Attempt ? QStringLiteral("Finish attempt")
                                              : QStringLiteral("Start attempt"));
    attempt_->setEnabled(phase == Phase::Attempt || (phase == Phase::Idle && session().expert()));
}

} // namespace algogui
