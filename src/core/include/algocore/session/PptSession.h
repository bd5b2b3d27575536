#pragma once
// A PPT session: the points measured in one visit, one PptSeries per point (algocore's
// engine does every judgement) and each finished trial handed to the Recorder at once with
// its raw trace. The Thresholds page and `algoscope-cli ppt` are views of this class.
// Earlier thresholds (for the change against the previous session) are read without
// blocking: asked of the storage, delivered through the Inbox.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "algocore/Inbox.h"
#include "algocore/Sample.h"
#include "algocore/history/MdcLookup.h"
#include "algocore/protocols/PptSeries.h"
#include "algocore/protocols/SiteComparison.h"
#include "algocore/session/Recorder.h"

namespace algocore::session {

/// One trial as stored and shown.
struct PptTrialRow {
    int number = 0; ///< 1-based at the point, over every series there in this visit
    protocols::PptSeriesTrial trial;
    records::RecordId record_id = records::kNoRecord; ///< 0 = not stored
    storage::WriteTicket ticket = 0;                  ///< to wait for its commit
    std::string excluded_reason; ///< why the examiner excluded it; empty = not excluded
};

/// The run at the selected point as the views show it: asked of the session, so neither the
/// Thresholds page nor `algoscope-cli ppt` reaches into the series or its trial.
struct PptRunState {
    bool started = false; ///< a series runs (or ran) at the point
    protocols::PptSeriesState series = protocols::PptSeriesState::ReadyForTrial;
    protocols::PptTrialState trial = protocols::PptTrialState::Idle; ///< running or last trial
    bool any_trial = false;                                          ///< a trial was recorded
    int counted = 0;                                                 ///< counted trials
    int needed = 0;                                                  ///< the preset's trials
    double rest_left_s = 0.0;                                        ///< before the next trial
    /// Armed while the probe is loaded: what the trial waits on (see baseline_wait()).
    std::optional<protocols::BaselineWait> baseline_wait;
    std::optional<double> ramp_rate_kpa_s;           ///< smoothed, while ramping
    std::optional<protocols::RampCorridor> corridor; ///< once armed; stays after the trial
    /// The series is over and its last trial's release is recorded: nothing more comes.
    bool over = false;
    int retest_number = 0;          ///< the invalid trial a retest prompt asks about
    std::uint32_t retest_flags = 0; ///< its flags (protocols::flags_to_string)
};

/// Results at the selected point.
struct PptPointResult {
    protocols::PptSummary summary;                    ///< counted trials at the point
    std::optional<protocols::SideDifference> sides;   ///< when both sides measured
    std::optional<protocols::ThresholdChange> change; ///< vs the previous session
    std::optional<history::MdcValue> mdc;             ///< the MDC `change` was judged against
    std::optional<records::PointThreshold> previous;  ///< the previous session's value
};

class PptSession {
public:
    using BodySide = records::BodySide;

    /// recorder and inbox must outlive the session.
    PptSession(Recorder& recorder, Inbox& inbox);

    Recorder& recorder() { return recorder_; }
    /// A new visit (or database) starts afresh: points of an earlier visit are closed.
    void visit_changed();

    // ---- point and protocol -------------------------------------------------------------
    void select_point(const records::Site& site, BodySide side);
    const std::optional<records::Site>& site() const { return site_; }
    BodySide side() const { return side_; }
    /// Applies to series started from now on; refused (reason) when the preset is unusable.
    std::string set_preset(const protocols::PptPreset& preset);
    const protocols::PptPreset& preset() const { return preset_; }

    // ---- the run (times on the session clock, Sample::t_s) ------------------------------
    /// Starts the next trial at the selected point; empty when started, else why not.
    std::string start_trial(double t_s, bool skip_rest = false);
    void signal_pain(double t_s, protocols::PainSignalSource source);
    void abort_trial(double t_s);
    void answer_retest(bool accept, double t_s);
    /// Ends the point's series now (Complete with enough counted trials, else Incomplete).
    void end_point(double t_s);
    void feed(const Sample& sample);
    void tick(double t_s);
    /// Stores what is still held back (a trial recording its release) and closes every
    /// series; for the end of a visit or the program.
    void close();

