#pragma once
// The Treatment page: sustained trigger-point release at one point. The therapist picks the
// point and a prescription (literature preset or custom; absolute or relative to the point's
// stored PPT / tolerance), starts the hold and watches the live band, time in band and the
// "take up the slack" prompt; afterwards the dose is shown, a pain rating can be added and
// the hold is stored with its raw trace. algocore's HoldEngine does all the judging; the page
// feeds it the samples of each display frame and shows what it says.
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "algocore/Sample.h"
#include "algocore/protocols/HoldEngine.h"
#include "algogui/DisplayUnit.h"
#include "algogui/PressurePlot.h"
#include "algogui/TraceHistory.h"
#include "algogui/treatment/SessionBook.h"

class QFrame;
class QLabel;
class QPushButton;

namespace algocore::storage {
class Storage;
}

namespace algogui {

class AudioCues;
class HoldStatusPanel;
class HoldSummaryPanel;
class PointPicker;
class PrescriptionEditor;
class PressureReadout;

class TreatmentPage : public QWidget {
    Q_OBJECT
public:
    /// audio may be null (no sound).
    explicit TreatmentPage(AudioCues* audio, QWidget* parent = nullptr);
    ~TreatmentPage() override;

    void set_storage(algocore::storage::Storage* storage);
    /// Where the storage comes from when it is first needed (page shown, hold saved); the
    /// database is opened by whoever owns it (the Thresholds page).
    void set_storage_source(std::function<algocore::storage::Storage*()> source);
    void set_unit(const DisplayUnit& unit);
    const DisplayUnit& unit() const { return unit_; }
    void set_window_s(double window_s);

    /// The samples of one display frame, in time order (LiveFeed::frame_samples()).
    void feed(const std::vector<algocore::Sample>& samples);

    /// Starts a hold with the current prescription; false (and the reason shown) if refused.
    bool start_hold();
    /// Operator stop.
    void stop_hold();
    /// Stores the finished hold (raw trace, prescription, dose, rating); false with the reason
    /// shown when it cannot.
    bool save_hold();

    PointPicker& point() { return *point_; }
    PrescriptionEditor& editor() { return *editor_; }
    HoldStatusPanel& status() { return *status_; }
    HoldSummaryPanel& summary() { return *summary_; }
    PressureReadout& readout() { return *readout_; }
    /// The running or last hold; null before the first.
    const algocore::protocols::HoldEngine* hold() const { return hold_.get(); }
    /// The refusal next to the prescription (empty when the band resolves).
    QString refusal_text() const;
    bool refusal_visible() const;
    /// "Measure PPT first" / "Measure tolerance first".
    QPushButton& measure_button() { return *measure_; }
    /// Each step-up logged in this hold, one line each.
    QStringList step_up_log() const { return step_up_log_; }
    /// Id of the last stored hold (kNoRecord before).
    algocore::storage::RecordId last_saved_hold() const { return last_saved_; }

public Q_SLOTS:
    /// Demo and screenshots: subject DEMO, upper trapezius (left), 300-400 kPa for 60 s
    /// (limit 500 kPa), the hold armed so it starts at the first entry into the band.
    void start_demo();

Q_SIGNALS:
    /// The operator asked to measure the missing threshold ("PPT" or "pain tolerance") at
    /// this point; the main window shows the Thresholds page.
    void measureThresholdRequested(const QString& threshold);
    /// A hold was armed with this band: the live view, coach view and audio cues follow it.
    void holdStarted(const algocore::protocols::HoldConfig& config);

protected:
    void showEvent(QShowEvent* event) override;

private:
    bool ensure_storage();
    enum class Phase { Idle, Holding, Stretch, Rest, Ended };
    void check_prescription();
    void handle_events(double now_t_s);
    void finish_hold();
    void advance_phase(double now_t_s);
    void refresh(double now_t_s);

    AudioCues* audio_ = nullptr;
    DisplayUnit unit_;
    SessionBook book_;
    std::function<algocore::storage::Storage*()> storage_source_;
    PointPicker* point_ = nullptr;
    PrescriptionEditor* editor_ = nullptr;
    QFrame* refusal_ = nullptr;
    QLabel* refusal_text_ = nullptr;
    QPushButton* measure_ = nullptr;
    QPushButton* start_ = nullptr;
    QPushButton* stop_ = nullptr;
    PressureReadout* readout_ = nullptr;
    HoldStatusPanel* status_ = nullptr;
    QLabel* log_ = nullptr;
    HoldSummaryPanel* summary_ = nullptr;
    std::unique_ptr<PressurePlot> plot_;

    TraceHistory history_;
    std::vector<PlotMarker> markers_;
    std::optional<algocore::Sample> latest_;
    std::uint64_t samples_seen_ = 0;

    std::optional<algocore::protocols::ResolvedBand> resolved_;
    algocore::protocols::Prescription running_; ///< the prescription of the current set
    std::unique_ptr<algocore::protocols::HoldEngine> hold_;
    Phase phase_ = Phase::Idle;
    double phase_started_t_s_ = 0.0;
    int holds_done_ = 0;
    bool hold_saved_ = false;
    QStringList step_up_log_;
    algocore::storage::RecordId last_saved_ = algocore::storage::kNoRecord;
};

} // namespace algogui
