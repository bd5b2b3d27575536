#include "algocore/protocols/HoldEngine.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace algocore::protocols {

namespace {
// Moving-average span for the step-up logic: two cycles of 10 Hz tremor.
constexpr double kSmoothingS = 0.2;
// A rise is still going while the smoothed pressure keeps beating its peak by this much.
constexpr double kRiseEpsilonKpa = 0.5;
} // namespace

const char* to_string(HoldState state) {
    switch (state) {
    case HoldState::WaitingForBand: return "waiting_for_band";
    case HoldState::Holding: return "holding";
    case HoldState::Complete: return "complete";
    case HoldState::Stopped: return "stopped";
    case HoldState::OverLimit: return "over_limit";
    case HoldState::TimeLimit: return "time_limit";
    }
    return "unknown";
}

const char* to_string(HoldEventKind kind) {
    switch (kind) {
    case HoldEventKind::Started: return "started";
    case HoldEventKind::EnteredBand: return "entered_band";
    case HoldEventKind::LeftBand: return "left_band";
    case HoldEventKind::Overshoot: return "overshoot";
    case HoldEventKind::ReleaseDetected: return "release_detected";
    case HoldEventKind::ReleaseMarked: return "release_marked";
    case HoldEventKind::StepUp: return "step_up";
    case HoldEventKind::Complete: return "complete";
    case HoldEventKind::Stopped: return "stopped";
    case HoldEventKind::OverLimit: return "over_limit";
    case HoldEventKind::TimeLimit: return "time_limit";
    }
    return "unknown";
}

ConfigCheck HoldConfig::validate() const {
    ConfigCheck band_check = band.validate();
    if (!band_check.ok()) return band_check;
    HoldTimerConfig timer{hold_s, grace_s};
    ConfigCheck timer_check = timer.validate();
    if (!timer_check.ok()) return timer_check;
    if (hold_until_release && max_step_ups < 1)
        return ConfigCheck::bad("max_step_ups", "a hold until release needs at least one step-up");
    if (!(max_hold_s > 0.0)) return ConfigCheck::bad("max_hold_s", "must be above 0 s");
    if (!(step_up_min_kpa > 0.0))
        return ConfigCheck::bad("step_up_min_kpa", "the step-up rise must be above 0 kPa");
    if (!(step_up_settle_s > 0.0))
        return ConfigCheck::bad("step_up_settle_s", "the settle time must be above 0 s");
    return release.validate();
}

HoldConfig hold_config_for(const Prescription& prescription, const PressureBand& band) {
    HoldConfig config;
    config.band = band;
    config.hold_s = prescription.hold_s;
    config.grace_s = prescription.grace_s;
    config.hold_until_release = prescription.hold_until_release;
    config.max_step_ups = prescription.step_ups;
    if (prescription.hold_until_release) config.max_hold_s = prescription.hold_s;
    return config;
}

HoldEngine::HoldEngine(HoldConfig config)
    : config_(std::move(config)), timer_(HoldTimerConfig{config_.hold_s, config_.grace_s}),
      detector_(config_.release) {}

bool HoldEngine::finished() const {
    return state_ == HoldState::Complete || state_ == HoldState::Stopped ||
           state_ == HoldState::OverLimit || state_ == HoldState::TimeLimit;
}

double HoldEngine::remaining_s() const {
    if (finished()) return 0.0;
    if (!config_.hold_until_release) return timer_.remaining_s();
    return std::max(0.0, config_.max_hold_s - since_start_s());
}

// The maximum of a hold until release is on the session clock: time without signal counts.
double HoldEngine::since_start_s() const {
    return timer_.elapsed_s() + timer_.signal_lost_s();
}

int HoldEngine::step_ups_remaining() const {
    if (config_.max_step_ups <= 0) return 0;
    return std::max(0, config_.max_step_ups - static_cast<int>(step_ups_.size()));
}

void HoldEngine::emit(HoldEventKind kind, double t_s, double pressure_kpa) {
    events_.push_back({kind, t_s, pressure_kpa});
}

std::vector<HoldEvent> HoldEngine::take_events() {
    std::vector<HoldEvent> out;
    out.swap(events_);
    return out;
}

