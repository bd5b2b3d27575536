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
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include "algogui/BandStyle.h"
#include "algogui/PressureReadout.h"
#include "algogui/ScrollColumn.h"
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

} // namespace

TrainingPage::TrainingPage(algocore::session::Workbench& workbench, QWidget* parent)
    : QWidget(parent), workbench_(workbench), unit_(display_unit({})) {
    setObjectName(QStringLiteral("TrainingPage"));
    teacher_ = new QLineEdit(this);
    teacher_->setObjectName(QStringLiteral("TeacherName"));
    teacher_->setPlaceholderText(QStringLiteral("who records the template"));
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
    stored_ = new QComboBox(this);
    stored_->setObjectName(QStringLiteral("StoredTemplates"));
    stored_->setPlaceholderText(QStringLiteral("stored templates"));
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
    exercise_form->addRow(QStringLiteral("Teacher"), teacher_);
    exercise_form->addRow(QStringLiteral("Student"), student_);
    exercise_form->addRow(QStringLiteral("Template"), kind_);
    exercise_form->addRow(QStringLiteral("Band"), band_row);
    exercise_form->addRow(record_);
    exercise_form->addRow(QStringLiteral("Stored"), stored_);
    exercise_form->addRow(template_info_);
    auto* feedback_box = new QGroupBox(QStringLiteral("Feedback schedule"), this);
    auto* feedback_form = new QVBoxLayout(feedback_box);
    feedback_form->addWidget(schedule_);
    feedback_form->addWidget(per_stage_);
    feedback_form->addWidget(feedback_);
    // The exercise and the schedule scroll on a short screen; the attempt button stays.
    auto* settings = new QWidget(this);
    auto* left = new QVBoxLayout(settings);
    left->setContentsMargins(0, 0, 0, 0);
    left->addWidget(exercise);
    left->addWidget(feedback_box);
    left->addStretch(1);
    auto* left_column = new QVBoxLayout;
    left_column->setContentsMargins(0, 0, 0, 0);
    left_column->addWidget(scroll_column(settings), 1);
    left_column->addWidget(message_);
    left_column->addWidget(attempt_);
    auto* left_widget = new QWidget(this);
    left_widget->setLayout(left_column);
    // As wide as its fields need (the scroll bar included) and no wider.
    left_widget->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);

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
        if (session().phase() == algocore::session::TrainingSession::Phase::Recording)
            finish_recording();
        else
            start_recording();
    });
    connect(attempt_, &QPushButton::clicked, this, [this] {
        if (attempt_running())
            finish_attempt();
        else
            start_attempt();
    });
    connect(student_, &QLineEdit::editingFinished, this, [this] { set_student(student_->text()); });
    connect(teacher_, &QLineEdit::editingFinished, this,
            [this] { session().set_teacher(teacher_->text().toStdString()); });
    connect(stored_, &QComboBox::activated, this, [this](int index) {
        session().choose_template(stored_->itemData(index).toLongLong());
    });
    connect(schedule_, &QComboBox::activated, this, [this] { schedule_chosen(); });
    connect(per_stage_, &QSpinBox::valueChanged, this, [this] { schedule_chosen(); });
    for (QDoubleSpinBox* box : {low_, high_}) {
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] { plot_->set_band(band()); });
    }
    // Stored templates, a student's plan and scores arrive from the database.
    session().set_on_change([page = QPointer<TrainingPage>(this)] {
        if (page) page->show_session();
    });
    plot_->set_band(band());
    session().load_templates();
    update_buttons();
}

TrainingPage::~TrainingPage() {
    session().set_on_change({});
}

void TrainingPage::schedule_chosen() {
    const int n = per_stage_->value();
    per_stage_->setEnabled(schedule_->currentIndex() == kFaded);
    switch (schedule_->currentIndex()) {
    case kFaded: set_schedule(FeedbackSchedule::faded(n)); break;
    case kFull: set_schedule(FeedbackSchedule::constant(FeedbackLevel::Full)); break;
    case kBandOnly: set_schedule(FeedbackSchedule::constant(FeedbackLevel::BandOnly)); break;
    case kBlindSummary:
        set_schedule(FeedbackSchedule::constant(FeedbackLevel::SummaryAfter));
        break;
    default: set_schedule(FeedbackSchedule::constant(FeedbackLevel::None)); break;
    }
}

void TrainingPage::start_demo() {
    demo_ = true;
    student_->setText(QStringLiteral("demo student"));
    schedule_->setCurrentIndex(kFull);
    // Demo scores and templates are not stored: a screenshot must not write into anyone's
    // records (the demo runs on a scratch database anyway).
    session().set_storage(nullptr);
    set_student(student_->text());
    set_schedule(FeedbackSchedule::constant(FeedbackLevel::Full));
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

std::optional<algocore::protocols::PressureBand> TrainingPage::band() const {
    algocore::protocols::PressureBand b{low_->value(), high_->value()};
    if (!b.validate().ok()) return std::nullopt;
    return b;
}

void TrainingPage::set_band_kpa(double low_kpa, double high_kpa) {
    low_->setValue(low_kpa);
    high_->setValue(high_kpa);
}

void TrainingPage::set_unit(const DisplayUnit& unit) {
    unit_ = unit;
    plot_->set_unit(unit);
    progress_->set_unit(unit);
    show_session();
}

} // namespace algogui
