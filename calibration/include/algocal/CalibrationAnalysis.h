#pragma once
// From calibration points to a verdict: fit of reading against applied load, statistics,
// recommended degree and pass/fail against a tolerance. This is the whole computation behind
// the GUI wizard and `algoscope-cli calibrate`; the wizard only collects the points.
#include <span>
#include <string>
#include <vector>

#include "algocal/CalibrationRecord.h"
#include "algocal/CalibrationStatistics.h"
#include "algocal/PolynomialFit.h"

namespace algocal {

/// The lowest adequate degree and why.
struct DegreeRecommendation {
    int degree = 1;
    std::string reason;
};

/// Lowest degree d in 1..5 whose next term (x^(d+1) in a degree d+1 fit) is not significant
/// at 95 % (two-sided t-test); capped where the points cannot support a higher degree.
DegreeRecommendation recommend_degree(std::span<const double> x, std::span<const double> y);

/// Statistics of `points` against `fit` (reading as a polynomial in applied load, N).
CalibrationStatistics compute_statistics(std::span<const CalibrationPoint> points,
                                         const PolynomialFit& fit);

/// Everything the wizard shows after the last point.
struct CalibrationAnalysis {
    bool ok = false;
    std::string message; ///< why not ok (fit refused, not monotonic)
    PolynomialFit fit;   ///< reading = p(load_n)
    CalibrationStatistics statistics;
    bool monotonic = false; ///< the fit can be inverted over the calibrated range
};

/// Fits `points` at `degree` (0 = use the recommended degree) and computes the statistics.
CalibrationAnalysis analyse_calibration(std::span<const CalibrationPoint> points, int degree);

/// Allowed error of the calibrated force at the calibration points.
struct Tolerance {
    double max_error_percent_fs = 1.0; ///< of the largest applied load
};

/// Pass/fail of a calibration: the force the fit gives back for each point's reading
/// against the load actually applied.
struct ToleranceVerdict {
    bool pass = false;
    std::vector<double> error_n; ///< per point: force from reading - applied load
    double worst_error_n = 0.0;  ///< signed, largest magnitude
    double worst_error_percent_fs = 0.0;
    std::size_t worst_point = 0; ///< index into points
    std::string summary;         ///< one sentence for the user
};
ToleranceVerdict check_tolerance(std::span<const CalibrationPoint> points, const PolynomialFit& fit,
                                 const Tolerance& tolerance);

/// Applied loads (N) and readings of `points`, in order, for fit_polynomial.
void split_points(std::span<const CalibrationPoint> points, std::vector<double>& load_n,
                  std::vector<double>& reading);

} // namespace algocal
