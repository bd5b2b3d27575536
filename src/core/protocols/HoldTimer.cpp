#include "algocore/protocols/HoldTimer.h"

#include <cmath>

namespace algocore::protocols {

namespace {
// Tolerance for accumulated floating-point sums of sample intervals.
constexpr double kTimeEpsilonS = 1e-9;

bool is_above(BandState state) {
    return state == BandState::Above || state == BandState::OverLimit;
}
} // namespace

ConfigCheck HoldTimerConfig::validate() const {
    if (!(hold_s > 0.0) || !std::isfinite(hold_s))
        return ConfigCheck::bad("hold_s", "the hold time must be a positive number of seconds");
    if (!(grace_s >= 0.0) || !std::isfinite(grace_s))
        return ConfigCheck::bad("grace_s",
                                "the grace must be zero or a positive number of seconds");
    if (grace_s >= hold_s)
        return ConfigCheck::bad("grace_s", "the grace must be shorter than the hold time");
    return ConfigCheck::good();
}

HoldTimer::HoldTimer(HoldTimerConfig config) : config_(config) {}

void HoldTimer::reset() {
    *this = HoldTimer(config_);
}

void HoldTimer::update(double t_s, BandState state, bool gap_before) {
    if (started_ && gap_before && t_s > session_t_s_) signal_lost_s_ += t_s - session_t_s_;
    if (!started_ || t_s > session_t_s_) session_t_s_ = t_s;
    t_s -= signal_lost_s_; // the hold's clock: every stretch without signal cut out
    if (!started_) {
        // The hold begins at the first entry into the band; nothing before counts.
        if (state != BandState::InBand) return;
        started_ = true;
        start_t_s_ = t_s;
        last_t_s_ = t_s;
        last_state_ = state;
        return;
    }
    if (t_s < last_t_s_) t_s = last_t_s_; // never let a stray sample count time backwards
    // The interval since the previous sample belongs to the previous sample's state.
    if (last_state_ == BandState::InBand) in_band_s_ += t_s - last_t_s_;

    if (state == BandState::InBand) {
        if (in_excursion()) close_excursion(t_s);
    } else {
        if (!in_excursion()) {
            out_since_s_ = t_s;
            excursion_counted_ = false;
            excursion_over_limit_ = false;
            above_now_ = false;
        }
        if (is_above(state) && !above_now_) ++overshoots_;
        above_now_ = is_above(state);
        if (state == BandState::OverLimit) excursion_over_limit_ = true;
        const bool beyond_grace = t_s - out_since_s_ > config_.grace_s + kTimeEpsilonS;
        if (!excursion_counted_ && (beyond_grace || excursion_over_limit_)) {
            ++excursions_;
            excursion_counted_ = true;
        }
    }
    last_t_s_ = t_s;
    last_state_ = state;
}

void HoldTimer::close_excursion(double t_s) {
    const double out_s = t_s - out_since_s_;
    // A tremor-level excursion is credited back whole; a longer one (or any touch of the
    // over-pressure limit) is not, and counts as an excursion.
    if (out_s <= config_.grace_s + kTimeEpsilonS && !excursion_over_limit_) {
        in_band_s_ += out_s;
    } else if (!excursion_counted_) {
        ++excursions_;
    }
    out_since_s_ = -1.0;
    excursion_counted_ = false;
    excursion_over_limit_ = false;
    above_now_ = false;
}

bool HoldTimer::complete() const {
    return in_band_s_ + kTimeEpsilonS >= config_.hold_s;
}

bool HoldTimer::in_grace() const {
    return in_excursion() && !excursion_over_limit_ &&
           last_t_s_ - out_since_s_ <= config_.grace_s + kTimeEpsilonS;
}

double HoldTimer::elapsed_s() const {
    return started_ ? last_t_s_ - start_t_s_ : 0.0;
}

double HoldTimer::remaining_s() const {
    const double left = config_.hold_s - in_band_s_;
    return left > 0.0 ? left : 0.0;
}

} // namespace algocore::protocols
