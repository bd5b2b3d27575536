#pragma once
// The Treatment page: sustained trigger-point release at one point. The therapist picks the
// point and a prescription (literature preset or custom; absolute or relative to the point's
// stored PPT / tolerance), starts the hold and watches the live band, time in band and the
// "take up the slack" prompt; afterwards the dose is shown, a pain rating can be added and
// the hold is stored with its raw trace. A view of algocore's TreatmentSession (the
// Workbench's): the session runs the set and stores the holds; the page shows what it says.
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "algocore/Sample.h"
#include "algocore/protocols/HoldEngine.h"
#include "algocore/session/Workbench.h"
#include "algogui/CoachPrompt.h"
#include "algogui/DisplayUnit.h"
#include "algogui/LiveState.h"
#include "algogui/PressurePlot.h"

class QFrame;
class QLabel;
class QMessageBox;
class QPushButton;

namespace algogui {

class AudioCues;
class HoldStatusPanel;
class HoldSummaryPanel;
class PointPicker;
class PrescriptionEditor;
class PressureReadout;
class ReleaseKey;
class TriggerPointDialog;

class TreatmentPage : public QWidget {
    Q_OBJECT
public:
    /// audio may be null (no sound). A view of the workbench's TreatmentSession.
    TreatmentPage(algocore::session::Workbench& workbench, AudioCues* audio,
                  QWidget* parent = nullptr);
    ~TreatmentPage() override;

    void set_unit(const DisplayUnit& unit);
    const DisplayUnit& unit() const { return unit_; }
    void set_window_s(double window_s);
    /// Reads the site library and the stored subjects again (the database changed).
    void reload();
    /// Another database was opened: the patient, the finished hold and the thresholds shown
    /// go; its sites and subjects are read.
    void start_over();

    /// Draws the samples of one display frame (the session has them already).
    void feed(const std::vector<algocore::Sample>& samples);

    /// Starts a hold with the current prescription; false (and the reason shown) if refused.
    bool start_hold();
    /// Operator stop.
    void stop_hold();
    /// Stores the finished hold with the pain rating; false with the reason shown.
    bool save_hold();
    /// The therapist felt a release now (the F key or the button): marked on the running
    /// hold, shown on the plot, in the log and on the coach view; false between holds.
    bool mark_release_felt();

    algocore::session::TreatmentSession& session() { return workbench_.treatment(); }
    PointPicker& point() { return *point_; }
    PrescriptionEditor& editor() { return *editor_; }
    HoldStatusPanel& status() { return *status_; }
    HoldSummaryPanel& summary() { return *summary_; }
    /// The open "Discard this hold?" question, or null (tests answer it as a user would).
    QMessageBox* discard_question() const { return discard_question_; }
    PressureReadout& readout() { return *readout_; }
    /// The recent trace the plot draws (breaks at gaps in the signal).
    const TraceHistory& trace_history() const { return history_; }
    /// The refusal next to the prescription (empty when the band resolves).
    QString refusal_text() const;
    bool refusal_visible() const;
    /// "Measure PPT first" / "Measure tolerance first".
    QPushButton& measure_button() { return *measure_; }
    /// "Release felt (F)", enabled during a hold.
    QPushButton& release_felt_button() { return *felt_; }
    /// Each step-up and "release felt" mark logged in this hold, one line each.
    QStringList step_up_log() const { return step_up_log_; }
    /// "Trigger-point findings…": examines the point in the visit (needs a patient).
    QPushButton& examine_button() { return *examine_; }
    /// Opens the findings of the point in view (TriggerPointDialog), as big as the window;
    /// null without a patient.
    TriggerPointDialog* open_findings();
    /// The open findings dialog, or null.
    TriggerPointDialog* findings_dialog() const;
    /// Id of the last stored hold (kNoRecord before).
    algocore::records::RecordId last_saved_hold() const { return session().last_saved(); }

public Q_SLOTS:
    /// Demo and screenshots: subject DEMO, upper trapezius (left), 300-400 kPa for 60 s
    /// (limit 500 kPa), the hold armed so it starts at the first entry into the band.
    void start_demo();

Q_SIGNALS:
    /// The operator asked to measure the missing threshold ("PPT" or "pain tolerance") at
    /// this point; the main window shows the Thresholds page.
    void measureThresholdRequested(const QString& threshold);
    /// A set started or ended: the live view, coach view and audio cues follow the
    /// session's active band while it runs, and the user's own targets again after.
    void activeBandChanged();
    /// A prompt for the coach view, the same words and colour as on this page (a stretch or
    /// rest countdown comes every frame).
    void promptShown(const algogui::CoachPrompt& prompt);
    /// The prompt is over (the next hold began, a new set started).
    void promptCleared();

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    algocore::session::TreatmentSession& session() const { return workbench_.treatment(); }
    void read_subjects();
    void use_subject();
    void point_changed();
    void check_prescription();
    void show_prompts(const std::vector<algocore::session::TreatmentPrompt>& prompts);
    void show_phase();
    void refresh(double now_t_s);
    void refresh_readout();
    void fit_readout();
    /// After a hold (none running, its summary shown): the status keeps its state line and the
    /// readout gives the trace its room; back as they were when a hold runs or the summary goes.
    void fit_after_hold();
    void set_prompt(const std::optional<CoachPrompt>& prompt);
    void confirm_discard();
    void clear_hold_views();

    algocore::session::Workbench& workbench_;
    AudioCues* audio_ = nullptr;
    DisplayUnit unit_;
    PointPicker* point_ = nullptr;
    PrescriptionEditor* editor_ = nullptr;
    QFrame* refusal_ = nullptr;
    QLabel* refusal_text_ = nullptr;
    QPushButton* measure_ = nullptr;
    QPushButton* start_ = nullptr;
    QPushButton* stop_ = nullptr;
    QPushButton* felt_ = nullptr;
    QPushButton* examine_ = nullptr;
    ReleaseKey* release_key_ = nullptr;
    PressureReadout* readout_ = nullptr;
    QWidget* settings_column_ = nullptr;
    HoldStatusPanel* status_ = nullptr;
    QLabel* log_ = nullptr;
    HoldSummaryPanel* summary_ = nullptr;
    std::unique_ptr<PressurePlot> plot_;

    TraceHistory history_;
    std::vector<PlotMarker> markers_;
    std::optional<algocore::Sample> latest_;
    std::uint64_t samples_seen_ = 0;
    QStringList step_up_log_;
    bool was_running_ = false;
    bool pending_shown_ = false;
    QMessageBox* discard_question_ = nullptr;
};

} // namespace algogui
