#pragma once
// The Class page's "Over the course" view: every finished attempt of the class's students, read
// from the server (algocore::sharedstudy::read_class_course) on a worker thread so the page
// never waits for the network. A chart with one line per student over their sessions, the
// students as its legend, the selected student's attempts in the Training page's progress
// chart, and Export… writing class_progress.csv as `algoscope-cli class progress --csv` does.
#include <QString>
#include <QWidget>
#include <memory>
#include <vector>

#include "algocore/sharedstudy/ClassCourse.h"

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QThread;

namespace algogui {
class ProgressChart;
}

namespace algogui::classview {

class ClassCourseChart;

class ClassProgressView : public QWidget {
    Q_OBJECT
public:
    explicit ClassProgressView(QWidget* parent = nullptr);
    /// Waits for a read under way (it ends within the connection's timeout).
    ~ClassProgressView() override;

    /// Reads the class's course from the server on a worker thread; the view shows it when it
    /// arrives (a later call's answer replaces an earlier one's).
    void load(const QString& server, const QString& class_name);
    /// Writes class_progress.csv for the class shown; empty on success, else why not.
    QString export_to(const QString& path) const;
    /// "Export…": asks where, then export_to.
    void export_with_dialog();

    const std::vector<algocore::sharedstudy::ClassAttempt>& attempts() const { return attempts_; }
    /// How many answers were shown (for tests waiting on the worker).
    int answers() const { return answers_; }
    ClassCourseChart& chart() { return *chart_; }
    ProgressChart& student_chart() { return *student_chart_; }
    QListWidget& students() { return *students_; }
    QComboBox& measure_box() { return *measure_; }
    QPushButton& export_button() { return *export_; }
    QLabel& status_label() { return *status_; }
    /// Names the student whose every attempt the lower chart shows.
    QLabel& student_title() { return *student_title_; }

Q_SIGNALS:
    void loaded();
    /// The view's status line changed (reading, what was read, why not, an export): the Class
    /// page says it on its own status line.
    void statusChanged(const QString& text);

private:
    void start_read();
    void show_course(const QString& class_name, const algocore::sharedstudy::ClassCourseRead& read);
    void select_student(int row);
    void set_status(const QString& text);

    QComboBox* measure_;
    QPushButton* reload_;
    QPushButton* export_;
    QLabel* status_;
    ClassCourseChart* chart_;
    QListWidget* students_;
    ProgressChart* student_chart_;
    QLabel* student_title_;
    QThread* reader_ = nullptr;
    QString server_;
    QString class_name_;
    QString shown_class_;
    bool pending_ = false;
    std::vector<algocore::sharedstudy::ClassAttempt> attempts_;
    std::vector<algocore::sharedstudy::StudentCourse> by_student_;
    int answers_ = 0;
};

} // namespace algogui::classview
