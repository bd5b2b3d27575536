#include "PainterPressurePlot.h"

#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "BandedBlit.h"
#include "PlotScale.h"
#include "algogui/Theme.h"

namespace algogui {
namespace {

// Room for the tick labels and axis titles around the plot area, in pixels.
constexpr double kLeftPx = 64;
constexpr double kRightPx = 18;
constexpr double kTopPx = 12;
constexpr double kBottomPx = 52;
constexpr int kFontPx = 16;

QFont axis_font() {
    QFont font;
    font.setPixelSize(kFontPx);
    return font;
}

} // namespace

PressurePlotCanvas::PressurePlotCanvas(PainterPressurePlot& plot, QWidget* parent)
    : QWidget(parent), plot_(plot) {
    // Every pixel is painted each frame (the cached background covers the widget), so Qt
    // need not clear it first.
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumHeight(170);
}

void PressurePlotCanvas::paintEvent(QPaintEvent* event) {
    {
        QPainter painter(this);
        plot_.paint(painter, event->region());
    }
    if (plot_.observer_) plot_.observer_(plot_.samples_shown_);
}

void PressurePlotCanvas::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    plot_.layout_changed();
}

PainterPressurePlot::PainterPressurePlot(QWidget* parent) : unit_(display_unit("kpa")) {
    canvas_ = new PressurePlotCanvas(*this, parent);
    decimated_.reserve(4096);
    trace_.reserve(4096);
    trace_px_.reserve(4096);
    stretch_ends_.reserve(64);
    markers_.reserve(64);
    set_window_s(window_s_);
    set_unit(unit_);
}

PainterPressurePlot::~PainterPressurePlot() = default;

QWidget* PainterPressurePlot::widget() {
    return canvas_;
}

void PainterPressurePlot::set_unit(const DisplayUnit& unit) {
    unit_ = unit;
    y_max_shown_ = 0.0;
    update_y_range(0.0);
    layout_changed();
}

void PainterPressurePlot::set_window_s(double window_s) {
    window_s_ = std::clamp(window_s, 5.0, 60.0);
    layout_changed();
}

void PainterPressurePlot::set_guides(const PlotGuides& guides) {
    guides_ = guides;
    update_y_range(0.0);
    layout_changed();
}

void PainterPressurePlot::set_paint_observer(PaintObserver observer) {
    observer_ = std::move(observer);
}

void PainterPressurePlot::layout_changed() {
    background_valid_ = false;
    trace_px_valid_ = false;
    canvas_->update();
}

QRectF PainterPressurePlot::plot_rect() const {
    const double w = std::max(10.0, canvas_->width() - kLeftPx - kRightPx);
    const double h = std::max(10.0, canvas_->height() - kTopPx - kBottomPx);
    return {kLeftPx, kTopPx, w, h};
}

double PainterPressurePlot::x_px(double t_rel_s) const {
    const QRectF r = plot_rect();
    return r.right() + t_rel_s / window_s_ * r.width();
}

double PainterPressurePlot::y_px(double value) const {
    const QRectF r = plot_rect();
    return r.bottom() - value / y_max_shown_ * r.height();
}

void PainterPressurePlot::update_y_range(double visible_max_kpa) {
    double wanted_kpa = std::max(visible_max_kpa * 1.1, 1.0);
    if (guides_.limit_kpa > 0) wanted_kpa = std::max(wanted_kpa, guides_.limit_kpa * 1.12);
    if (guides_.band_valid) wanted_kpa = std::max(wanted_kpa, guides_.band_high_kpa * 1.3);
    const double wanted = plot_scale::nice_ceiling(unit_.from_kpa(wanted_kpa));
    // Grow at once so nothing is clipped; shrink only when far too tall, so the axis does
    // not jump with every wobble of the signal.
    if (wanted > y_max_shown_ || wanted < 0.5 * y_max_shown_) {
        y_max_shown_ = wanted;
        background_valid_ = false;
        trace_px_valid_ = false;
    }
}

void PainterPressurePlot::show_frame(const PlotFrame& frame) {
    const QRectF r = plot_rect();
    const double from_s = frame.now_t_s - window_s_;
    // Columns two pixels wide: the trace is drawn two pixels thick, so finer columns add
    // segments (the cost of a frame) and nothing visible.
    const int columns = std::max(50, static_cast<int>(r.width()) / 2);
    MinMaxDecimator::decimate(frame.trace, from_s, frame.now_t_s, columns, decimated_);

    double visible_max_kpa = 0.0;
    trace_.clear();
    stretch_ends_.clear();
    for (const TracePoint& p : decimated_) {
        if (p.is_break()) {
            stretch_ends_.push_back(trace_.size());
            continue;
        }
        visible_max_kpa = std::max(visible_max_kpa, p.pressure_kpa);
        trace_.emplace_back(p.t_s - frame.now_t_s, unit_.from_kpa(p.pressure_kpa));
    }
    stretch_ends_.push_back(trace_.size());
    update_y_range(visible_max_kpa);

    now_t_s_ = frame.now_t_s;
    corridor_ = frame.corridor;
    markers_.clear();
    for (const PlotMarker& m : frame.markers) {
        if (m.t_s < from_s) continue;
        markers_.push_back({m.kind, m.t_s - frame.now_t_s, unit_.from_kpa(m.pressure_kpa)});
    }
    samples_shown_ = frame.samples_shown;
    place_trace();
    // A new scale redraws the labels too; otherwise only what changed in the plot area.
    const QRect changed = changed_area();
    if (!background_valid_)
        canvas_->update();
    else if (!changed.isEmpty())
        canvas_->update(changed);
}