void HoldEngine::feed(const Sample& sample) {
    if (finished()) return;
    const BandState previous = band_state_;
    band_state_ = config_.band.classify(sample.pressure_kpa);

    if (state_ == HoldState::WaitingForBand) {
        // Safety first: the limit ends the hold even before it began.
        if (band_state_ == BandState::OverLimit) {
            end(HoldState::OverLimit, HoldEventKind::OverLimit, sample.t_s, sample.pressure_kpa);
            return;
        }
        if (band_state_ != BandState::InBand) return;
        state_ = HoldState::Holding;
        emit(HoldEventKind::Started, sample.t_s, sample.pressure_kpa);
        emit(HoldEventKind::EnteredBand, sample.t_s, sample.pressure_kpa);
    } else {
        if (band_state_ == BandState::InBand && previous != BandState::InBand)
            emit(HoldEventKind::EnteredBand, sample.t_s, sample.pressure_kpa);
        if (band_state_ != BandState::InBand && previous == BandState::InBand)
            emit(HoldEventKind::LeftBand, sample.t_s, sample.pressure_kpa);
        if (band_state_ == BandState::Above && previous != BandState::Above)
            emit(HoldEventKind::Overshoot, sample.t_s, sample.pressure_kpa);
    }

    trace_.push_back(sample);
    timer_.update(sample.t_s, band_state_,
                  gaps_.gap_before(sample.t_s, (sample.flags & kGapBefore) != 0));
    recent_.push_back(sample);
    recent_sum_kpa_ += sample.pressure_kpa;
    while (sample.t_s - recent_.front().t_s > kSmoothingS) {
        recent_sum_kpa_ -= recent_.front().pressure_kpa;
        recent_.pop_front();
    }

    if (band_state_ == BandState::OverLimit) {
        end(HoldState::OverLimit, HoldEventKind::OverLimit, sample.t_s, sample.pressure_kpa);
        return;
    }
    // Once the prescribed step-ups are made there is nothing more to prompt for.
    const bool wants_step_ups =
        config_.max_step_ups <= 0 || static_cast<int>(step_ups_.size()) < config_.max_step_ups;
    if (config_.detect_release && (wants_step_ups || prompt_active_)) {
        const bool released = detector_.add(sample.t_s, sample.force_n);
        if (released && !prompt_active_) {
            prompt_active_ = true;
            rising_ = false;
            pending_ = StepUp{};
            pending_.t_prompt_s = sample.t_s;
            pending_.before_kpa = recent_sum_kpa_ / static_cast<double>(recent_.size());
            release_detections_s_.push_back(sample.t_s);
            emit(HoldEventKind::ReleaseDetected, sample.t_s, sample.pressure_kpa);
        } else if (prompt_active_) {
            track_step_up(sample);
        }
    }

    if (!config_.hold_until_release) {
        if (timer_.complete())
            end(HoldState::Complete, HoldEventKind::Complete, sample.t_s, sample.pressure_kpa);
        return;
    }
    if (static_cast<int>(step_ups_.size()) >= config_.max_step_ups) {
        end(HoldState::Complete, HoldEventKind::Complete, sample.t_s, sample.pressure_kpa);
    } else if (since_start_s() >= config_.max_hold_s) {
        end(HoldState::TimeLimit, HoldEventKind::TimeLimit, sample.t_s, sample.pressure_kpa);
    }
}

void HoldEngine::track_step_up(const Sample& sample) {
    const double smoothed_kpa = recent_sum_kpa_ / static_cast<double>(recent_.size());
    if (!rising_) {
        if (smoothed_kpa < pending_.before_kpa + config_.step_up_min_kpa) return;
        rising_ = true;
        rise_peak_kpa_ = smoothed_kpa;
        rise_peak_t_s_ = sample.t_s;
        return;
    }
    if (smoothed_kpa > rise_peak_kpa_ + kRiseEpsilonKpa) {
        rise_peak_kpa_ = smoothed_kpa;
        rise_peak_t_s_ = sample.t_s;
        return;
    }
    if (sample.t_s - rise_peak_t_s_ < config_.step_up_settle_s) return;
    // The slack has been taken up: log it and watch for the next release from here.
    pending_.t_s = sample.t_s;
    pending_.after_kpa = rise_peak_kpa_;
    step_ups_.push_back(pending_);
    emit(HoldEventKind::StepUp, sample.t_s, rise_peak_kpa_);
    prompt_active_ = false;
    rising_ = false;
    detector_.rearm(sample.t_s);
}

bool HoldEngine::mark_release_felt(double t_s) {
    if (state_ != HoldState::Holding) return false;
    release_marks_s_.push_back(t_s);
    const double pressure_kpa = trace_.empty() ? 0.0 : trace_.back().pressure_kpa;
    emit(HoldEventKind::ReleaseMarked, t_s, pressure_kpa);
    return true;
}

void HoldEngine::stop(double t_s) {
    if (finished()) return;
    const double pressure_kpa = trace_.empty() ? 0.0 : trace_.back().pressure_kpa;
    end(HoldState::Stopped, HoldEventKind::Stopped, t_s, pressure_kpa);
}

void HoldEngine::end(HoldState final_state, HoldEventKind kind, double t_s, double pressure_kpa) {
    state_ = final_state;
    prompt_active_ = false;
    emit(kind, t_s, pressure_kpa);
}

DoseMetrics HoldEngine::metrics() const {
    return measure_dose(trace_, config_.band, config_.grace_s, static_cast<int>(step_ups_.size()));
}

std::vector<double> detect_releases(const HoldConfig& config, const std::vector<Sample>& trace) {
    HoldEngine engine(config);
    for (const Sample& sample : trace) {
        if (engine.finished()) break;
        engine.feed(sample);
    }
    return engine.release_detections_s();
}

} // namespace algocore::protocols
