#pragma once
// Adds the Reliability page to the main window, fed by a worker over the Thresholds page's
// database (read-only). One call from MainWindow.
namespace algogui {

class MainWindow;
class ReliabilityPage;

/// Creates, adds and wires the page; returns it.
ReliabilityPage* add_reliability_page(MainWindow& window);

} // namespace algogui
