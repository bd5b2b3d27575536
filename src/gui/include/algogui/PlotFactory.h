#pragma once
// Creates the live plot with the renderer this build uses.
#include <memory>

#include "algogui/PressurePlot.h"

namespace algogui {

/// The renderers behind PressurePlot. Painter (our own QPainter widget) is the default: it
/// costs a fraction of the CPU of Qt Charts at 60 frames a second.
enum class PlotRenderer { Painter, QtCharts };

/// The renderer chosen by the ALGOSCOPE_PLOT environment variable ("qtcharts" or
/// "painter"); Painter when unset or unknown.
PlotRenderer default_plot_renderer();

/// The default PressurePlot, parented to `parent`'s widget tree.
std::unique_ptr<PressurePlot> make_pressure_plot(QWidget* parent);
/// A PressurePlot drawn by the given renderer.
std::unique_ptr<PressurePlot> make_pressure_plot(QWidget* parent, PlotRenderer renderer);

} // namespace algogui
