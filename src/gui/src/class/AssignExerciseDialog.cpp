#include "algogui/class/AssignExerciseDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "algocore/protocols/FeedbackSchedule.h"

namespace algogui::classview {

using algocore::protocols::FeedbackLevel;
using algocore::protocols::FeedbackSchedule;

namespace {
// The feedback choices: the faded schedule first, then each level for every attempt, named by
// the words `class assign --stage` takes.
constexpr int kFaded = 0;
constexpr FeedbackLevel kLevels[] = {FeedbackLevel::Full, FeedbackLevel::BandOnly,
                                     FeedbackLevel::SummaryAfter, FeedbackLevel::None};
} // namespace

AssignExerciseDialog::AssignExerciseDialog(const std::string& db, const QString& server,
                                           const QString& class_name, const QString& station,
                                           QWidget* parent)
    : QDialog(parent), db_(db), server_(server), class_name_(class_name), station_(station) {
    setObjectName(QStringLiteral("AssignExerciseDialog"));
    setWindowTitle(tr("Assign exercise to class %1").arg(class_name));
    templates_ = new QComboBox(this);
    templates_->setObjectName(QStringLiteral("AssignTemplate"));
    const auto stored = algocore::sharedstudy::stored_templates(db);
    for (const auto& t : stored.templates)
        templates_->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(t.name)).arg(t.id),
                            QVariant::fromValue<qlonglong>(t.id));
    feedback_ = new QComboBox(this);
    feedback_->setObjectName(QStringLiteral("AssignFeedback"));
    feedback_->addItem(tr("faded (full → band → blind+score → none)"));
    for (FeedbackLevel level : kLevels)
        feedback_->addItem(tr("%1 on every attempt").arg(QString::fromLatin1(to_string(level))));
    per_stage_ = new QSpinBox(this);
    per_stage_->setRange(1, 100);
    per_stage_->setValue(3);
    per_stage_->setSuffix(tr(" attempts per stage"));
    result_ = new QLabel(this);
    result_->setObjectName(QStringLiteral("AssignResult"));
    result_->setWordWrap(true);
    if (!stored.error.empty())
        result_->setText(QString::fromStdString(stored.error));
    else if (stored.templates.empty())
        result_->setText(tr("No templates in this database: record one on the Training page."));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    assign_ = buttons->addButton(tr("Assign"), QDialogButtonBox::AcceptRole);
    assign_->setObjectName(QStringLiteral("AssignButton"));
    assign_->setEnabled(!stored.templates.empty());
    auto* form = new QFormLayout;
    form->addRow(tr("Template"), templates_);
    form->addRow(tr("Feedback"), feedback_);
    form->addRow(QString(), per_stage_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(result_);
    layout->addWidget(buttons);
    connect(feedback_, &QComboBox::currentIndexChanged, this,
            [this](int index) { per_stage_->setEnabled(index == kFaded); });
    connect(assign_, &QPushButton::clicked, this, &AssignExerciseDialog::assign);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

AssignExerciseDialog::~AssignExerciseDialog() {
    if (!worker_) return;
    // Never wait here for a server that does not answer: the hand-out owns what it uses, so it
    // is left to finish on its own and its thread deletes itself then.
    worker_->disconnect(this);
    connect(worker_, &QThread::finished, worker_, &QObject::deleteLater);
    if (worker_->isFinished()) worker_->deleteLater(); // it may have ended before the connect
}

void AssignExerciseDialog::assign() {
    if (worker_ || templates_->currentIndex() < 0) return;
    const int choice = feedback_->currentIndex();
    const FeedbackSchedule schedule = choice == kFaded
                                          ? FeedbackSchedule::faded(per_stage_->value())
                                          : FeedbackSchedule::constant(kLevels[choice - 1]);
    const std::int64_t template_id = templates_->currentData().toLongLong();
    handed_ = std::make_shared<algocore::sharedstudy::ExerciseHandedOut>();
    assign_->setEnabled(false);
    result_->setText(tr("Assigning…"));
    worker_ = QThread::create([handed = handed_, db = db_, server = server_.toStdString(),
                               name = class_name_.toStdString(), template_id,
                               json = schedule.to_json(), station = station_.toStdString()] {
        *handed =
            algocore::sharedstudy::hand_out_exercise(db, server, name, template_id, json, station);
    });
    connect(worker_, &QThread::finished, this, &AssignExerciseDialog::show_result);
    worker_->start();
}

void AssignExerciseDialog::show_result() {
    worker_->deleteLater();
    worker_ = nullptr;
    assign_->setEnabled(true);
    assigned_ = handed_->ok();
    if (!handed_->refused.empty())
        result_->setText(QString::fromStdString(handed_->refused));
    else if (handed_->error)
        result_->setText(QString::fromStdString(handed_->error.message));
    else
        result_->setText(tr("Class %1: exercise '%2' assigned")
                             .arg(class_name_, QString::fromStdString(handed_->chosen.name)));
}

} // namespace algogui::classview
