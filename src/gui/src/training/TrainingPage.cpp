#include "algogui/training/TrainingPage.h"

#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "algocore/storage/Storage.h"
#include "algogui/BandStyle.h"
#include "algogui/PressureReadout.h"
#include "algogui/Theme.h"
#include "algogui/training/AttemptPlot.h"
#include "algogui/training/ProgressChart.h"
#include "algogui/training/ScorePanel.h"

namespace algogui {

using algocore::protocols::FeedbackLevel;
using algocore::protocols::FeedbackSchedule;
using algocore::protocols::MotionTemplate;
using algocore::protocols::TemplateKind;
using algocore::protocols::TemplatePoint;

namespace {

// Schedules offered, in the picker's order.
enum ScheduleChoice { kFaded, kFull, kBandOnly, kBlindSummary, kRetention };

const char* storage_word(FeedbackLevel level) {
    switch (level) {
    case FeedbackLevel::Full: return "full";
    case FeedbackLevel::BandOnly: return "band";
    case FeedbackLevel::SummaryAfter: return "summary";
    case FeedbackLevel::None: return "none";
    }
    return "none";
}

QString level_words(FeedbackLevel level) {
    switch (level) {
    case FeedbackLevel::Full: return QStringLiteral("full feedback");
    case FeedbackLevel::BandOnly: return QStringLiteral("band only");
    case FeedbackLevel::SummaryAfter: return QStringLiteral("blind, score afterwards");
    case FeedbackLevel::None: return QStringLiteral("blind, no feedback (retention)");
    }
    return {};
}

} // namespace

TrainingPage::TrainingPage(QWidget* parent) : QWidget(parent), unit_(display_unit({})) {
    setObjectName(QStringLiteral("TrainingPage"));
    student_ = new QLineEdit(this);
    student_->setObjectName(QStringLiteral("StudentName"));
    student_->setPlaceholderText(QStringLiteral("student name"));
    kind_ = new QComboBox(this);
    kind_->addItem(QStringLiteral("Hold"), static_cast<int>(TemplateKind::Hold));
    kind_->addItem(QStringLiteral("Ramp"), static_cast<int>(TemplateKind::Ramp));
    low_ = new QDoubleSpinBox(this);
    high_ = new QDoubleSpinBox(this);
    for (QDoubleSpinBox* box : {low_, high_}) {
        box->setRange(0.0, 5000.0);
        box->setDecimals(0);
        box->setSingleStep(5.0);
        box->setSuffix(QStringLiteral(" kPa"));
    }
    low_->setValue(300.0);
    high_->setValue(400.0);
    auto* band_row = new QHBoxLayout;
    band_row->addWidget(low_);
    band_row->addWidget(new QLabel(QStringLiteral("to"), this));
    band_row->addWidget(high_);
    record_ = new QPushButton(QStringLiteral("Record expert template"), this);
    record_->setObjectName(QStringLiteral("RecordTemplate"));
    template_info_ = new QLabel(QStringLiteral("No template yet"), this);
    template_info_->setWordWrap(true);

    schedule_ = new QComboBox(this);
    schedule_->setObjectName(QStringLiteral("SchedulePicker"));
    schedule_->addItem(QStringLiteral("Faded: full → band → blind+score → none"));
    schedule_->addItem(QStringLiteral("Full feedback"));
    schedule_->addItem(QStringLiteral("Band only"));
    schedule_->addItem(QStringLiteral("Blind, score afterwards"));
    schedule_->addItem(QStringLiteral("Blind, no feedback (retention)"));
    per_stage_ = new QSpinBox(this);
    per_stage_->setRange(1, 20);
    per_stage_->setValue(3);
    per_stage_->setSuffix(QStringLiteral(" attempts per stage"));
    feedback_ = new QLabel(this);
    feedback_->setObjectName(QStringLiteral("FeedbackLevel"));
    feedback_->setWordWrap(true);
    QFont bold = feedback_->font();
    bold.setBold(true);
    feedback_->setFont(bold);

    attempt_ = new QPushButton(QStringLiteral("Start attempt"), this);
    attempt_->setObjectName(QStringLiteral("StartAttempt"));
    attempt_->setMinimumHeight(48);
    QFont big = attempt_->font();
    big.setPixelSize(20);
    big.setBold(true);
    attempt_->setFont(big);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("TrainingMessage"));
    message_->setWordWrap(true);

