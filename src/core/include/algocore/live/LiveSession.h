#pragma once
// The live view's rules, headless: whether a number may be shown at all (NO SIGNAL), the band
// state, the hold timer that counts only time in band and never a gap in the signal, the ramp
// rate and corridor, markers and the recent trace with its breaks. The Workbench feeds it
// every frame (samples, link changes, the session clock); the GUI's widgets, the CLI and the
// tests read it. No Qt.
#include <cstdint>
#include <optional>
#include <vector>

#include "algocore/Sample.h"
#include "algocore/live/LiveSignal.h"
#include "algocore/live/LiveTargets.h"
#include "algocore/live/TraceHistory.h"
#include "algocore/live/TracePoint.h"
#include "algocore/protocols/HoldTimer.h"
#include "algocore/protocols/PressureBand.h"
#include "algocore/protocols/RampCorridor.h"
#include "algocore/protocols/RampRateEstimator.h"

namespace algocore::live {

/// Something the audio cues (and the banner) react to.
/// TakeUpSlack is raised by the treatment page when the tissue releases during a hold.
enum class LiveCue { EnteredBand, LeftBand, OverLimit, HoldComplete, TakeUpSlack };

/// Live state of the device in use, as the live view shows it.
class LiveSession {
public:
    LiveSession();

    void set_targets(const LiveTargets& targets);
    const LiveTargets& targets() const { return targets_; }

    /// One calibrated sample, in time order.
    void add_sample(const Sample& sample);
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
    /// The probe presses on the skin: a live signal at or above protocols::kProbeOnSkinKpa.
    bool probe_on_skin() const;
    bool has_sample() const { return has_sample_; }
    const Sample& latest() const { return latest_; }
    protocols::BandState band_state() const { return state_; }
    const protocols::HoldTimer& hold_timer() const { return hold_timer_; }
    std::optional<double> ramp_rate_kpa_s() const { return ramp_rate_.rate_kpa_s(); }
    /// The corridor while a guided ramp is under way.
    std::optional<protocols::RampCorridor> corridor() const;
    std::uint64_t samples_seen() const { return samples_seen_; }
    TraceHistory& history() { return history_; }
    const std::vector<TraceMarker>& markers() const { return markers_; }

private:
    bool gap_before(const Sample& sample) const;
    void track_ramp(const Sample& sample);
    void add_marker(TraceMarker::Kind kind, const Sample& sample);

    LiveTargets targets_;
    protocols::PressureBand band_;
    protocols::HoldTimer hold_timer_;
    protocols::RampRateEstimator ramp_rate_;
    LiveSignal signal_;
    // Set whenever the signal was not live since the latest sample: the next one starts a
    // new stretch (the trace breaks, the hold timer skips the gap).
    bool signal_interrupted_ = false;
    TraceHistory history_;
    std::vector<TraceMarker> markers_;
    std::vector<LiveCue> cues_;

    bool has_sample_ = false;
    Sample latest_{};
    protocols::BandState state_ = protocols::BandState::Below;
    std::uint64_t samples_seen_ = 0;
    bool hold_running_ = true;
    bool hold_complete_cued_ = false;

    enum class RampPhase { Armed, Rising, Done };
    bool ramp_guidance_ = true;
    RampPhase ramp_phase_ = RampPhase::Armed;
    double ramp_start_t_s_ = 0.0;
    double ramp_start_kpa_ = 0.0;
};

} // namespace algocore::live
