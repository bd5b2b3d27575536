#pragma once
// A series of PPT trials at one site and side under one preset: runs each trial, counts
// down the rest between trials, prompts a retest for an invalid trial, and summarises.
//
// Rules (docs/data-model.md repeats them for the stored flags):
// - Every trial starts from baseline (see PptTrial): arming while the probe is loaded waits
//   until it has been lifted.
// - Once the first trial has been started, the series watches for the next ramp by itself:
//   a ramp begun during the rest (or while a retest prompt is open) is recorded at the
//   button like any other, flagged short_rest with the actual rest in seconds when the rest
//   was not over, and not counted (a protocol deviation); a retest follows as for any
//   invalid trial. Nothing the subject signals is lost.
// - The series is Complete only with the preset's number of counted trials. It ends
//   Incomplete when the operator declines a retest or ends the point early with fewer, or
//   when trials + discarded + max_extra_trials have been used up.
#include <optional>
#include <vector>

#include "algocore/protocols/PptSummary.h"
#include "algocore/protocols/PptTrial.h"

namespace algocore::protocols {

enum class PptSeriesState {
    ReadyForTrial, ///< the operator may start the next trial (a ramp starts one too)
    TrialRunning,  ///< a trial is armed/ramping
    InterTrial,    ///< rest countdown before the next trial
    RetestPrompt,  ///< last trial invalid: the next trial repeats it (operator confirms)
    Complete,      ///< enough counted trials; summary is final
    Incomplete,    ///< ended with fewer counted trials than the preset needs
};
const char* to_string(PptSeriesState state);

/// One recorded trial and whether it counts towards the summary.
struct PptSeriesTrial {
    int number = 0;        ///< 1-based order in the series, including retests and discarded
    bool counted = false;  ///< valid, not the discarded familiarisation trial, not excluded
    bool excluded = false; ///< excluded afterwards by the examiner (kept, never counted)
    bool retest = false;   ///< this trial repeats an invalid one
    /// Seconds from the previous trial's end (its pain signal) to this ramp's start; none
    /// for the first trial of the series (and for a trial aborted before its ramp).
    std::optional<double> rest_s;
    PptTrialResult result;
    std::vector<Sample> trace; ///< ramp start to release (see PptTrial::trace)
    /// The patient's presses while this trial (or an arming cancelled before it) waited for
    /// the loaded probe to lift: no threshold, but events stored with the trial.
    std::vector<PressWhileLoaded> presses_while_loaded;
};

/// Runs a series. Time comes only from samples and event timestamps.
class PptSeries {
public:
    explicit PptSeries(PptPreset preset);

    /// Operator starts the next trial at t_s; refused (false) during a countdown unless
    /// skip_rest, or when final / TrialRunning.
    bool start_trial(double t_s, bool skip_rest = false);
    /// Operator accepts (true) or declines (false) a retest prompt. Declining ends the
    /// series: Complete when enough trials count, else Incomplete.
    void answer_retest(bool accept, double t_s);
    /// Operator ends the series at this point now (a running ramp is aborted).
    void end_series(double t_s);
    void feed(const Sample& sample);
    void signal_pain(double t_s, PainSignalSource source);
    /// Operator aborts the running trial. Before any load (armed, the ramp not begun) the
    /// arming is only cancelled: no trial is recorded and no rest starts.
    void abort_trial(double t_s);
    /// Advances the countdown without samples (e.g. from an event clock).
    void tick(double t_s);
    /// The examiner excluded trial `number` after it was recorded (or, excluded = false,
    /// counts it again): an excluded trial never counts, and a series that needs another
    /// counted trial because of it takes one more, as for a retest. False for no such trial.
    bool set_excluded(int number, bool excluded);

    PptSeriesState state() const { return state_; }
    /// Complete or Incomplete: nothing more will be measured.
    bool finished() const;
    /// Seconds left of the rest before the next trial (0 when none).
    double countdown_remaining_s() const;
    /// Trial currently running or last finished; nullptr before the first.
    const PptTrial* current_trial() const;
    const std::vector<PptSeriesTrial>& trials() const { return trials_; }
    /// Trial results finished since the last call, each with its whole trace (for storage).
    std::vector<PptSeriesTrial> take_finished();
    /// Every finished trial not yet taken, with the trace so far (closing the series).
    std::vector<PptSeriesTrial> take_all();
    /// The running trial was armed while the probe is loaded and waits for the baseline.
    std::optional<BaselineWait> baseline_wait() const;
    /// Every press while a trial of this series waited for the baseline (oldest first).
    const std::vector<PressWhileLoaded>& presses_while_loaded() const { return presses_; }
    int counted_trials() const;
    /// Summary over counted trials so far.
    PptSummary summary() const;
    const PptPreset& preset() const { return preset_; }

private:
    void on_trial_finished();
    void cancel_armed_trial(double t_s);
    void begin_watched_trial();
    void attach_trace_if_released();
    void settle(PptSeriesState next);
    void collect_presses();
    int trials_allowed() const;

    PptPreset preset_;
    PptSeriesState state_ = PptSeriesState::ReadyForTrial;
    std::optional<PptTrial> trial_; ///< running, or the last one recording its release
    std::optional<PptTrial> watch_; ///< armed after a trial: catches the next ramp
    std::vector<PptSeriesTrial> trials_;
    std::vector<PressWhileLoaded> presses_;
    std::size_t presses_collected_ = 0; ///< of trial_'s presses
    std::size_t presses_stored_ = 0;    ///< of presses_, handed over with a finished trial
    std::size_t reported_ = 0;
    double now_s_ = 0.0;
    double rest_until_s_ = 0.0;
    double last_end_t_s_ = 0.0;
    int extra_trials_ = 0;
    int replaced_ = 0; ///< counted trials excluded afterwards: each allows one more trial
    bool next_is_retest_ = false;
    bool spread_retest_done_ = false;
};

} // namespace algocore::protocols