    // ---- what the views show ------------------------------------------------------------
    PptRunState run_state() const;
    /// The engine itself, for tests; views ask run_state().
    const protocols::PptSeries* series() const;
    std::vector<PptTrialRow> rows() const;
    PptPointResult result() const;
    /// This visit's reported threshold per point (site key, side) with counted trials.
    std::map<std::pair<std::string, BodySide>, double> session_thresholds() const;
    /// The running trial was armed while the probe is loaded: what it waits on (the
    /// Thresholds state and the CLI say protocols::to_words of it).
    std::optional<protocols::BaselineWait> baseline_wait() const;
    /// Patient presses while a trial waited for the baseline, since the last call (the CLI
    /// prints each as an event); no trial is made of them.
    std::vector<protocols::PressWhileLoaded> take_presses_while_loaded();
    /// Trials handed to the recorder so far.
    int stored_trials() const { return stored_trials_; }
    /// Rows stored since the last call (the CLI prints them once committed).
    std::vector<PptTrialRow> take_stored();
    /// A stored trial of this visit was excluded (reason) or counted again (reason empty)
    /// through Corrections: the point's threshold follows at once. False when the trial is
    /// not one of this visit's.
    bool apply_exclusion(records::RecordId trial_id, const std::string& reason);
    /// The subject's reaction time the RT-adjusted estimates use: read from the store when
    /// the visit begins (history::reaction_ms_for), replaced by a test finished in this visit.
    void set_reaction_time_ms(std::optional<double> reaction_ms);
    const std::optional<double>& reaction_time_ms() const { return reaction_ms_; }
    /// ppt − rate at the button × reaction time (protocols::rt_adjusted_ppt_kpa): an estimate
    /// shown beside the threshold, never in its place; nullopt without a reaction time.
    std::optional<double> rt_adjusted_kpa(const PptTrialRow& row) const;
    /// Called on the owner's thread when an earlier threshold arrives (views refresh).
    void set_on_change(std::function<void()> on_change) { on_change_ = std::move(on_change); }

private:
    struct Point {
        records::Site site;
        BodySide side = BodySide::Left;
        std::optional<protocols::PptSeries> series;
        std::vector<PptTrialRow> done;               ///< earlier series at this point in this visit
        std::map<int, records::RecordId> record_ids; ///< current series, by number
        std::optional<records::PointThreshold> previous;
        std::optional<records::SiteMdcRecord> own_mdc;     ///< the lab's MDC stored for the point
        std::map<records::RecordId, std::string> excluded; ///< reasons, by trial record id
        std::map<records::RecordId, bool> counted_before;  ///< earlier series' rows, excluded
        std::size_t presses_noted = 0;                     ///< of the series' presses while loaded
    };
    using Key = std::pair<std::string, BodySide>;
    Point* current();
    const Point* current() const;
    void store_finished(Point& point);
    void note_presses(Point& point);
    void store(Point& point, const protocols::PptSeriesTrial& trial);
    void close_series(Point& point);
    void look_up_previous(const Key& key);
    void look_up_reaction_time();
    std::vector<double> counted_kpa(const Point& point) const;

    Recorder& recorder_;
    Inbox& inbox_;
    std::optional<records::Site> site_;
    BodySide side_ = BodySide::Left;
    protocols::PptPreset preset_ = protocols::PptPreset::dfns();
    std::map<Key, Point> points_;
    int stored_trials_ = 0;
    std::vector<PptTrialRow> newly_stored_;
    std::vector<protocols::PressWhileLoaded> newly_pressed_;
    std::function<void()> on_change_;
    int generation_ = 0; ///< answers for an earlier visit are dropped
    std::optional<double> reaction_ms_;
    bool reaction_measured_now_ = false; ///< a test of this visit outranks a stored one
};

} // namespace algocore::session
