#include "algogui/PlotFactory.h"

#include <QByteArray>
#include <QtGlobal>

#include "PainterPressurePlot.h"
#include "QtChartsPressurePlot.h"

namespace algogui {

PlotRenderer default_plot_renderer() {
    const QByteArray chosen = qgetenv("ALGOSCOPE_PLOT").trimmed().toLower();
    if (chosen == "qtcharts") return PlotRenderer::QtCharts;
    return PlotRenderer::Painter;
}

std::unique_ptr<PressurePlot> make_pressure_plot(QWidget* parent) {
    return make_pressure_plot(parent, default_plot_renderer());
}

std::unique_ptr<PressurePlot> make_pressure_plot(QWidget* parent, PlotRenderer renderer) {
    switch (renderer) {
    case PlotRenderer::QtCharts: return std::make_unique<QtChartsPressurePlot>(parent);
    case PlotRenderer::Painter: break;
    }
    return std::make_unique<PainterPressurePlot>(parent);
}

} // namespace algogui
