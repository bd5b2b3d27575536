#pragma once
// The "Calibration" page: setup → capture each reference load from the live signal (a stable
// average, refused while unstable) → fit, residuals, statistics, pass/fail → save in the
// per-device CalibrationStore and make it active on the live feed (the device bar shows it).
// Also opens a stored record (expired: warning; corrupt: message naming the field) and
// exports the PDF certificate.
#include <QWidget>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "algocore/calibration/CalibrationStore.h"
#include "algocore/session/CalibrationSession.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace algogui {
class LiveFeed;
}

namespace algogui::calibration {

// The calibration workflow lives in algocore; this page is a view of it.
using algocore::session::CalibrationOutcome;
using algocore::session::CalibrationSession;
using algocore::session::CalibrationSetup;
using algocore::session::check_setup;
using algocore::session::PlanResult;

class CalibrationResultsPanel;
class CalibrationSetupPanel;
class ReadingTrace;

class CalibrationWizard : public QWidget {
    Q_OBJECT
public:
    /// `feed` may be null (tests feed readings directly); records live under `store_root`.
    CalibrationWizard(LiveFeed* feed, std::filesystem::path store_root, QWidget* parent = nullptr);
    ~CalibrationWizard() override;

    CalibrationSetupPanel& setup_panel() { return *setup_; }
    CalibrationResultsPanel& results_panel() { return *results_; }
    CalibrationSession& session() { return session_; }
    algocore::CalibrationStore& store() { return store_; }

    /// Validates the setup and the loads and starts capturing. False with message() set.
    bool begin();
    /// One device reading and the live force (what the live feed delivers each frame, or a
    /// test script).
    void add_reading(double t_s, double reading, double force_n);
    /// Captures the current load; false with message() saying why (e.g. not stable).
    bool capture_point();
    /// Fits at `degree` (0 = recommended) and shows the results page.
    bool show_fit(int degree);
    /// Saves the shown record and makes it active (store + live feed). False with message().
    bool save_and_activate();
    /// Writes the certificate of the shown record. False with message().
    bool export_certificate(const QString& pdf_path);
    /// Opens a record file and shows it; refused records leave a message naming the field.
    bool open_record(const QString& path);

    /// The record on the results page (fresh or opened).
    const std::optional<algocal::CalibrationRecord>& record() const { return record_; }
    /// Last instruction, refusal or confirmation shown to the user.
    QString message() const;
    QString stability_text() const;
    /// 0 setup, 1 capture, 2 results.
    int current_step_page() const;

Q_SIGNALS:
    /// A record was saved and made active for its device.
    void calibrationActivated(std::shared_ptr<const algocal::CalibrationRecord> record);

private:
    void on_frame();
    void on_status();
    void refresh_capture();
    void set_message(const QString& text, bool problem);
    void choose_pdf_and_export();
    void choose_record_and_open();

    LiveFeed* feed_ = nullptr;
    algocore::CalibrationStore store_;
    CalibrationSession session_;
    std::optional<algocal::CalibrationRecord> record_;
    bool record_saved_ = false;

    QStackedWidget* stack_ = nullptr;
    CalibrationSetupPanel* setup_ = nullptr;
    CalibrationResultsPanel* results_ = nullptr;
    QLabel* message_ = nullptr;
    QLabel* instruction_ = nullptr;
    QLabel* reading_ = nullptr;
    QLabel* stability_ = nullptr;
    QProgressBar* steadiness_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* points_ = nullptr;
    ReadingTrace* trace_ = nullptr;
    QPushButton* capture_ = nullptr;
};

} // namespace algogui::calibration
