#pragma once
// PressurePlot drawn with Qt Charts. Private to algogui: the rest of the code sees only
// the PressurePlot interface.
#include <QList>
#include <QPointF>
#include <vector>

#include "algogui/PressurePlot.h"

class QChart;
class QChartView;
class QLineSeries;
class QAreaSeries;
class QScatterSeries;
class QValueAxis;

namespace algogui {

class QtChartsPressurePlot final : public PressurePlot {
public:
    explicit QtChartsPressurePlot(QWidget* parent);
    ~QtChartsPressurePlot() override;

    QWidget* widget() override;
    void set_unit(const DisplayUnit& unit) override;
    void set_window_s(double window_s) override;
    double window_s() const override { return window_s_; }
    void set_guides(const PlotGuides& guides) override;
    void show_frame(const PlotFrame& frame) override;
    void set_paint_observer(PaintObserver observer) override;

private:
    void rebuild_guides();
    QLineSeries* stretch_series(std::size_t index);
    void update_y_range(double visible_max_kpa);
    int plot_columns() const;

    DisplayUnit unit_;
    double window_s_ = 10.0;
    PlotGuides guides_;
    double y_max_shown_ = 0.0; // current y-axis top, in the display unit

    QChartView* view_ = nullptr;
    QChart* chart_ = nullptr;
    QValueAxis* x_axis_ = nullptr;
    QValueAxis* y_axis_ = nullptr;
    // One series per unbroken stretch of the trace (Qt Charts cannot break a line); made on
    // demand, emptied when not needed. The first is made up front.
    std::vector<QLineSeries*> stretches_;
    std::size_t stretches_shown_ = 0;
    QLineSeries* band_upper_ = nullptr;
    QLineSeries* band_lower_ = nullptr;
    QAreaSeries* band_ = nullptr;
    QLineSeries* limit_ = nullptr;
    QLineSeries* corridor_upper_ = nullptr;
    QLineSeries* corridor_lower_ = nullptr;
    QScatterSeries* operator_marks_ = nullptr;
    QScatterSeries* patient_marks_ = nullptr;
    QScatterSeries* manual_marks_ = nullptr;
    bool corridor_shown_ = false;
    bool markers_shown_ = false;

    // Reused every frame so a frame allocates nothing once warmed up.
    std::vector<TracePoint> decimated_;
    std::vector<QList<QPointF>> stretch_points_;
    QList<QPointF> mark_points_[3];
};

} // namespace algogui