// One rectangle, the width of the plot, from the highest to the lowest pixel the trace
// covered or covers now (a steady hold is a thin band of the plot), grown to the markers'
// boxes; during a guided ramp the whole plot, as the corridor lines cross it. One rectangle
// keeps the clip simple, and Qt's fast path for one-pixel lines needs a simple clip.
QRect PainterPressurePlot::changed_area() {
    const QRectF r = plot_rect();
    QRectF now;
    if (!trace_px_.isEmpty()) {
        double top = trace_px_.front().y();
        double bottom = top;
        for (const QPointF& p : trace_px_) {
            top = std::min(top, p.y());
            bottom = std::max(bottom, p.y());
        }
        now = QRectF(QPointF(r.left() - 2, top - 3), QPointF(r.right() + 2, bottom + 4));
    }
    if (corridor_) now = r.adjusted(-2, -2, 2, 2);
    for (const PlotMarker& m : markers_) {
        const QPointF at(x_px(m.t_s), y_px(m.pressure_kpa));
        now = now.united(QRectF(at.x() - 10, at.y() - 10, 20, 20));
    }
    const QRect changed = now.toAlignedRect().united(shown_area_);
    shown_area_ = now.toAlignedRect();
    return changed;
}

// The trace in pixels, computed once per frame (and again only if the geometry changes).
void PainterPressurePlot::place_trace() {
    const QRectF r = plot_rect();
    trace_px_.resize(static_cast<qsizetype>(trace_.size()));
    const double sx = r.width() / window_s_;
    const double sy = r.height() / y_max_shown_;
    for (std::size_t i = 0; i < trace_.size(); ++i) {
        trace_px_[static_cast<qsizetype>(i)] =
            QPointF(r.right() + trace_[i].x() * sx, r.bottom() - trace_[i].y() * sy);
    }
    trace_px_valid_ = true;
}

void PainterPressurePlot::paint(QPainter& painter, const QRegion& dirty) {
    const qreal dpr = canvas_->devicePixelRatioF();
    const QSize size_px = canvas_->size() * dpr;
    if (!background_valid_ || background_.size() != size_px) {
        background_ = QPixmap(size_px);
        background_.setDevicePixelRatio(dpr);
        QPainter bg(&background_);
        draw_background(bg);
        background_valid_ = true;
    }
    for (const QRect& rect : dirty)
        blit_in_bands(painter, rect, background_);

    const QRectF r = plot_rect();
    painter.setClipRect(r.adjusted(-1, -1, 1, 1));

    if (corridor_) {
        const algocore::protocols::RampCorridor& c = *corridor_;
        const double t0 = std::max(c.start_t_s, now_t_s_ - window_s_);
        const double x0 = x_px(t0 - now_t_s_);
        const double x1 = r.right();
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(QPen(theme::kCorridor, 2, Qt::DashLine));
        painter.drawLine(QPointF(x0, y_px(unit_.from_kpa(c.upper_kpa(t0)))),
                         QPointF(x1, y_px(unit_.from_kpa(c.upper_kpa(now_t_s_)))));
        painter.drawLine(QPointF(x0, y_px(unit_.from_kpa(c.lower_kpa(t0)))),
                         QPointF(x1, y_px(unit_.from_kpa(c.lower_kpa(now_t_s_)))));
    }

    // The trace: one polyline of at most two points per pixel column. Antialiasing off, as
    // the dense min/max columns gain nothing from it and it is the costliest part of a frame.
    if (!trace_px_valid_) place_trace();
    // A pen wider than one pixel goes through Qt's stroker (joins cost an atan2 per point);
    // one-pixel lines take the fast path. Three one-pixel passes, offset right and down,
    // draw a trace about two pixels thick whether it runs flat or steep.
    // Each stretch between two gaps is its own polyline: no line is drawn across a gap.
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QPen(theme::kTrace, 0));
    for (const QPointF offset : {QPointF(0, 0), QPointF(1, 0), QPointF(0, 1)}) {
        painter.translate(offset);
        std::size_t from = 0;
        for (const std::size_t to : stretch_ends_) {
            const int count = static_cast<int>(to - from);
            if (count == 1)
                painter.drawPoint(trace_px_[static_cast<qsizetype>(from)]);
            else if (count > 1)
                painter.drawPolyline(trace_px_.constData() + from, count);
            from = to;
        }
        painter.resetTransform();
    }

    // Markers may stand out over the frame a little, as they do at the right edge ("now").
    painter.setClipping(false);
    draw_markers(painter);
}

