#include "QtChartsPressurePlot.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QFontMetricsF>
#include <QLineSeries>
#include <QPaintEvent>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "PlotScale.h"
#include "algogui/Theme.h"

namespace algogui {
namespace {

// Reports each finished paint: the latency benchmark measures up to this moment.
class ObservedChartView final : public QChartView {
public:
    ObservedChartView(QChart* chart, QWidget* parent) : QChartView(chart, parent) {}
    PressurePlot::PaintObserver observer;
    std::uint64_t samples_shown = 0;

protected:
    void paintEvent(QPaintEvent* event) override {
        QChartView::paintEvent(event);
        if (observer) observer(samples_shown);
    }
};

// The window can be at most 60 s; guides span a little more so they never end on screen.
constexpr double kGuideSpanS = 61.0;
// More gaps than this in one window (a link flapping) join the oldest stretches into one
// line: a bound on the series the chart must lay out every frame.
constexpr std::size_t kMaxStretches = 32;

QScatterSeries* make_markers(QChart* chart, const QColor& colour,
                             QScatterSeries::MarkerShape shape) {
    auto* series = new QScatterSeries(chart);
    series->setMarkerShape(shape);
    series->setMarkerSize(16);
    series->setColor(colour);
    series->setBorderColor(Qt::black);
    chart->addSeries(series);
    return series;
}

} // namespace

QtChartsPressurePlot::QtChartsPressurePlot(QWidget* parent) : unit_(display_unit("kpa")) {
    chart_ = new QChart();
    chart_->legend()->hide();
    chart_->setBackgroundRoundness(0);
    chart_->setMargins(QMargins(4, 4, 4, 4));
    chart_->setAnimationOptions(QChart::NoAnimation);

    band_upper_ = new QLineSeries(chart_);
    band_lower_ = new QLineSeries(chart_);
    band_ = new QAreaSeries(band_upper_, band_lower_);
    band_->setColor(theme::kBandFill);
    band_->setBorderColor(theme::kInBand);
    chart_->addSeries(band_);

    corridor_upper_ = new QLineSeries(chart_);
    corridor_lower_ = new QLineSeries(chart_);
    for (QLineSeries* edge : {corridor_upper_, corridor_lower_}) {
        edge->setPen(QPen(theme::kCorridor, 2, Qt::DashLine));
        chart_->addSeries(edge);
    }

    limit_ = new QLineSeries(chart_);
    limit_->setPen(QPen(theme::kOverLimit, 3, Qt::DashLine));
    chart_->addSeries(limit_);

    stretch_series(0); // under the markers

    operator_marks_ =
        make_markers(chart_, theme::kOperatorMark, QScatterSeries::MarkerShapeRectangle);
    patient_marks_ = make_markers(chart_, theme::kPatientMark, QScatterSeries::MarkerShapeCircle);
    manual_marks_ = make_markers(chart_, theme::kManualMark, QScatterSeries::MarkerShapeRectangle);
    manual_marks_->setMarkerSize(12);

    QFont axis_font;
    axis_font.setPixelSize(16);
    x_axis_ = new QValueAxis(chart_);
    x_axis_->setTitleText(QStringLiteral("time (s)"));
    y_axis_ = new QValueAxis(chart_);
    for (QValueAxis* axis : {x_axis_, y_axis_}) {
        axis->setLabelsFont(axis_font);
        axis->setTitleFont(axis_font);
        axis->setGridLineColor(theme::kGrid);
        chart_->addAxis(axis, axis == x_axis_ ? Qt::AlignBottom : Qt::AlignLeft);
    }
    for (QAbstractSeries* series : chart_->series()) {
        series->attachAxis(x_axis_);
        series->attachAxis(y_axis_);
    }

    view_ = new ObservedChartView(chart_, parent);
    view_->setRenderHint(QPainter::Antialiasing, true);
    view_->setMinimumHeight(220);
    set_window_s(window_s_);
    set_unit(unit_);
}

QtChartsPressurePlot::~QtChartsPressurePlot() = default;

QWidget* QtChartsPressurePlot::widget() {
    return view_;
}

void QtChartsPressurePlot::set_unit(const DisplayUnit& unit) {
    unit_ = unit;
    y_axis_->setTitleText(QStringLiteral("pressure (%1)").arg(unit.symbol));
    y_axis_->setLabelFormat(unit.decimals > 0 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    y_max_shown_ = 0.0;
    rebuild_guides();
    update_y_range(0.0);
}

void QtChartsPressurePlot::set_window_s(double window_s) {
    window_s_ = std::clamp(window_s, 5.0, 60.0);
    x_axis_->setRange(-window_s_, 0.0);
    // Ticks on whole, round seconds counted back from "now".
    x_axis_->setTickType(QValueAxis::TicksDynamic);
    x_axis_->setTickAnchor(0.0);
    x_axis_->setTickInterval(plot_scale::time_tick_s(window_s_));
    x_axis_->setLabelFormat(QStringLiteral("%.0f"));
}

void QtChartsPressurePlot::set_guides(const PlotGuides& guides) {
    guides_ = guides;
    rebuild_guides();
    update_y_range(0.0);
}

void QtChartsPressurePlot::rebuild_guides() {
    QList<QPointF> upper;
    QList<QPointF> lower;
    if (guides_.band_valid) {
        const double hi = unit_.from_kpa(guides_.band_high_kpa);
        const double lo = unit_.from_kpa(guides_.band_low_kpa);
        upper = {{-kGuideSpanS, hi}, {0.0, hi}};
        lower = {{-kGuideSpanS, lo}, {0.0, lo}};
    }
    band_upper_->replace(upper);
    band_lower_->replace(lower);
    band_->setVisible(guides_.band_valid);

    QList<QPointF> limit;
    if (guides_.limit_kpa > 0) {
        const double top = unit_.from_kpa(guides_.limit_kpa);
        limit = {{-kGuideSpanS, top}, {0.0, top}};
    }
    limit_->replace(limit);
}

QLineSeries* QtChartsPressurePlot::stretch_series(std::size_t index) {
    while (stretches_.size() <= index) {
        auto* series = new QLineSeries(chart_);
        series->setPen(QPen(theme::kTrace, 2.5));
        chart_->addSeries(series);
        // The constructor attaches its first series with all the others.
        if (x_axis_) {
            series->attachAxis(x_axis_);
            series->attachAxis(y_axis_);
        }
        stretches_.push_back(series);
        stretch_points_.emplace_back();
    }
    return stretches_[index];
}

int QtChartsPressurePlot::plot_columns() const {
    return std::max(50, static_cast<int>(chart_->plotArea().width()));
}

void QtChartsPressurePlot::update_y_range(double visible_max_kpa) {
    double wanted_kpa = std::max(visible_max_kpa * 1.1, 1.0);
    if (guides_.limit_kpa > 0) wanted_kpa = std::max(wanted_kpa, guides_.limit_kpa * 1.12);
    if (guides_.band_valid) wanted_kpa = std::max(wanted_kpa, guides_.band_high_kpa * 1.3);
    const double wanted = plot_scale::nice_ceiling(unit_.from_kpa(wanted_kpa));
    // Grow at once so nothing is clipped; shrink only when far too tall, so the axis does
    // not jump with every wobble of the signal.
    if (wanted > y_max_shown_ || wanted < 0.5 * y_max_shown_) {
        y_max_shown_ = wanted;
        y_axis_->setRange(0.0, y_max_shown_);
        y_axis_->setTickType(QValueAxis::TicksDynamic);
        y_axis_->setTickAnchor(0.0);
        y_axis_->setTickInterval(
            plot_scale::pressure_tick(y_max_shown_, chart_->plotArea().height(),
                                      QFontMetricsF(y_axis_->labelsFont()).height()));
    }
}

void QtChartsPressurePlot::show_frame(const PlotFrame& frame) {
    const double from_s = frame.now_t_s - window_s_;
    MinMaxDecimator::decimate(frame.trace, from_s, frame.now_t_s, plot_columns(), decimated_);

    // Split at the breaks, each stretch in its own series; beyond the bound the oldest
    // stretches share the first series.
    std::size_t breaks = 0;
    for (const TracePoint& p : decimated_)
        breaks += p.is_break() ? 1 : 0;
    const std::size_t stretches = std::min(breaks + 1, kMaxStretches);
    std::size_t breaks_to_skip = breaks + 1 - stretches;
    stretch_series(stretches - 1);
    for (std::size_t i = 0; i < stretches; ++i)
        stretch_points_[i].clear();
    double visible_max_kpa = 0.0;
    std::size_t current = 0;
    for (const TracePoint& p : decimated_) {
        if (p.is_break()) {
            if (breaks_to_skip > 0)
                --breaks_to_skip;
            else
                ++current;
            continue;
        }
        visible_max_kpa = std::max(visible_max_kpa, p.pressure_kpa);
        stretch_points_[current].append(
            QPointF(p.t_s - frame.now_t_s, unit_.from_kpa(p.pressure_kpa)));
    }
    update_y_range(visible_max_kpa);
    for (std::size_t i = 0; i < std::max(stretches, stretches_shown_); ++i) {
        if (i < stretches)
            stretches_[i]->replace(stretch_points_[i]);
        else
            stretches_[i]->clear();
    }
    stretches_shown_ = stretches;

    // The corridor moves with the window; two points per edge, only while guiding a ramp.
    if (frame.corridor) {
        const algocore::protocols::RampCorridor& c = *frame.corridor;
        const double t0 = std::max(c.start_t_s, from_s);
        auto edge = [&](double p0_kpa, double p1_kpa) {
            return QList<QPointF>{{t0 - frame.now_t_s, unit_.from_kpa(p0_kpa)},
                                  {0.0, unit_.from_kpa(p1_kpa)}};
        };
        corridor_upper_->replace(edge(c.upper_kpa(t0), c.upper_kpa(frame.now_t_s)));
        corridor_lower_->replace(edge(c.lower_kpa(t0), c.lower_kpa(frame.now_t_s)));
        corridor_shown_ = true;
    } else if (corridor_shown_) {
        corridor_upper_->clear();
        corridor_lower_->clear();
        corridor_shown_ = false;
    }

    if (!frame.markers.empty() || markers_shown_) {
        for (auto& list : mark_points_)
            list.clear();
        for (const PlotMarker& m : frame.markers) {
            if (m.t_s < from_s) continue;
            mark_points_[static_cast<int>(m.kind)].append(
                QPointF(m.t_s - frame.now_t_s, unit_.from_kpa(m.pressure_kpa)));
        }
        operator_marks_->replace(mark_points_[0]);
        patient_marks_->replace(mark_points_[1]);
        manual_marks_->replace(mark_points_[2]);
        markers_shown_ = !frame.markers.empty();
    }
    static_cast<ObservedChartView*>(view_)->samples_shown = frame.samples_shown;
}

void QtChartsPressurePlot::set_paint_observer(PaintObserver observer) {
    static_cast<ObservedChartView*>(view_)->observer = std::move(observer);
}

} // namespace algogui