    auto* exercise = new QGroupBox(QStringLiteral("Exercise"), this);
    auto* exercise_form = new QFormLayout(exercise);
    exercise_form->addRow(QStringLiteral("Student"), student_);
    exercise_form->addRow(QStringLiteral("Template"), kind_);
    exercise_form->addRow(QStringLiteral("Band"), band_row);
    exercise_form->addRow(record_);
    exercise_form->addRow(template_info_);
    auto* feedback_box = new QGroupBox(QStringLiteral("Feedback schedule"), this);
    auto* feedback_form = new QVBoxLayout(feedback_box);
    feedback_form->addWidget(schedule_);
    feedback_form->addWidget(per_stage_);
    feedback_form->addWidget(feedback_);
    auto* left = new QVBoxLayout;
    left->setContentsMargins(0, 0, 0, 0);
    left->addWidget(exercise);
    left->addWidget(feedback_box);
    left->addStretch(1);
    left->addWidget(message_);
    left->addWidget(attempt_);
    auto* left_widget = new QWidget(this);
    left_widget->setLayout(left);
    left_widget->setFixedWidth(370);

    readout_ = new PressureReadout(this);
    readout_->setMinimumSize(260, 150);
    readout_->setMaximumWidth(340);
    scores_ = new ScorePanel(this);
    auto* top = new QHBoxLayout;
    top->addWidget(readout_);
    top->addWidget(scores_, 1);

    plot_ = new AttemptPlot(this);
    progress_ = new ProgressChart(this);
    auto* right = new QVBoxLayout;
    right->addLayout(top);
    right->addWidget(plot_, 3);
    right->addWidget(progress_, 2);

    auto* root = new QHBoxLayout(this);
    root->addWidget(left_widget);
    root->addLayout(right, 1);

    connect(record_, &QPushButton::clicked, this, [this] {
        if (phase_ == Phase::Recording)
            finish_recording();
        else
            start_recording();
    });
    connect(attempt_, &QPushButton::clicked, this, [this] {
        if (phase_ == Phase::Attempt)
            finish_attempt();
        else
            start_attempt();
    });
    connect(student_, &QLineEdit::editingFinished, this, [this] { reload_progress(); });
    const auto schedule_changed = [this] {
        const int n = per_stage_->value();
        switch (schedule_->currentIndex()) {
        case kFaded: set_schedule(FeedbackSchedule::faded(n)); break;
        case kFull: set_schedule(FeedbackSchedule::constant(FeedbackLevel::Full)); break;
        case kBandOnly: set_schedule(FeedbackSchedule::constant(FeedbackLevel::BandOnly)); break;
        case kBlindSummary:
            set_schedule(FeedbackSchedule::constant(FeedbackLevel::SummaryAfter));
            break;
        default: set_schedule(FeedbackSchedule::constant(FeedbackLevel::None)); break;
        }
    };
    connect(schedule_, &QComboBox::activated, this, schedule_changed);
    connect(per_stage_, &QSpinBox::valueChanged, this, schedule_changed);
    for (QDoubleSpinBox* box : {low_, high_}) {
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] { plot_->set_band(band()); });
    }

    recording_.reserve(4096);
    attempt_samples_.reserve(4096);
    plot_->set_band(band());
    set_schedule(FeedbackSchedule::faded(per_stage_->value()));
    update_buttons();
}

void TrainingPage::set_storage(algocore::storage::Storage* storage) {
    book_.set_storage(storage);
    reload_progress();
}

void TrainingPage::set_storage_source(std::function<algocore::storage::Storage*()> source) {
    storage_source_ = std::move(source);
}

bool TrainingPage::ensure_storage() {
    if (!book_.storage() && storage_source_) {
        if (auto* storage = storage_source_()) set_storage(storage);
    }
    return book_.storage() != nullptr;
}

void TrainingPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    ensure_storage();
}

void TrainingPage::start_demo() {
    demo_ = true;
    student_->setText(QStringLiteral("demo student"));
    schedule_->setCurrentIndex(kFull);
    set_schedule(FeedbackSchedule::constant(FeedbackLevel::Full));
    // Demo scores are not stored: a screenshot must not write into anyone's records.
    book_.set_storage(nullptr);
    storage_source_ = nullptr;
}

void TrainingPage::run_demo(const algocore::Sample& latest) {
    constexpr double kDemoTemplateS = 10.0;
    // The expert's hold is taken once the pressure is in the band, so the exercise is the
    // hold itself (the simulator's sustained-hold scenario ramps once, then holds 90 s).
    const auto b = band();
    if (phase_ == Phase::Idle && !expert_ && b && latest.pressure_kpa >= b->low_kpa) {
        start_recording();
    } else if (phase_ == Phase::Recording && !recording_.empty() &&
               latest.t_s - recording_.front().t_s >= kDemoTemplateS) {
        finish_recording();
    } else if (phase_ == Phase::Idle && expert_) {
        start_attempt();
    }
}

