#include "algocal/FitInverter.h"

#include <algorithm>
#include <cmath>

namespace algocal {
namespace {

// Monotonicity is checked on a dense grid of the derivative plus the ends: a degree-5
// polynomial's derivative has at most 4 roots, and a sign change between grid points that
// close would need a turning point narrower than 1/kMonotonicGrid of the range.
constexpr int kMonotonicGrid = 4096;
constexpr int kMaxNewtonSteps = 60;

} // namespace

FitInverter::FitInverter(const PolynomialFit& fit) {
    if (fit.degree < 1 || fit.degree > kMaxFitDegree ||
        fit.coefficients.size() != static_cast<std::size_t>(fit.degree) + 1 ||
        !(fit.x_max > fit.x_min))
        return;
    for (double c : fit.coefficients)
        if (!std::isfinite(c)) return;
    degree_ = fit.degree;
    std::copy(fit.coefficients.begin(), fit.coefficients.end(), coefficients_.begin());
    load_min_n_ = fit.x_min;
    load_max_n_ = fit.x_max;
    reading_at_min_ = evaluate(load_min_n_);
    reading_at_max_ = evaluate(load_max_n_);
    increasing_ = reading_at_max_ > reading_at_min_;
    if (reading_at_max_ == reading_at_min_) return;
    for (int i = 0; i <= kMonotonicGrid; ++i) {
        const double load = load_min_n_ + (load_max_n_ - load_min_n_) * i / kMonotonicGrid;
        const double slope = derivative(load);
        if (increasing_ ? !(slope > 0.0) : !(slope < 0.0)) return;
    }
    slope_at_min_ = derivative(load_min_n_);
    slope_at_max_ = derivative(load_max_n_);
    usable_ = true;
}

double FitInverter::evaluate(double load_n) const {
    double reading = 0.0;
    for (int k = degree_; k >= 0; --k)
        reading = reading * load_n + coefficients_[k];
    return reading;
}

double FitInverter::derivative(double load_n) const {
    double slope = 0.0;
    for (int k = degree_; k >= 1; --k)
        slope = slope * load_n + k * coefficients_[k];
    return slope;
}

ForceFromReading FitInverter::invert(double reading) const {
    ForceFromReading out;
    if (!usable_ || !std::isfinite(reading)) return out;
    out.ok = true;
    const double low_reading = std::min(reading_at_min_, reading_at_max_);
    const double high_reading = std::max(reading_at_min_, reading_at_max_);
    if (reading < low_reading || reading > high_reading) {
        // Outside the calibrated range: continue along the end tangent and say so.
        const bool below_min_load = increasing_ ? reading < low_reading : reading > high_reading;
        out.force_n = below_min_load ? load_min_n_ + (reading - reading_at_min_) / slope_at_min_
                                     : load_max_n_ + (reading - reading_at_max_) / slope_at_max_;
        return out;
    }
    out.in_range = true;
    // Newton steps kept inside a shrinking bracket; a step leaving it becomes a bisection.
    double low = load_min_n_;
    double high = load_max_n_;
    double load =
        low + (high - low) * (reading - reading_at_min_) / (reading_at_max_ - reading_at_min_);
    for (int step = 0; step < kMaxNewtonSteps; ++step) {
        const double error = evaluate(load) - reading;
        if (error == 0.0) break;
        if ((error > 0.0) == increasing_)
            high = load;
        else
            low = load;
        double next = load - error / derivative(load);
        if (!(next > low && next < high)) next = 0.5 * (low + high);
        if (std::abs(next - load) <= 4e-16 * std::max(1.0, std::abs(load))) {
            load = next;
            break;
        }
        load = next;
    }
    out.force_n = load;
    return out;
}

} // namespace algocal
