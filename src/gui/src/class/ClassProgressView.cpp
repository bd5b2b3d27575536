#include "algogui/class/ClassProgressView.h"

#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QThread>
#include <QVBoxLayout>

#include "algocore/export/ClassCourseCsv.h"
#include "algogui/class/ClassCourseChart.h"
#include "algogui/training/ProgressChart.h"

namespace algogui::classview {

using algocore::sharedstudy::ClassAttempt;
using algocore::sharedstudy::ClassCourseRead;

namespace {

QIcon swatch(const QColor& colour) {
    QPixmap pixmap(24, 24);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour, 5));
    painter.drawLine(2, 12, 22, 12);
    return QIcon(pixmap);
}

// "1 session", "3 sessions".
QString counted(int n, const QString& one, const QString& many) {
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

// A student's attempts as the Training page's chart takes them: sessions numbered in order.
std::vector<algocore::records::TrainingScore>
scores_of(const algocore::sharedstudy::StudentCourse& student) {
    std::vector<algocore::records::TrainingScore> scores;
    algocore::records::RecordId session = 0;
    for (std::size_t i = 0; i < student.attempts.size(); ++i) {
        const ClassAttempt& a = student.attempts[i];
        if (i == 0 || a.session_uuid != student.attempts[i - 1].session_uuid) ++session;
        algocore::records::TrainingScore s;
        s.id = static_cast<algocore::records::RecordId>(i + 1);
        s.session_id = session;
        s.exercise = a.exercise;
        s.feedback = a.feedback;
        s.attempted_utc = a.attempted_utc;
        s.attempt = a.attempt;
        s.constant_error_kpa = a.score.constant_error_kpa;
        s.absolute_error_kpa = a.score.absolute_error_kpa;
        s.variable_error_kpa = a.score.variable_error_kpa;
        s.time_in_band_pct = a.score.time_in_band_pct;
        scores.push_back(s);
    }
    return scores;
}

} // namespace

