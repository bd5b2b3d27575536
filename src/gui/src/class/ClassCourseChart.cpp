#include "algogui/class/ClassCourseChart.h"

#include <QPainter>
#include <algorithm>
#include <array>
#include <cmath>

#include "algogui/Theme.h"
#include "algogui/training/ChartFrame.h"
#include "algogui/training/NiceStep.h"

namespace algogui::classview {

namespace {
// The Training page's progress chart's frame, without its right axis.
using chart_frame::kBottom;
using chart_frame::kLeft;
using chart_frame::kTop;
constexpr int kRight = 24;
} // namespace

ClassCourseChart::ClassCourseChart(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("ClassCourseChart"));
    chart_frame::use_chart_background(*this);
}

QColor ClassCourseChart::colour_of(int n) {
    // Twelve colours apart from each other on white; a larger class repeats them.
    static const std::array<QColor, 12> colours{
        QColor(0x1f, 0x4e, 0xa8), QColor(0xb0, 0x3a, 0x00), QColor(0x17, 0x6b, 0x2c),
        QColor(0x8e, 0x24, 0xaa), QColor(0x00, 0x79, 0x8a), QColor(0xa8, 0x00, 0x4a),
        QColor(0x5d, 0x40, 0x37), QColor(0x45, 0x5a, 0x64), QColor(0x82, 0x77, 0x17),
        QColor(0x28, 0x35, 0x93), QColor(0xd8, 0x43, 0x15), QColor(0x2e, 0x7d, 0x32)};
    return colours[static_cast<std::size_t>(n) % colours.size()];
}

double ClassCourseChart::value_of(const algocore::sharedstudy::ClassAttempt& attempt,
                                  Measure measure) {
    return measure == Measure::AbsoluteError ? attempt.score.absolute_error_kpa
                                             : attempt.score.time_in_band_pct;
}

void ClassCourseChart::set_students(
    const std::vector<algocore::sharedstudy::StudentCourse>& students) {
    students_ = students;
    rebuild();
}

void ClassCourseChart::set_measure(Measure measure) {
    measure_ = measure;
    rebuild();
}

void ClassCourseChart::set_selected(const QString& student) {
    selected_ = student;
    update();
}

void ClassCourseChart::rebuild() {
    series_.clear();
    int n = 0;
    for (const auto& student : students_) {
        Series s{QString::fromStdString(student.student), {}, colour_of(n++)};
        double sum = 0.0;
        int count = 0;
        for (std::size_t i = 0; i < student.attempts.size(); ++i) {
            sum += value_of(student.attempts[i], measure_);
            ++count;
            const bool last_of_session =
                i + 1 == student.attempts.size() ||
                student.attempts[i + 1].session_uuid != student.attempts[i].session_uuid;
            if (last_of_session) {
                s.session_means.push_back(sum / count);
                sum = 0.0;
                count = 0;
            }
        }
        series_.push_back(std::move(s));
    }
    update();
}

void ClassCourseChart::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font = painter.font();
    // The Training page's 14 px on a laptop, larger on a projector.
    font.setPixelSize(std::clamp(height() / 26, 14, 20));
    painter.setFont(font);
    const bool error = measure_ == Measure::AbsoluteError;
    const QString title = error ? tr("Absolute error per session (kPa, mean of its attempts)")
                                : tr("Time in band per session (%, mean of its attempts)");
    const QFontMetricsF metrics(font);
    const QRectF title_box(8, 4, width() - 16, 2 * metrics.lineSpacing());
    const bool two_lines = metrics.horizontalAdvance(title) > title_box.width();
    const double area_top =
        std::max<double>(kTop, 12.0 + metrics.lineSpacing() * (two_lines ? 2.0 : 1.0));
    const double below = kBottom + metrics.height() - 14.0;
    const QRectF area(kLeft, area_top, width() - kLeft - kRight, height() - area_top - below);
    painter.setPen(theme::kText);
    painter.drawText(title_box, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, title);

    std::size_t sessions = 0;
    double top = error ? 1.0 : 100.0;
    for (const auto& s : series_) {
        sessions = std::max(sessions, s.session_means.size());
        if (error)
            for (double v : s.session_means)
                top = std::max(top, v);
    }
    if (sessions == 0) {
        painter.setPen(theme::kMutedText);
        painter.drawText(area, Qt::AlignCenter, tr("No finished attempts in this class yet"));
        return;
    }
    const double step = error ? nice_step(top, 4) : 25.0;
    if (error) top = std::ceil(top * 1.05 / step) * step;
    const QRectF points = area.adjusted(24, 0, -24, 0);
    const auto x_of = [&](std::size_t i) {
        return sessions == 1 ? points.center().x()
                             : points.left() + points.width() * static_cast<double>(i) /
                                                   static_cast<double>(sessions - 1);
    };
    const auto y_of = [&](double v) { return area.bottom() - area.height() * v / top; };

    painter.setPen(QPen(theme::kGrid, 1));
    painter.drawRect(area);
    for (double v = step; v < top - 1e-9; v += step)
        painter.drawLine(QPointF(area.left(), y_of(v)), QPointF(area.right(), y_of(v)));
    painter.setPen(theme::kMutedText);
    for (double v = 0.0; v <= top + 1e-9; v += step)
        painter.drawText(QRectF(0, y_of(v) - metrics.height() / 2, kLeft - 6, metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter,
                         error ? QString::number(v, 'f', step < 1.0 ? 1 : 0)
                               : QStringLiteral("%1 %").arg(v, 0, 'f', 0));
    // Session numbers under the points, fewer when they would crowd.
    const double label_w = metrics.horizontalAdvance(QStringLiteral("session 00")) + 8;
    const std::size_t every = std::max<std::size_t>(
        1, static_cast<std::size_t>(std::ceil(
               label_w / std::max(1.0, points.width() / std::max<std::size_t>(1, sessions)))));
    for (std::size_t i = 0; i < sessions; i += every) {
        const QString label =
            i == 0 ? tr("session %1").arg(i + 1) : QString::number(static_cast<int>(i + 1));
        painter.drawText(
            QRectF(x_of(i) - label_w / 2, area.bottom() + 4, label_w, metrics.height()),
            Qt::AlignHCenter | Qt::AlignTop, label);
    }

    const auto draw = [&](const Series& s, double width) {
        std::vector<QPointF> dots;
        for (std::size_t i = 0; i < s.session_means.size(); ++i)
            dots.emplace_back(x_of(i), y_of(s.session_means[i]));
        chart_frame::draw_series(painter, dots, QPen(s.colour, width), width + 1.0);
    };
    const Series* selected = nullptr;
    for (const auto& s : series_) {
        if (s.student == selected_)
            selected = &s;
        else
            draw(s, 2.5);
    }
    if (selected) draw(*selected, 4.0);
}

} // namespace algogui::classview
