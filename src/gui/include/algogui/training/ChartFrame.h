#pragma once
// What the progress charts share (the Training page's one student, the Class page's whole
// class): the frame's margins, the white background, and a series drawn as a line through
// dots.
#include <QPen>
#include <QPointF>
#include <vector>

class QPainter;
class QWidget;

namespace algogui::chart_frame {

inline constexpr int kLeft = 64;   ///< room for the left axis's numbers
inline constexpr int kTop = 30;    ///< room for the legend (one line of 14 px text)
inline constexpr int kBottom = 30; ///< room for the labels under the frame

/// The chart's background: the theme's white, filled by the widget.
void use_chart_background(QWidget& chart);

/// A series: a dot of `dot_radius` at each point, joined by a line drawn with `pen`.
void draw_series(QPainter& painter, const std::vector<QPointF>& points, const QPen& pen,
                 double dot_radius);

} // namespace algogui::chart_frame
