#pragma once
// A class over the course: one line per student through the student's sessions (the first,
// the second, …), each point the session's mean of one measure (absolute error in kPa, or time
// in band in %). Drawn as the Training page's ProgressChart is (its frame, fonts and axis
// steps); the selected student's line is drawn on top, thicker.
#include <QColor>
#include <QString>
#include <QWidget>
#include <vector>

#include "algocore/sharedstudy/ClassCourse.h"

namespace algogui::classview {

class ClassCourseChart : public QWidget {
    Q_OBJECT
public:
    enum class Measure { AbsoluteError, TimeInBand };

    /// One student's line: the session means in session order.
    struct Series {
        QString student;
        std::vector<double> session_means;
        QColor colour;
    };

    explicit ClassCourseChart(QWidget* parent = nullptr);

    void set_students(const std::vector<algocore::sharedstudy::StudentCourse>& students);
    void set_measure(Measure measure);
    Measure measure() const { return measure_; }
    /// The student drawn on top (empty: none).
    void set_selected(const QString& student);
    const std::vector<Series>& series() const { return series_; }

    /// The colour of the n-th student's line (the list beside the chart shows the same).
    static QColor colour_of(int n);
    /// The measure of one attempt.
    static double value_of(const algocore::sharedstudy::ClassAttempt& attempt, Measure measure);

    QSize sizeHint() const override { return {700, 360}; }
    QSize minimumSizeHint() const override { return {320, 200}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void rebuild();

    std::vector<algocore::sharedstudy::StudentCourse> students_;
    std::vector<Series> series_;
    Measure measure_ = Measure::AbsoluteError;
    QString selected_;
};

} // namespace algogui::classview