void TrainingPage::set_unit(const DisplayUnit& unit) {
    unit_ = unit;
    plot_->set_unit(unit);
    progress_->set_unit(unit);
    if (last_score_ && scores_->showing_numbers())
        scores_->show_score(*last_score_, unit, attempt_number_ - 1);
}

void TrainingPage::set_student(const QString& name) {
    student_->setText(name);
    reload_progress();
}

void TrainingPage::set_band_kpa(double low_kpa, double high_kpa) {
    low_->setValue(low_kpa);
    high_->setValue(high_kpa);
}

std::optional<algocore::protocols::PressureBand> TrainingPage::band() const {
    algocore::protocols::PressureBand b{low_->value(), high_->value()};
    if (!b.validate().ok()) return std::nullopt;
    return b;
}

void TrainingPage::set_schedule(const FeedbackSchedule& schedule) {
    schedule_plan_ = schedule;
    attempt_number_ = 1;
    per_stage_->setEnabled(schedule_->currentIndex() == kFaded);
    apply_feedback();
}

FeedbackLevel TrainingPage::current_level() const {
    return schedule_plan_.level_for_attempt(attempt_number_);
}

QString TrainingPage::feedback_text() const {
    return feedback_->text();
}
QString TrainingPage::message_text() const {
    return message_->text();
}

QString TrainingPage::score_text(const QString& key) const {
    return scores_->text(key);
}

// What the student sees now: during an attempt the schedule's plan; otherwise everything
// (the teacher is setting up, or the score is being discussed).
void TrainingPage::apply_feedback() {
    const auto plan = algocore::protocols::plan_for(current_level());
    feedback_->setText(
        QStringLiteral("Attempt %1: %2").arg(attempt_number_).arg(level_words(current_level())));
    const bool attempt = phase_ == Phase::Attempt;
    const bool readout = !attempt || plan.show_readout || plan.show_band;
    readout_->setVisible(readout);
    if (attempt && plan.blind()) {
        plot_->set_visibility(false, false, false, QStringLiteral("Blind attempt: display hidden"));
    } else if (attempt) {
        plot_->set_visibility(plan.show_template, plan.show_band, plan.show_readout);
    } else {
        plot_->set_visibility(true, true, true);
    }
}

void TrainingPage::feed(const std::vector<algocore::Sample>& samples) {
    if (samples.empty()) return;
    const algocore::Sample& latest = samples.back();
    for (const algocore::Sample& sample : samples) {
        if (phase_ == Phase::Recording) recording_.push_back(sample);
        if (phase_ == Phase::Attempt) {
            attempt_samples_.push_back(sample);
            plot_->append_attempt({sample.t_s - attempt_samples_.front().t_s, sample.pressure_kpa});
        }
    }
    // The readout says as much as the feedback level allows: in "band only" the state
    // word and colour, not the number.
    const auto plan = algocore::protocols::plan_for(current_level());
    const auto b = band();
    const BandStyle style = b ? band_style(b->classify(latest.pressure_kpa)) : no_signal_style();
    if (phase_ == Phase::Attempt && !plan.show_readout) {
        readout_->show_reading(QString(), QString(), style);
    } else {
        readout_->show_reading(unit_.format(latest.pressure_kpa), unit_.symbol, style);
    }
    if (phase_ == Phase::Recording && !recording_.empty()) {
        template_info_->setText(QStringLiteral("Recording the expert: %1 s")
                                    .arg(latest.t_s - recording_.front().t_s, 0, 'f', 1));
    }
    if (phase_ == Phase::Attempt && expert_ && !attempt_samples_.empty() &&
        latest.t_s - attempt_samples_.front().t_s >= expert_->duration_s()) {
        finish_attempt();
    }
    if (demo_) run_demo(latest);
    plot_->update();
}

void TrainingPage::start_recording() {
    if (phase_ != Phase::Idle) return;
    recording_.clear();
    phase_ = Phase::Recording;
    message_->setText(QStringLiteral("Recording the expert's %1: press Stop when done.")
                          .arg(kind_->currentText().toLower()));
    update_buttons();
}

void TrainingPage::finish_recording() {
    if (phase_ != Phase::Recording) return;
    phase_ = Phase::Idle;
    const auto kind = static_cast<TemplateKind>(kind_->currentData().toInt());
    const QString name = QStringLiteral("%1 %2").arg(
        kind_->currentText(), QDateTime::currentDateTime().toString(QStringLiteral("HH:mm")));
    MotionTemplate recorded = MotionTemplate::from_trace(kind, name.toStdString(), recording_);
    if (const auto check = recorded.validate(); !check.ok() || recorded.duration_s() < 1.0) {
        message_->setText(QStringLiteral("Template not kept: %1")
                              .arg(check.ok() ? QStringLiteral("shorter than 1 s")
                                              : QString::fromStdString(check.reason)));
        update_buttons();
        return;
    }
    set_template(recorded);
    message_->setText(QStringLiteral("Template recorded. Start the student's attempt."));
}

