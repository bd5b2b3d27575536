#pragma once
// Saving a widget as a PNG (the --screenshot option, the README picture, the GUI tests).
#include <QImage>
#include <QString>
#include <QStringList>

class QWidget;

namespace algogui {

/// Renders the widget as it is on screen and writes a PNG. False with a reason on failure.
bool save_widget_png(QWidget& widget, const QString& path, QString* error);

/// How many distinct colours the image has (a blank or single-colour image has 1).
int distinct_colours(const QImage& image, int stop_after = 64);

/// Names of the simulated algometer's built-in scenarios (for --demo).
QStringList simulator_scenarios();

} // namespace algogui
