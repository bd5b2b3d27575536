#pragma once
// A page column that scrolls up and down when the window is too short for it (a 1024×640
// laptop), instead of squeezing its widgets over one another or below the window's edge.
// At ordinary heights no scroll bar shows.
class QScrollArea;
class QWidget;

namespace algogui {

/// Puts `content` in a frameless scroll area that scrolls vertically only; the area takes
/// the content's minimum width, so nothing is cut at the sides.
QScrollArea* scroll_column(QWidget* content);

} // namespace algogui
