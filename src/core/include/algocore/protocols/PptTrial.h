#pragma once
// One pain-pressure-threshold trial as a state machine over samples and events:
// Idle → WaitingForBaseline → WaitingForContact → Ramping → Done | Aborted | CutOff.
// A trial starts only from baseline: armed while the probe is loaded, it waits until the
// pressure has been below the preset's baseline, so it never begins mid-ramp.
// The threshold is the pressure of the sample at the moment of the pain signal (device
// patient-button edge, or an external event aligned by its timestamp), never the later peak.
#include <optional>
#include <vector>

#include "algocore/Sample.h"
#include "algocore/protocols/BaselineWait.h"
#include "algocore/protocols/PptPreset.h"
#include "algocore/protocols/PptTrialResult.h"
#include "algocore/protocols/RampCorridor.h"
#include "algocore/protocols/RampRateEstimator.h"

namespace algocore::protocols {

enum class PptTrialState {
    Idle,
    WaitingForBaseline,
    WaitingForContact,
    Ramping,
    Done,
    Aborted,
    CutOff
};
const char* to_string(PptTrialState state);

/// A single trial. Feed every sample in time order; events may arrive before or after the
/// samples around their timestamp and are aligned to the nearest sample in time.
class PptTrial {
public:
    explicit PptTrial(PptPreset preset);

    /// Operator starts the trial: Idle → WaitingForBaseline. No effect in other states.
    void arm();
    /// Feeds one sample (t_s non-decreasing).
    void feed(const Sample& sample);
    /// External pain signal (key, pedal, on-screen) with its timestamp on the session clock.
    /// If no sample at/after t_s has arrived yet, alignment waits for it.
    void signal_pain(double t_s, PainSignalSource source);
    /// Operator aborts: any non-final state → Aborted.
    void abort(double t_s);

    PptTrialState state() const { return state_; }
    /// Done, Aborted or CutOff.
    bool finished() const;
    /// Still collecting the trace after the end (until the probe is released).
    bool recording() const;
    /// Result; meaningful once finished().
    const PptTrialResult& result() const { return result_; }
    /// Smoothed current rate for the gauge (nullopt before enough ramp samples).
    std::optional<double> current_rate_kpa_s() const;
    /// Corridor for the live plot; nullopt before the ramp starts.
    std::optional<RampCorridor> corridor() const;
    /// The ramp has begun (or the trial ended): the trial is under way.
    bool ramp_started() const;
    /// Adds flags to the result (e.g. short_rest, decided by the series); they invalidate
    /// the trial when they are invalidating flags.
    void add_flags(std::uint32_t flags);
    /// Armed while the probe is loaded: the pressure it waits on and the baseline to lift
    /// below; nullopt in every other state (and before a sample has arrived).
    std::optional<BaselineWait> baseline_wait() const;
    /// Patient presses (button edges, external signals) while waiting for the baseline: no
    /// trial, but kept (oldest first).
    const std::vector<PressWhileLoaded>& presses_while_loaded() const { return presses_; }
    /// Samples from the ramp start until the probe was released after the end.
    const std::vector<Sample>& trace() const { return trace_; }
    const PptPreset& preset() const { return preset_; }

private:
    void start_ramp(const Sample& sample);
    void finish(PptTrialEnd end, std::size_t index, double t_signal_s, PainSignalSource source);
    void try_align_pending();
    std::size_t nearest_index(double t_s) const;
    /// Slope over the preset's rate-at-button window ending at trace_[index].
    std::optional<double> rate_before(std::size_t index) const;

    PptPreset preset_;
    PptTrialState state_ = PptTrialState::Idle;
    PptTrialResult result_;
    RampRateEstimator gauge_;
    std::vector<Sample> trace_;
    bool patient_was_down_ = false;
    bool seen_sample_ = false;         ///< a button held at arming is not a press
    std::optional<double> loaded_kpa_; ///< newest pressure while waiting for the baseline
    std::vector<PressWhileLoaded> presses_;
    bool released_ = false;
    std::optional<double> pending_signal_t_s_;
    std::optional<double> below_release_since_s_; ///< probe seemingly off since
    std::optional<Sample> last_waiting_;          ///< newest sample before the ramp
    std::uint32_t pending_flags_ = 0;             ///< found before the end (ramp start)
    PainSignalSource pending_source_ = PainSignalSource::Keyboard;
};

} // namespace algocore::protocols