ClassProgressView::ClassProgressView(QWidget* parent) : QWidget(parent) {
    measure_ = new QComboBox(this);
    measure_->addItem(tr("Absolute error"));
    measure_->addItem(tr("Time in band"));
    reload_ = new QPushButton(tr("Reload"), this);
    export_ = new QPushButton(tr("Export…"), this);
    export_->setEnabled(false);
    status_ = new QLabel(tr("Name the class and open this view to read its course."), this);
    status_->setWordWrap(true);
    chart_ = new ClassCourseChart(this);
    students_ = new QListWidget(this);
    students_->setIconSize(QSize(24, 24));
    student_chart_ = new ProgressChart(this);
    student_title_ = new QLabel(this);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Show"), this));
    controls->addWidget(measure_);
    controls->addWidget(status_, 1);
    controls->addStretch(); // the room, when the Class page says the status on its own line
    controls->addWidget(reload_);
    controls->addWidget(export_);

    auto* legend = new QVBoxLayout;
    legend->addWidget(new QLabel(tr("Students (pick one for every attempt)"), this));
    legend->addWidget(students_, 1);
    auto* top = new QHBoxLayout;
    top->addWidget(chart_, 3);
    top->addLayout(legend, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addLayout(top, 3);
    layout->addWidget(student_title_);
    layout->addWidget(student_chart_, 2);

    connect(measure_, &QComboBox::currentIndexChanged, this, [this](int index) {
        chart_->set_measure(index == 0 ? ClassCourseChart::Measure::AbsoluteError
                                       : ClassCourseChart::Measure::TimeInBand);
    });
    connect(reload_, &QPushButton::clicked, this, [this] { load(server_, class_name_); });
    connect(export_, &QPushButton::clicked, this, &ClassProgressView::export_with_dialog);
    connect(students_, &QListWidget::currentRowChanged, this, &ClassProgressView::select_student);
}

ClassProgressView::~ClassProgressView() {
    if (!reader_) return;
    reader_->wait();
    delete reader_;
}

void ClassProgressView::load(const QString& server, const QString& class_name) {
    server_ = server.trimmed();
    class_name_ = class_name.trimmed();
    if (server_.isEmpty() || class_name_.isEmpty()) {
        set_status(tr("Give the server and the class first."));
        return;
    }
    // One read at a time; a call while one runs reads again when it ends.
    if (reader_) {
        pending_ = true;
        return;
    }
    start_read();
}

void ClassProgressView::set_status(const QString& text) {
    status_->setText(text);
    Q_EMIT statusChanged(text);
}

void ClassProgressView::start_read() {
    set_status(tr("Reading the course of %1…").arg(class_name_));
    const std::string address = server_.toStdString();
    const QString class_name = class_name_;
    QPointer<ClassProgressView> self(this);
    reader_ = QThread::create([self, address, class_name] {
        auto read = std::make_shared<ClassCourseRead>(
            algocore::sharedstudy::read_class_course(address, class_name.toStdString()));
        QMetaObject::invokeMethod(
            qApp,
            [self, class_name, read] {
                if (self) self->show_course(class_name, *read);
            },
            Qt::QueuedConnection);
    });
    connect(reader_, &QThread::finished, this, [this] {
        reader_->deleteLater();
        reader_ = nullptr;
        if (pending_) {
            pending_ = false;
            start_read();
        }
    });
    reader_->start();
}

void ClassProgressView::show_course(const QString& class_name, const ClassCourseRead& read) {
    ++answers_;
    if (read.error) {
        set_status(QString::fromStdString(read.error.message));
        Q_EMIT loaded();
        return;
    }
    shown_class_ = class_name;
    attempts_ = read.attempts;
    by_student_ = algocore::sharedstudy::by_student(attempts_);
    chart_->set_students(by_student_);
    const QString previous =
        students_->currentItem() ? students_->currentItem()->data(Qt::UserRole).toString() : "";
    students_->blockSignals(true);
    students_->clear();
    int keep = 0;
    for (std::size_t i = 0; i < by_student_.size(); ++i) {
        const auto& s = by_student_[i];
        const QString name = QString::fromStdString(s.student);
        auto* item = new QListWidgetItem(
            swatch(ClassCourseChart::colour_of(static_cast<int>(i))),
            QStringLiteral("%1 — %2, %3")
                .arg(name, counted(s.sessions(), tr("session"), tr("sessions")),
                     counted(static_cast<int>(s.attempts.size()), tr("attempt"), tr("attempts"))),
            students_);
        item->setData(Qt::UserRole, name);
        if (name == previous) keep = static_cast<int>(i);
    }
    students_->blockSignals(false);
    students_->setCurrentRow(by_student_.empty() ? -1 : keep);
    select_student(students_->currentRow());
    set_status(
        tr("%1: %2 by %3")
            .arg(class_name,
                 counted(static_cast<int>(attempts_.size()), tr("finished attempt"),
                         tr("finished attempts")),
                 counted(static_cast<int>(by_student_.size()), tr("student"), tr("students"))));
    export_->setEnabled(true);
    Q_EMIT loaded();
}

void ClassProgressView::select_student(int row) {
    if (row < 0 || row >= static_cast<int>(by_student_.size())) {
        chart_->set_selected({});
        student_chart_->set_scores({});
        student_title_->clear();
        return;
    }
    const auto& student = by_student_[static_cast<std::size_t>(row)];
    chart_->set_selected(QString::fromStdString(student.student));
    student_chart_->set_scores(scores_of(student));
    student_title_->setText(tr("%1: every attempt (a dotted line where a session begins)")
                                .arg(QString::fromStdString(student.student)));
}

QString ClassProgressView::export_to(const QString& path) const {
    return QString::fromStdString(algocore::exporting::save_class_course_csv(
        path.toStdString(), shown_class_.toStdString(), attempts_));
}

void ClassProgressView::export_with_dialog() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the class's course"),
        QString::fromUtf8(algocore::exporting::kClassProgressCsv), tr("CSV (*.csv)"));
    if (path.isEmpty()) return;
    if (const QString failure = export_to(path); !failure.isEmpty())
        set_status(failure);
    else
        set_status(tr("Exported to %1").arg(path));
}

} // namespace algogui::classview