void PainterPressurePlot::draw_markers(QPainter& painter) const {
    if (markers_.empty()) return;
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(Qt::black, 1));
    for (const PlotMarker& m : markers_) {
        const QPointF at(x_px(m.t_s), y_px(m.pressure_kpa));
        switch (m.kind) {
        case PlotMarker::Kind::OperatorButton:
            painter.setBrush(theme::kOperatorMark);
            painter.drawRect(QRectF(at.x() - 8, at.y() - 8, 16, 16));
            break;
        case PlotMarker::Kind::PatientButton:
            painter.setBrush(theme::kPatientMark);
            painter.drawEllipse(at, 8, 8);
            break;
        case PlotMarker::Kind::Mark:
            painter.setBrush(theme::kManualMark);
            painter.drawRect(QRectF(at.x() - 6, at.y() - 6, 12, 12));
            break;
        }
    }
    painter.setBrush(Qt::NoBrush);
}

void PainterPressurePlot::draw_background(QPainter& painter) const {
    painter.fillRect(QRectF(QPointF(0, 0), QSizeF(canvas_->size())), theme::kBackground);
    const QRectF r = plot_rect();
    painter.setFont(axis_font());
    const QFontMetricsF metrics(painter.font());

    // Grid and tick labels: time ticks counted back from "now", pressure ticks from 0.
    const double t_tick = plot_scale::time_tick_s(window_s_);
    const double p_tick = plot_scale::pressure_tick(y_max_shown_, r.height(), metrics.height());
    painter.setPen(QPen(theme::kGrid, 1));
    for (double t = 0.0; t <= window_s_ + 1e-9; t += t_tick) {
        const double x = std::round(x_px(-t)) + 0.5;
        painter.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()));
    }
    for (double v = 0.0; v <= y_max_shown_ + 1e-9; v += p_tick) {
        const double y = std::round(y_px(v)) + 0.5;
        painter.drawLine(QPointF(r.left(), y), QPointF(r.right(), y));
    }
    painter.setPen(theme::kMutedText);
    for (double t = 0.0; t <= window_s_ + 1e-9; t += t_tick) {
        const QString label = QString::number(t == 0.0 ? 0.0 : -t, 'f', 0);
        const double x = x_px(-t);
        const double w = metrics.horizontalAdvance(label);
        painter.drawText(QPointF(x - w / 2, r.bottom() + 6 + metrics.ascent()), label);
    }
    // Enough decimals that no two ticks read the same (a near-empty plot has 0.2 steps).
    const int decimals = std::clamp(static_cast<int>(std::ceil(-std::log10(p_tick) - 1e-9)), 0, 3);
    for (double v = 0.0; v <= y_max_shown_ + 1e-9; v += p_tick) {
        const QString label = QString::number(v, 'f', decimals);
        const double w = metrics.horizontalAdvance(label);
        painter.drawText(QPointF(r.left() - 6 - w, y_px(v) + metrics.ascent() / 2 - 2), label);
    }
    const QString x_title = QStringLiteral("time (s)");
    painter.drawText(
        QPointF(r.center().x() - metrics.horizontalAdvance(x_title) / 2, canvas_->height() - 6),
        x_title);
    const QString y_title = QStringLiteral("pressure (%1)").arg(unit_.symbol);
    painter.save();
    painter.translate(metrics.ascent() + 2,
                      r.center().y() + metrics.horizontalAdvance(y_title) / 2);
    painter.rotate(-90);
    painter.drawText(QPointF(0, 0), y_title);
    painter.restore();

    painter.setClipRect(r);
    if (guides_.band_valid) {
        const double hi = y_px(unit_.from_kpa(guides_.band_high_kpa));
        const double lo = y_px(unit_.from_kpa(guides_.band_low_kpa));
        const QRectF band(QPointF(r.left(), hi), QPointF(r.right(), lo));
        painter.fillRect(band, theme::kBandFill);
        painter.setPen(QPen(theme::kInBand, 1));
        painter.drawRect(band);
    }
    if (guides_.limit_kpa > 0) {
        const double y = y_px(unit_.from_kpa(guides_.limit_kpa));
        painter.setPen(QPen(theme::kOverLimit, 3, Qt::DashLine));
        painter.drawLine(QPointF(r.left(), y), QPointF(r.right(), y));
    }
    painter.setClipping(false);
    painter.setPen(QPen(theme::kMutedText, 1));
    painter.drawRect(r);
}

} // namespace algogui
