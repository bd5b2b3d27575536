#pragma once
// The legend beside the body map: the colour scale with ticks in the chosen unit, which end
// means "sensitive", and what the grey and ringed markers mean.
#include <QRectF>

#include "algogui/DisplayUnit.h"
#include "algogui/bodymap/ThresholdColourScale.h"

class QPainter;

namespace algogui {

/// Width the legend needs, in pixels.
inline constexpr double kThresholdLegendWidthPx = 104.0;

/// Paints the legend into area; asymmetry_pct is the ring threshold it explains.
void paint_threshold_legend(QPainter& painter, const QRectF& area,
                            const ThresholdColourScale& scale, const DisplayUnit& unit,
                            double asymmetry_pct);

} // namespace algogui
