#pragma once
// A series of PPT trials at one site and side under one preset: runs each trial, counts
// down the rest between trials, prompts a retest for an invalid trial, and summarises.
#include <optional>
#include <vector>

#include "algocore/protocols/PptSummary.h"
#include "algocore/protocols/PptTrial.h"

namespace algocore::protocols {

enum class PptSeriesState {
    ReadyForTrial, ///< the operator may start the next trial
    TrialRunning,  ///< a trial is armed/ramping
    InterTrial,    ///< rest countdown before the next trial
    RetestPrompt,  ///< last trial invalid: the next trial repeats it (operator confirms)
    Complete,      ///< enough counted trials; summary is final
};
const char* to_string(PptSeriesState state);

/// One recorded trial and whether it counts towards the summary.
struct PptSeriesTrial {
    int number = 0;       ///< 1-based order in the series, including retests and discarded
    bool counted = false; ///< valid and not the discarded familiarisation trial
    bool retest = false;  ///< this trial repeats an invalid one
    PptTrialResult result;
    std::vector<Sample> trace; ///< ramp start to release (see PptTrial::trace)
};

/// Runs a series. Time comes only from samples and event timestamps.
class PptSeries {
public:
    explicit PptSeries(PptPreset preset);

    /// Operator starts the next trial at t_s; refused (false) during a countdown unless
    /// skip_rest, or when Complete / TrialRunning.
    bool start_trial(double t_s, bool skip_rest = false);
    /// Operator accepts (true) or declines (false) a retest prompt; declining moves on.
    void answer_retest(bool accept, double t_s);
    void feed(const Sample& sample);
    void signal_pain(double t_s, PainSignalSource source);
    void abort_trial(double t_s);
    /// Advances the countdown without samples (e.g. from an event clock).
    void tick(double t_s);

    PptSeriesState state() const { return state_; }
    /// Seconds left of the rest before the next trial (0 when none).
    double countdown_remaining_s() const;
    /// Trial currently running or last finished; nullptr before the first.
    const PptTrial* current_trial() const;
    const std::vector<PptSeriesTrial>& trials() const { return trials_; }
    /// Trial results finished since the last call (for storage / CLI output).
    std::vector<PptSeriesTrial> take_finished();
    int counted_trials() const;
    /// Summary over counted trials so far.
    PptSummary summary() const;
    const PptPreset& preset() const { return preset_; }

private:
    void on_trial_finished();
    bool needs_more_trials() const;

    PptPreset preset_;
    PptSeriesState state_ = PptSeriesState::ReadyForTrial;
    std::optional<PptTrial> trial_;
    std::vector<PptSeriesTrial> trials_;
    std::size_t reported_ = 0;
    double now_s_ = 0.0;
    double rest_until_s_ = 0.0;
    int extra_trials_ = 0;
    bool next_is_retest_ = false;
    bool spread_retest_done_ = false;
};

} // namespace algocore::protocols
