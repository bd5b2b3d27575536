#pragma once
// Load from reading: the calibration fits reading = p(load) (as ASTM E74 does); using the
// device needs the inverse. Built once per record (checks monotonicity over the calibrated
// range), then each inversion is a few safeguarded Newton steps with no allocation.
#include <array>

#include "algocal/CalibrationRecord.h"
#include "algocal/PolynomialFit.h"

namespace algocal {

/// Inverse of a monotonic calibration polynomial over its calibrated load range.
class FitInverter {
public:
    FitInverter() = default;
    explicit FitInverter(const PolynomialFit& fit);

    /// False when the fit is missing, non-finite or not strictly monotonic over its range.
    bool usable() const { return usable_; }
    /// Load in newtons for `reading`; see force_from_reading.
    ForceFromReading invert(double reading) const;

private:
    double evaluate(double load_n) const;
    double derivative(double load_n) const;

    std::array<double, kMaxFitDegree + 1> coefficients_{};
    int degree_ = 0;
    double load_min_n_ = 0.0;
    double load_max_n_ = 0.0;
    double reading_at_min_ = 0.0;
    double reading_at_max_ = 0.0;
    double slope_at_min_ = 0.0;
    double slope_at_max_ = 0.0;
    bool increasing_ = true;
    bool usable_ = false;
};

} // namespace algocal
