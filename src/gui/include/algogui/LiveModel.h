#pragma once
// The state behind the live view, fed sample by sample on the GUI thread during the display
// tick: signal state, band state, hold timer, ramp rate and corridor, markers and the plot
// history. It runs algocore's protocol engines; widgets read it once per frame and never see
// samples. Qt-free.
#include <cstdint>
#include <optional>
#include <vector>

#include "algocore/Sample.h"
#include "algocore/protocols/HoldTimer.h"
#include "algocore/protocols/PressureBand.h"
#include "algocore/protocols/RampRateEstimator.h"
#include "algogui/LiveSignal.h"
#include "algogui/LiveTargets.h"
#include "algogui/PressurePlot.h"
#include "algogui/TraceHistory.h"

namespace algogui {

/// Something the audio cues (and the banner) react to.
/// TakeUpSlack is raised by the treatment page when the tissue releases during a hold.
enum class LiveCue { EnteredBand, LeftBand, OverLimit, HoldComplete, TakeUpSlack };

/// Live state of one session on the screen.
class LiveModel {
public:
    LiveModel();

    void set_targets(const LiveTargets& targets);
    const LiveTargets& targets() const { return targets_; }

    /// One calibrated sample, in time order.
    void add_sample(const algocore::Sample& sample);
    /// The link to the device changed (connect, disconnect, lost, back).
    void set_link(LinkState link);
    /// Now on the session clock, once per display tick after the samples: a device that
    /// falls silent turns the signal state to NoSignal without any sample arriving.
    void set_now_s(double now_s);
    /// Cues raised since the last call (oldest first); clears them.
    std::vector<LiveCue> take_cues();

    // Therapist actions.
    /// Starts a fresh hold (the timer counts from the next entry into the band) or stops it.
    void toggle_hold();
    void start_hold();
    void stop_hold();
    bool hold_running() const { return hold_running_; }
    /// Puts a mark on the trace at the latest sample.
    void mark();
    /// Ramp guidance: a corridor is drawn from the moment each ramp starts.
    void set_ramp_guidance(bool on);
    bool ramp_guidance() const { return ramp_guidance_; }
    /// A new session clock (reconnect): history and timers start over.
    void reset();

    // What the widgets show. Nothing below stands for the pressure now unless
    // signal_state() is Live.
    SignalState signal_state() const { return signal_.state(); }
    LinkState link_state() const { return signal_.link(); }
    /// Now on the session clock: the latest of set_now_s() and the newest sample.
    double now_s() const { return signal_.now_s(); }
    /// The probe presses on the skin: a live signal at or above the contact pressure.
    bool probe_on_skin() const;
    bool has_sample() const { return has_sample_; }
    const algocore::Sample& latest() const { return latest_; }
    algocore::protocols::BandState band_state() const { return state_; }
    const algocore::protocols::HoldTimer& hold_timer() const { return hold_timer_; }
    std::optional<double> ramp_rate_kpa_s() const { return ramp_rate_.rate_kpa_s(); }
    /// The corridor while a guided ramp is under way.
    std::optional<algocore::protocols::RampCorridor> corridor() const;
    std::uint64_t samples_seen() const { return samples_seen_; }
    TraceHistory& history() { return history_; }
    const std::vector<PlotMarker>& markers() const { return markers_; }

    /// Below this the probe is taken to be off the skin (resting on it weighs ~1 kPa).
    static constexpr double kContactKpa = 15.0;

private:
    bool gap_before(const algocore::Sample& sample) const;
    void track_ramp(const algocore::Sample& sample);
    void add_marker(PlotMarker::Kind kind, const algocore::Sample& sample);

    LiveTargets targets_;
    algocore::protocols::PressureBand band_;
    algocore::protocols::HoldTimer hold_timer_;
    algocore::protocols::RampRateEstimator ramp_rate_;
    LiveSignal signal_;
    // Set whenever the signal was not live since the latest sample: the next one starts a
    // new stretch (the trace breaks, the hold timer skips the gap).
    bool signal_interrupted_ = false;
    // The hold timer runs on a clock with every signal gap cut out, so time without a
    // signal is never counted (nor credited later as a brief excursion).
    double hold_clock_gaps_s_ = 0.0;
    TraceHistory history_;
    std::vector<PlotMarker> markers_;
    std::vector<LiveCue> cues_;

    bool has_sample_ = false;
    algocore::Sample latest_{};
    algocore::protocols::BandState state_ = algocore::protocols::BandState::Below;
    std::uint64_t samples_seen_ = 0;
    bool hold_running_ = true;
    bool hold_complete_cued_ = false;

    enum class RampPhase { Armed, Rising, Done };
    bool ramp_guidance_ = true;
    RampPhase ramp_phase_ = RampPhase::Armed;
    double ramp_start_t_s_ = 0.0;
    double ramp_start_kpa_ = 0.0;
};

} // namespace algogui
