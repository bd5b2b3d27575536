#pragma once
// Our own small plot interface for the live pressure trace. Qt Charts is deprecated
// upstream from Qt 6.10, so nothing outside the implementation sees a chart type; a
// different renderer is one new subclass.
#include <QString>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "algocore/protocols/RampCorridor.h"
#include "algogui/DisplayUnit.h"
#include "algogui/MinMaxDecimator.h"

class QWidget;

namespace algogui {

/// Lines that change only when the user edits the target (drawn as static items).
struct PlotGuides {
    bool band_valid = false;
    double band_low_kpa = 0.0;
    double band_high_kpa = 0.0;
    double limit_kpa = 0.0; ///< over-pressure limit; 0 = none
};

/// A button press or a manual mark, shown as a marker on the trace.
using PlotMarker = algocore::live::TraceMarker;

/// Everything that changes from one display frame to the next.
struct PlotFrame {
    std::span<const TracePoint> trace; ///< recent history, time-ordered
    double now_t_s = 0.0;              ///< right edge of the window
    /// Ramp guidance (target rate ± tolerance from the ramp start), while guiding a ramp.
    std::optional<algocore::protocols::RampCorridor> corridor;
    std::span<const PlotMarker> markers;
    std::uint64_t samples_shown = 0; ///< running count of samples included (for latency)
};

/// The live plot: pressure against time in a scrolling window.
class PressurePlot {
public:
    virtual ~PressurePlot() = default;
    virtual QWidget* widget() = 0;

    virtual void set_unit(const DisplayUnit& unit) = 0;
    /// Visible time span, 5–60 s.
    virtual void set_window_s(double window_s) = 0;
    virtual double window_s() const = 0;
    virtual void set_guides(const PlotGuides& guides) = 0;
    /// One update per display frame; implementations touch each series once.
    virtual void show_frame(const PlotFrame& frame) = 0;

    /// Called after each paint with PlotFrame::samples_shown of the frame on screen.
    using PaintObserver = std::function<void(std::uint64_t samples_shown)>;
    virtual void set_paint_observer(PaintObserver observer) = 0;
};

} // namespace algogui
