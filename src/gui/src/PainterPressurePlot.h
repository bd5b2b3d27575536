#pragma once
// PressurePlot drawn with plain QPainter on one widget. Private to algogui. The static parts
// (grid, axes, labels, band, limit) are drawn once into a cached pixmap; a frame draws that
// pixmap, the decimated trace as one polyline, the corridor and the markers. At 60 frames a
// second this is far cheaper than Qt Charts' scene graph.
#include <QPixmap>
#include <QPolygonF>
#include <QRectF>
#include <QWidget>
#include <optional>
#include <vector>

#include "algogui/PressurePlot.h"

namespace algogui {

class PainterPressurePlot;

/// The widget the plot paints on; reports each finished paint to the observer.
class PressurePlotCanvas final : public QWidget {
public:
    PressurePlotCanvas(PainterPressurePlot& plot, QWidget* parent);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    PainterPressurePlot& plot_;
};

class PainterPressurePlot final : public PressurePlot {
public:
    explicit PainterPressurePlot(QWidget* parent);
    ~PainterPressurePlot() override;

    QWidget* widget() override;
    void set_unit(const DisplayUnit& unit) override;
    void set_window_s(double window_s) override;
    double window_s() const override { return window_s_; }
    void set_guides(const PlotGuides& guides) override;
    void show_frame(const PlotFrame& frame) override;
    void set_paint_observer(PaintObserver observer) override;

private:
    friend class PressurePlotCanvas;
    void paint(QPainter& painter, const QRegion& dirty);
    void draw_background(QPainter& painter) const;
    void draw_markers(QPainter& painter) const;
    void update_y_range(double visible_max_kpa);
    void place_trace();
    QRect changed_area();
    void layout_changed();
    QRectF plot_rect() const;
    double x_px(double t_rel_s) const;
    double y_px(double value) const;

    DisplayUnit unit_;
    double window_s_ = 10.0;
    PlotGuides guides_;
    double y_max_shown_ = 0.0; // current y-axis top, in the display unit

    PressurePlotCanvas* canvas_ = nullptr;
    PaintObserver observer_;
    std::uint64_t samples_shown_ = 0;

    QPixmap background_; // grid, axes, band and limit; redrawn when any of them changes
    bool background_valid_ = false;

    // The last frame in display units and seconds relative to "now" (x ≤ 0), reused every
    // frame so a warmed-up frame allocates nothing.
    std::vector<TracePoint> decimated_;
    std::vector<QPointF> trace_;            // (t_rel_s, value)
    std::vector<std::size_t> stretch_ends_; // trace_ index after each unbroken stretch
    QPolygonF trace_px_;                    // trace_ in pixels, for the current geometry and scale
    bool trace_px_valid_ = false;
    QRect shown_area_; // what the trace, corridor and markers covered on the last frame
    std::optional<algocore::protocols::RampCorridor> corridor_;
    double now_t_s_ = 0.0;
    std::vector<PlotMarker> markers_; // t_s relative to now; pressure in the display unit
};

} // namespace algogui
