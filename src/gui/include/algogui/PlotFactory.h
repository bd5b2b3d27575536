#pragma once
// Creates the live plot with the renderer this build uses.
#include <memory>

#include "algogui/PressurePlot.h"

namespace algogui {

/// The default PressurePlot (Qt Charts today), parented to `parent`'s widget tree.
std::unique_ptr<PressurePlot> make_pressure_plot(QWidget* parent);

}  // namespace algogui