void TrainingPage::set_template(const MotionTemplate& expert) {
    expert_ = expert;
    plot_->set_template(expert_);
    plot_->clear_attempt();
    template_info_->setText(QStringLiteral("Template \"%1\": %2, %3 s")
                                .arg(QString::fromStdString(expert.name()),
                                     QString::fromLatin1(to_string(expert.kind())))
                                .arg(expert.duration_s(), 0, 'f', 1));
    update_buttons();
}

bool TrainingPage::start_attempt() {
    if (phase_ != Phase::Idle) return false;
    if (!expert_) {
        message_->setText(QStringLiteral("Record the expert's template first."));
        return false;
    }
    if (student_->text().trimmed().isEmpty()) {
        message_->setText(QStringLiteral("Enter the student's name first."));
        return false;
    }
    attempt_samples_.clear();
    plot_->clear_attempt();
    phase_ = Phase::Attempt;
    // The previous score stays up (knowledge of results before the next try) unless this
    // attempt's level withholds scores.
    if (!algocore::protocols::plan_for(current_level()).show_score_after || !last_score_) {
        scores_->clear();
    } else {
        scores_->set_note(QStringLiteral("Previous attempt (%1 samples compared).")
                              .arg(last_score_->samples_compared));
    }
    message_->setText(QStringLiteral("Attempt running: it ends after %1 s.")
                          .arg(expert_->duration_s(), 0, 'f', 0));
    apply_feedback();
    update_buttons();
    return true;
}

void TrainingPage::finish_attempt() {
    if (phase_ != Phase::Attempt) return;
    phase_ = Phase::Idle;
    const auto plan = algocore::protocols::plan_for(current_level());
    if (attempt_samples_.size() < 2) {
        message_->setText(QStringLiteral("Attempt too short to score: no samples arrived."));
    } else {
        const auto score = algocore::protocols::score_attempt(*expert_, attempt_samples_, band());
        last_score_ = score;
        if (plan.show_score_after)
            scores_->show_score(score, unit_, attempt_number_);
        else
            scores_->show_hidden();
        store_score(score);
        ++attempt_number_;
        message_->setText(
            QStringLiteral("Attempt scored. Next: %1.").arg(level_words(current_level())));
    }
    // The attempt stays drawn against the ghost only when the student may see it.
    apply_feedback();
    if (!plan.show_score_after) {
        plot_->set_visibility(true, true, false,
                              QStringLiteral("Retention attempt: result not shown"));
    }
    update_buttons();
}

void TrainingPage::store_score(const algocore::protocols::AttemptScore& score) {
    algocore::storage::TrainingScore record;
    record.exercise = expert_->name();
    record.feedback = storage_word(current_level());
    record.blind = algocore::protocols::plan_for(current_level()).blind();
    record.attempted_utc = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    record.constant_error_kpa = score.constant_error_kpa;
    record.absolute_error_kpa = score.absolute_error_kpa;
    record.variable_error_kpa = score.variable_error_kpa;
    record.time_in_band_pct = score.time_in_band_pct;
    ensure_storage();
    // Training sessions belong to the practice subject; the student is the operator.
    const SessionTarget target =
        book_.session_for(QStringLiteral("practice"), student_->text(), QStringLiteral("student"));
    if (!target.ok()) {
        unsaved_scores_.push_back(record);
        progress_->set_scores(unsaved_scores_);
        scores_->set_note(QStringLiteral("Not stored: %1.").arg(target.error));
        return;
    }
    record.session_id = target.session_id;
    record.student_id = target.operator_id;
    book_.storage()->record_training_score(record);
    reload_progress();
}

void TrainingPage::reload_progress() {
    auto* storage = book_.storage();
    const QString name = student_->text().trimmed();
    if (!storage || name.isEmpty()) {
        progress_->set_scores(unsaved_scores_);
        return;
    }
    const auto student = storage->find_operator(name.toStdString());
    progress_->set_scores(student ? storage->student_scores(student->id)
                                  : std::vector<algocore::storage::TrainingScore>{});
}

void TrainingPage::update_buttons() {
    record_->setText(phase_ == Phase::Recording ? QStringLiteral("Stop recording")
                                                : QStringLiteral("Record expert template"));
    record_->setEnabled(phase_ != Phase::Attempt);
    attempt_->setText(phase_ == Phase::Attempt ? QStringLiteral("Finish attempt")
                                               : QStringLiteral("Start attempt"));
    attempt_->setEnabled(phase_ == Phase::Attempt || (phase_ == Phase::Idle && expert_));
}

} // namespace algogui
