#pragma once
// Adds the History page to the window, reading through the workbench's storage.
namespace algogui {

class HistoryPage;
class MainWindow;

/// Adds "History": every read, report and export runs on the workbench's storage thread and
/// is answered on the GUI thread; the unit and the report header follow the preferences.
HistoryPage* add_history_page(MainWindow& window);

} // namespace algogui
