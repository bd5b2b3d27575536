#include "algocore/live/LiveSession.h"

#include <algorithm>

#include "algocore/protocols/ProbeContact.h"

namespace algocore::live {

using protocols::BandState;

namespace {
// The plot shows at most 60 s; keep a little more so scrolling never shows a hole.
constexpr double kHistoryS = 62.0;
// Enough for 62 s at 2 kHz, the fastest rate the simulator and native firmware offer.
constexpr std::size_t kHistoryPoints = 124'000;
constexpr std::size_t kMaxMarkers = 256;
} // namespace

LiveSession::LiveSession() : history_(kHistoryS, kHistoryPoints) {
    set_targets(targets_);
}

void LiveSession::set_targets(const LiveTargets& targets) {
    targets_ = targets;
    band_ = targets.band();
    hold_timer_ = protocols::HoldTimer(targets.hold());
    hold_complete_cued_ = false;
    if (has_sample_) state_ = band_.classify(latest_.pressure_kpa);
}

void LiveSession::add_sample(const Sample& sample) {
    if (has_sample_ && sample.t_s < latest_.t_s) reset();
    const std::uint8_t pressed_now = sample.buttons & ~(has_sample_ ? latest_.buttons : 0);
    const bool gap = has_sample_ && gap_before(sample);
    if (gap) {
        // Nothing is known about the pressure across a gap: the hold timer does not count
        // it (below), and a rate fitted across it would be a fiction.
        ramp_rate_.reset();
    }

    const BandState previous = state_;
    const bool had_sample = has_sample_;
    state_ = band_.classify(sample.pressure_kpa);
    latest_ = sample;
    has_sample_ = true;
    ++samples_seen_;
    signal_.sample_arrived(sample.t_s);
    signal_interrupted_ = false;

    if (had_sample && state_ != previous) {
        if (state_ == BandState::OverLimit)
            cues_.push_back(LiveCue::OverLimit);
        else if (state_ == BandState::InBand)
            cues_.push_back(LiveCue::EnteredBand);
        else if (previous == BandState::InBand)
            cues_.push_back(LiveCue::LeftBand);
    } else if (!had_sample && state_ == BandState::OverLimit) {
        cues_.push_back(LiveCue::OverLimit);
    }

    if (hold_running_) {
        hold_timer_.update(sample.t_s, state_, gap);
        if (hold_timer_.complete() && !hold_complete_cued_) {
            cues_.push_back(LiveCue::HoldComplete);
            hold_complete_cued_ = true;
        }
    }
    ramp_rate_.add(sample.t_s, sample.pressure_kpa);
    track_ramp(sample);
    history_.append(sample.t_s, sample.pressure_kpa, gap);

    if (pressed_now & kOperatorButton) add_marker(TraceMarker::Kind::OperatorButton, sample);
    if (pressed_now & kPatientButton) add_marker(TraceMarker::Kind::PatientButton, sample);
}

// A gap: the device says samples were lost, the signal was not live since the previous
// sample, or the samples simply stopped for longer than a live signal allows.
bool LiveSession::gap_before(const Sample& sample) const {
    return (sample.flags & kGapBefore) != 0 || signal_interrupted_ ||
           sample.t_s - latest_.t_s > LiveSignal::kNoSignalAfterS;
}

void LiveSession::set_link(LinkState link) {
    signal_.set_link(link);
    if (signal_.state() != SignalState::Live) signal_interrupted_ = true;
}

void LiveSession::set_now_s(double now_s) {
    signal_.set_now_s(now_s);
    if (signal_.state() != SignalState::Live) signal_interrupted_ = true;
}

bool LiveSession::probe_on_skin() const {
    return signal_.state() == SignalState::Live && has_sample_ &&
           latest_.pressure_kpa >= protocols::kProbeOnSkinKpa;
}

std::vector<LiveCue> LiveSession::take_cues() {
    std::vector<LiveCue> out;
    out.swap(cues_);
    return out;
}

void LiveSession::toggle_hold() {
    if (hold_running_)
        stop_hold();
    else
        start_hold();
}

void LiveSession::start_hold() {
    hold_timer_.reset();
    hold_complete_cued_ = false;
    hold_running_ = true;
}

void LiveSession::stop_hold() {
    hold_running_ = false;
}

void LiveSession::mark() {
    if (has_sample_) add_marker(TraceMarker::Kind::Mark, latest_);
}

void LiveSession::set_ramp_guidance(bool on) {
    ramp_guidance_ = on;
    ramp_phase_ = RampPhase::Armed;
}

void LiveSession::reset() {
    history_.clear();
    markers_.clear();
    ramp_rate_.reset();
    hold_timer_.reset();
    hold_complete_cued_ = false;
    has_sample_ = false;
    state_ = BandState::Below;
    ramp_phase_ = RampPhase::Armed;
    signal_.restart_clock();
    signal_interrupted_ = false;
}

// Guidance follows each application of the probe: armed at rest, the corridor starts when
// the pressure leaves the resting level and ends when the band is reached.
void LiveSession::track_ramp(const Sample& sample) {
    const double p = sample.pressure_kpa;
    // A ramp starts when the probe comes onto the skin, and guidance re-arms once it is
    // released again.
    const double rest_kpa = std::min(protocols::kProbeOnSkinKpa, 0.5 * targets_.band_low_kpa);
    switch (ramp_phase_) {
    case RampPhase::Armed:
        if (p >= rest_kpa) {
            ramp_phase_ = RampPhase::Rising;
            ramp_start_t_s_ = sample.t_s;
            ramp_start_kpa_ = p;
        }
        break;
    case RampPhase::Rising:
        if (p >= targets_.band_low_kpa)
            ramp_phase_ = RampPhase::Done;
        else if (p < 0.5 * rest_kpa)
            ramp_phase_ = RampPhase::Armed;
        break;
    case RampPhase::Done:
        if (p < 0.5 * rest_kpa) ramp_phase_ = RampPhase::Armed;
        break;
    }
}

std::optional<protocols::RampCorridor> LiveSession::corridor() const {
    if (!ramp_guidance_ || ramp_phase_ != RampPhase::Rising) return std::nullopt;
    protocols::RampCorridor c;
    c.start_t_s = ramp_start_t_s_;
    c.start_kpa = ramp_start_kpa_;
    c.target_kpa_s = targets_.ramp_rate_kpa_s;
    c.tolerance_kpa_s = targets_.ramp_tolerance_kpa_s;
    return c;
}

void LiveSession::add_marker(TraceMarker::Kind kind, const Sample& sample) {
    markers_.push_back(TraceMarker{kind, sample.t_s, sample.pressure_kpa});
    // Few markers, so erasing from the front of a vector is cheap and keeps them contiguous.
    const auto stale = std::find_if(markers_.begin(), markers_.end(), [&](const TraceMarker& m) {
        return m.t_s >= sample.t_s - kHistoryS;
    });
    markers_.erase(markers_.begin(), stale);
    if (markers_.size() > kMaxMarkers)
        markers_.erase(markers_.begin(), markers_.end() - static_cast<std::ptrdiff_t>(kMaxMarkers));
}

} // namespace algocore::live
