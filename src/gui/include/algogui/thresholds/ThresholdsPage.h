#pragma once
// The "Thresholds" page: subject and session, the point (list or body map), the protocol,
// and the run — live plot with the rate corridor, rate gauge, start/abort/pain controls,
// the trials table and the point's summary; the export of this subject, session or study. A view of
// algocore's PptSession (the Workbench's): samples reach the session through the workbench's frame,
// the page forwards the operator's actions and draws the session's state. Nothing here judges a
// trial, builds a record or waits for the database.
#include <QWidget>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "algocore/Sample.h"
#include "algocore/protocols/PptTrialResult.h"
#include "algocore/session/Workbench.h"
#include "algogui/DisplayUnit.h"
#include "algogui/LiveState.h"
#include "algogui/PressurePlot.h"
#include "algogui/bodymap/BodyMapGeometry.h"
#include "algogui/bodymap/BodyMapWidget.h"

namespace algogui {

class Banner;
class CueFlash;
class LiveFeed;
class PointSummaryView;
class ProtocolForm;
class ReactionTimePanel;
class RampRateGauge;
class RunControls;
class SessionForm;
class SitePicker;
class SubjectForm;
class TrialExclusionButton;
class TrialKeys;
class TrialTable;

class ThresholdsPage : public QWidget {
    Q_OBJECT
public:
    /// feed may be null (tests feed the workbench directly); banner receives problems.
    ThresholdsPage(algocore::session::Workbench& workbench, LiveFeed* feed, Banner* banner,
                   QWidget* parent = nullptr);
    ~ThresholdsPage() override;

    /// Reads the site library and known subjects again (the database changed).
    void reload();
    /// Another database was opened: the subject, session, trace and stored thresholds shown
    /// go, and its sites and subjects are read.
    void start_over();

    void set_unit(const DisplayUnit& unit);
    /// Where "now" comes from for key and button presses (default: the live feed's session
    /// clock, or the latest sample when there is no device).
    void set_session_clock(std::function<double()> now_s);

    /// Draws a frame's samples (the session has them already) and refreshes the page once.
    void show_samples(std::span<const algocore::Sample> samples);
    /// The subject signalled pain now (the engine aligns it to the sample at that time).
    void signal_pain(algocore::protocols::PainSignalSource source);
    /// Redraws everything from the model.
    void refresh();

    algocore::session::PptSession& session() { return workbench_.thresholds(); }
    BodyMapWidget& body_map() { return *body_map_; }
    RunControls& run_controls() { return *run_; }
    TrialTable& trial_table() { return *table_; }
    TrialExclusionButton& exclude_button() { return *exclude_; }
    PointSummaryView& summary() { return *summary_; }
    ReactionTimePanel& reaction_panel() { return *reaction_; }
    CueFlash& cue_flash() { return *flash_; }
    /// The seed of the reaction-time test's random cue intervals (tests; by default a new one
    /// from the clock for every test).
    void set_reaction_seed(std::optional<std::uint64_t> seed) { reaction_seed_ = seed; }
    SubjectForm& subject_form() { return *subject_form_; }
    SessionForm& session_form() { return *session_form_; }
    ProtocolForm& protocol_form() { return *protocol_form_; }
    SitePicker& site_picker() { return *site_picker_; }
    /// The recent trace the plot draws (breaks at gaps in the signal).
    const TraceHistory& trace_history() const { return history_; }

public Q_SLOTS:
    /// Demo and screenshots (--demo): subject DEMO, a session, upper trapezius (left), a
    /// short rest between trials, and each trial armed automatically.
    void start_demo();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QWidget* build_setup_column();
    QWidget* build_run_column();
    QWidget* build_map_column();
    double now_s() const;
    void load_sites();
    void load_latest_thresholds();
    void on_subject();
    void on_session();
    void show_visit();
    void follow_visit();
    void correct_stored_details(const algocore::records::Subject& entered);
    void on_point_chosen(const std::string& site_key, algocore::records::BodySide side);
    void on_custom_point(BodyView view, QPointF fraction, int side);
    void on_custom_named();
    void on_start(bool skip_rest);
    void on_reaction_start();
    void refresh_reaction();
    void on_preset_edited();
    void on_device_status();
    void export_data();
    void refresh_plot();
    void refresh_map();

    algocore::session::Workbench& workbench_;
    LiveFeed* feed_ = nullptr;
    Banner* banner_ = nullptr;
    std::optional<algocore::records::Subject> subject_; ///< chosen, before the session
    DisplayUnit unit_;
    std::function<double()> clock_;
    double latest_t_s_ = 0.0;
    QString hint_;
    QString reaction_problem_;
    std::optional<std::uint64_t> reaction_seed_;
    bool demo_ = false; // the demo measures the other side when a series is complete
    std::vector<algocore::records::Site> sites_;
    std::map<std::pair<std::string, algocore::records::BodySide>, BodyMapValue> stored_latest_;
    std::map<std::pair<std::string, algocore::records::BodySide>, double> shown_session_;
    std::optional<std::pair<BodyView, QPointF>> custom_point_;
    algocore::records::BodySide custom_side_ = algocore::records::BodySide::Left;
    TraceHistory history_;
    std::vector<PlotMarker> markers_;

    SubjectForm* subject_form_ = nullptr;
    SessionForm* session_form_ = nullptr;
    ProtocolForm* protocol_form_ = nullptr;
    SitePicker* site_picker_ = nullptr;
    BodyMapWidget* body_map_ = nullptr;
    RunControls* run_ = nullptr;
    TrialTable* table_ = nullptr;
    TrialExclusionButton* exclude_ = nullptr;
    PointSummaryView* summary_ = nullptr;
    std::unique_ptr<PressurePlot> plot_;
    RampRateGauge* gauge_ = nullptr;
    TrialKeys* trial_keys_ = nullptr;
    ReactionTimePanel* reaction_ = nullptr;
    CueFlash* flash_ = nullptr;
};

} // namespace algogui
