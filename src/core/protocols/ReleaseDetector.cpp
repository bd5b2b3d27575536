#include "algocore/protocols/ReleaseDetector.h"

#include <cmath>

namespace algocore::protocols {

namespace {
// The window must be this full before a slope is trusted.
constexpr double kMinWindowFill = 0.8;
// Re-anchor the running sums when times drift this many windows from the anchor.
constexpr double kReanchorWindows = 10.0;
} // namespace

ConfigCheck ReleaseDetectorConfig::validate() const {
    if (!(window_s > 0.0)) return ConfigCheck::bad("window_s", "the window must be above 0 s");
    if (!(min_fall_pct_per_s > 0.0))
        return ConfigCheck::bad("min_fall_pct_per_s", "the minimum fall rate must be above 0");
    if (!(max_fall_pct_per_s > min_fall_pct_per_s))
        return ConfigCheck::bad("max_fall_pct_per_s",
                                "the maximum fall rate must be above the minimum");
    if (!(min_drop_pct > 0.0))
        return ConfigCheck::bad("min_drop_pct", "the minimum drop must be above 0 %");
    if (!(reference_s >= window_s))
        return ConfigCheck::bad("reference_s", "the reference span must be at least the window");
    if (!(confirm_s >= 0.0))
        return ConfigCheck::bad("confirm_s", "the confirmation time must be 0 s or more");
    if (!(refractory_s >= 0.0))
        return ConfigCheck::bad("refractory_s", "the refractory time must be 0 s or more");
    if (!(min_force_n >= 0.0))
        return ConfigCheck::bad("min_force_n", "the minimum force must be 0 N or more");
    return ConfigCheck::good();
}

ReleaseDetector::ReleaseDetector(ReleaseDetectorConfig config) : config_(config) {}

void ReleaseDetector::reset() {
    *this = ReleaseDetector(config_);
}

void ReleaseDetector::rearm(double t_s) {
    // The new level after a step-up is the new reference; the rise itself is not a baseline.
    window_.clear();
    levels_.clear();
    rebuild_sums();
    slope_pct_per_s_.reset();
    drop_pct_.reset();
    level_n_.reset();
    quiet_until_s_ = t_s;
    unloading_until_s_ = -1e300;
    candidate_since_s_ = -1.0;
}

void ReleaseDetector::rebuild_sums() {
    anchor_t_s_ = window_.empty() ? 0.0 : window_.front().t_s;
    sum_t_ = sum_f_ = sum_tt_ = sum_tf_ = 0.0;
    for (const Point& p : window_) {
        const double t = p.t_s - anchor_t_s_;
        sum_t_ += t;
        sum_f_ += p.force_n;
        sum_tt_ += t * t;
        sum_tf_ += t * p.force_n;
    }
}

bool ReleaseDetector::add(double t_s, double force_n) {
    if (window_.empty()) anchor_t_s_ = t_s;
    window_.push_back({t_s, force_n});
    const double t_new = t_s - anchor_t_s_;
    sum_t_ += t_new;
    sum_f_ += force_n;
    sum_tt_ += t_new * t_new;
    sum_tf_ += t_new * force_n;
    bool removed = false;
    while (t_s - window_.front().t_s > config_.window_s) {
        const Point& old = window_.front();
        const double t = old.t_s - anchor_t_s_;
        sum_t_ -= t;
        sum_f_ -= old.force_n;
        sum_tt_ -= t * t;
        sum_tf_ -= t * old.force_n;
        window_.pop_front();
        removed = true;
    }
    if (removed && t_s - anchor_t_s_ > kReanchorWindows * config_.window_s) rebuild_sums();

    slope_pct_per_s_.reset();
    drop_pct_.reset();
    level_n_.reset();
    const double n = static_cast<double>(window_.size());
    if (window_.size() < 3 || t_s - window_.front().t_s < kMinWindowFill * config_.window_s)
        return false;
    const double mean_t = sum_t_ / n;
    const double mean_f = sum_f_ / n;
    const double sxx = sum_tt_ - n * mean_t * mean_t;
    if (sxx <= 0.0 || mean_f < config_.min_force_n) return false;
    const double slope_n_per_s = (sum_tf_ - n * mean_t * mean_f) / sxx;
    // The fitted line at the newest sample follows a slow fall without the half-window lag
    // of the mean, so a release is seen sooner.
    const double fitted_now_n = mean_f + slope_n_per_s * (t_s - anchor_t_s_ - mean_t);
    level_n_ = mean_f;
    slope_pct_per_s_ = 100.0 * slope_n_per_s / mean_f;

    // A fall steeper than a release is the therapist easing off on purpose: forget the old
    // reference and judge only what comes after it has left the window.
    if (-*slope_pct_per_s_ > config_.max_fall_pct_per_s)
        unloading_until_s_ = t_s + config_.window_s;
    if (t_s < unloading_until_s_) {
        levels_.clear();
        candidate_since_s_ = -1.0;
        return false;
    }
    // Reference: highest window mean over the last reference_s (monotonic deque).
    while (!levels_.empty() && levels_.back().level_n <= mean_f)
        levels_.pop_back();
    levels_.push_back({t_s, mean_f});
    while (t_s - levels_.front().t_s > config_.reference_s)
        levels_.pop_front();
    const double reference_n = levels_.front().level_n;
    drop_pct_ = 100.0 * (reference_n - fitted_now_n) / reference_n;

    const double fall = -*slope_pct_per_s_;
    const bool looks_released =
        fall >= config_.min_fall_pct_per_s && *drop_pct_ >= config_.min_drop_pct;
    if (!looks_released) {
        candidate_since_s_ = -1.0;
        return false;
    }
    if (candidate_since_s_ < 0.0) candidate_since_s_ = t_s;
    if (t_s < quiet_until_s_ || t_s - candidate_since_s_ < config_.confirm_s) return false;
    quiet_until_s_ = t_s + config_.refractory_s;
    candidate_since_s_ = -1.0;
    return true;
}

} // namespace algocore::protocols
