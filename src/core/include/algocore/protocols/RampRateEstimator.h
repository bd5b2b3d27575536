#pragma once
// Smoothed rate of pressure application for the ramp gauge: slope of a least-squares line
// over the last window_s of samples (robust to 8-12 Hz tremor, unlike a finite difference).
#include <deque>
#include <optional>

#include "algocore/protocols/ConfigCheck.h"

namespace algocore::protocols {

/// Window of the regression.
struct RampRateConfig {
    double window_s = 0.75;
    ConfigCheck validate() const;
};

/// Rolling least-squares slope of pressure over time, kPa/s.
class RampRateEstimator {
public:
    explicit RampRateEstimator(RampRateConfig config = {});

    /// Adds a sample (t_s must not decrease); drops samples older than the window.
    void add(double t_s, double pressure_kpa);
    void reset();

    /// Slope in kPa/s, once at least 3 samples spanning half the window are present.
    std::optional<double> rate_kpa_s() const;

private:
    struct Point {
        double t_s;
        double pressure_kpa;
    };
    RampRateConfig config_;
    std::deque<Point> points_;
};

/// Least-squares slope (units of y per unit of x) of paired values; nullopt when fewer than
/// 2 points or all x equal.
std::optional<double> least_squares_slope(const double* x, const double* y, std::size_t n);

} // namespace algocore::protocols
