#include "algocore/protocols/RampRateEstimator.h"

#include <cmath>
#include <vector>

namespace algocore::protocols {

ConfigCheck RampRateConfig::validate() const {
    if (!(window_s > 0.0) || !std::isfinite(window_s))
        return ConfigCheck::bad("window_s", "the rate window must be a positive number of seconds");
    return ConfigCheck::good();
}

std::optional<double> least_squares_slope(const double* x, const double* y, std::size_t n) {
    if (n < 2) return std::nullopt;
    // Centre on the means first: times can be large (hours into a session) and the
    // uncentred normal equations would lose most of their digits.
    double mean_x = 0.0;
    double mean_y = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        mean_x += x[i];
        mean_y += y[i];
    }
    mean_x /= static_cast<double>(n);
    mean_y /= static_cast<double>(n);
    double sxx = 0.0;
    double sxy = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double dx = x[i] - mean_x;
        sxx += dx * dx;
        sxy += dx * (y[i] - mean_y);
    }
    if (sxx <= 0.0) return std::nullopt;
    return sxy / sxx;
}

RampRateEstimator::RampRateEstimator(RampRateConfig config) : config_(config) {}

void RampRateEstimator::add(double t_s, double pressure_kpa) {
    points_.push_back({t_s, pressure_kpa});
    while (!points_.empty() && t_s - points_.front().t_s > config_.window_s)
        points_.pop_front();
}

void RampRateEstimator::reset() {
    points_.clear();
}

std::optional<double> RampRateEstimator::rate_kpa_s() const {
    if (points_.size() < 3) return std::nullopt;
    if (points_.back().t_s - points_.front().t_s < 0.5 * config_.window_s) return std::nullopt;
    std::vector<double> t(points_.size());
    std::vector<double> p(points_.size());
    for (std::size_t i = 0; i < points_.size(); ++i) {
        t[i] = points_[i].t_s;
        p[i] = points_[i].pressure_kpa;
    }
    return least_squares_slope(t.data(), p.data(), t.size());
}

} // namespace algocore::protocols
