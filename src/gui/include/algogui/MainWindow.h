#pragma once
// The main window is a composition root only: it builds the panels, wires them to the live
// feed and the audio cues, and owns the shortcuts and preferences. Each panel is its own
// class; a new page ("Thresholds", "Treatment", "Training", "Calibration") is one add_page()
// line.
#include <QMainWindow>
#include <QTimer>
#include <memory>

#include "algogui/DeviceChoice.h"
#include "algogui/DisplayUnit.h"

namespace algocore::session {
class Workbench;
}

class QAction;
class QComboBox;
class QTabWidget;

namespace algogui {

class AudioCues;
class Banner;
class CoachView;
class DeviceBar;
class LiveFeed;
class LivePanel;
class Preferences;
class ThresholdsPage;
class ToneOutput;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// prefs (and workbench, when given) must outlive the window; tone is where audio cues
    /// go. Without a workbench the window makes one of its own with no database (tests).
    MainWindow(Preferences& prefs, std::unique_ptr<ToneOutput> tone,
               algocore::session::Workbench* workbench = nullptr, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Adds a page to the side navigation; returns its index.
    int add_page(const QString& title, QWidget* page);
    /// Shows a page added with add_page (e.g. Treatment's "Measure PPT first" → Thresholds).
    void show_page(QWidget* page);

    /// Opens another database in place of the open one (File → Open database…): the visit
    /// ends, every page starts over with the new database and the title names it. One that
    /// cannot be used (foreign, damaged, newer, locked) is refused in the banner and the open
    /// one stays open, as it was. False when refused.
    bool open_database(const QString& path);

    /// Connects the device (the simulated algometer by default); problems go to the banner.
    bool connect_device(const DeviceChoice& choice);
    /// Connects the device remembered from the last run. A real port that cannot be opened
    /// now (the algometer is not plugged in) is no error: the device bar says it is waiting
    /// for it and it is tried again quietly every kRetryRememberedMs until it opens or the
    /// user connects something else.
    void connect_remembered_device(const DeviceChoice& choice);
    static constexpr int kRetryRememberedMs = 2000;
    /// True while a remembered device is being waited for.
    bool waiting_for_remembered_device() const;
    /// Restores the saved window geometry and toolbar layout.
    void restore_layout();

    void set_unit(const QString& unit_key);
    void set_window_s(double window_s);
    void show_coach_view(bool on);

    LiveFeed& feed() { return *feed_; }
    LivePanel& live_panel() { return *live_panel_; }
    DeviceBar& device_bar() { return *device_bar_; }
    Banner& banner() { return *banner_; }
    AudioCues& audio() { return *audio_; }
    CoachView& coach_view() { return *coach_view_; }
    ThresholdsPage& thresholds_page() { return *thresholds_; }
    const DisplayUnit& unit() const { return unit_; }
    Preferences& preferences() { return prefs_; }

Q_SIGNALS:
    /// The pressure unit changed (pages added later follow it through this).
    void unitChanged(const algogui::DisplayUnit& unit);
    /// Another database was opened: every page starts over with it.
    void databaseOpened();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void build_menu();
    void ask_database();
    void show_database_in_title();
    void build_toolbar();
    QAction* add_action(const QString& text, const QKeySequence& key, const QString& tip);
    void on_frame();
    void on_status();
    void try_remembered_device();

    Preferences& prefs_;
    DisplayUnit unit_;
    LiveFeed* feed_ = nullptr;
    AudioCues* audio_ = nullptr;
    DeviceBar* device_bar_ = nullptr;
    Banner* banner_ = nullptr;
    QTabWidget* pages_ = nullptr;
    LivePanel* live_panel_ = nullptr;
    CoachView* coach_view_ = nullptr;
    ThresholdsPage* thresholds_ = nullptr;
    QComboBox* unit_picker_ = nullptr;
    QComboBox* window_picker_ = nullptr;
    QAction* mute_ = nullptr;
    QAction* tone_ = nullptr;
    QAction* coach_ = nullptr;
    QAction* ramp_ = nullptr;
    QTimer* remembered_retry_ = nullptr;
    DeviceChoice remembered_;
};

} // namespace algogui
