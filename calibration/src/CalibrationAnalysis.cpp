#include "algocal/CalibrationAnalysis.h"

#include <cmath>
#include <cstdio>

#include "algocal/FitInverter.h"

namespace algocal {

void split_points(std::span<const CalibrationPoint> points, std::vector<double>& load_n,
                  std::vector<double>& reading) {
    load_n.clear();
    reading.clear();
    for (const CalibrationPoint& p : points) {
        load_n.push_back(p.applied_load_n());
        reading.push_back(p.reading);
    }
}

CalibrationAnalysis analyse_calibration(std::span<const CalibrationPoint> points, int degree) {
    CalibrationAnalysis analysis;
    std::vector<double> load_n;
    std::vector<double> reading;
    split_points(points, load_n, reading);
    const DegreeRecommendation recommendation = recommend_degree(load_n, reading);
    const int chosen = degree == 0 ? recommendation.degree : degree;
    FitResult result = fit_polynomial(load_n, reading, chosen, {});
    if (!result.ok()) {
        analysis.message = "calibration fit refused: " + result.message;
        return analysis;
    }
    analysis.fit = std::move(result.fit);
    analysis.statistics = compute_statistics(points, analysis.fit);
    analysis.statistics.recommended_degree = recommendation.degree;
    analysis.statistics.recommendation_reason = recommendation.reason;
    analysis.monotonic = fit_is_monotonic(analysis.fit);
    if (!analysis.monotonic) {
        analysis.message = "the degree-" + std::to_string(chosen) +
                           " fit is not monotonic over the calibrated range, so a reading "
                           "would not map to one force; use a lower degree or check the points";
        return analysis;
    }
    analysis.ok = true;
    return analysis;
}

ToleranceVerdict check_tolerance(std::span<const CalibrationPoint> points, const PolynomialFit& fit,
                                 const Tolerance& tolerance) {
    ToleranceVerdict verdict;
    const FitInverter inverter(fit);
    if (!inverter.usable()) {
        verdict.summary = "FAIL: the fit cannot be inverted over the calibrated range";
        return verdict;
    }
    const double full_scale_n = fit.x_max;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double error_n =
            inverter.invert(points[i].reading).force_n - points[i].applied_load_n();
        verdict.error_n.push_back(error_n);
        if (std::abs(error_n) > std::abs(verdict.worst_error_n) || i == 0) {
            verdict.worst_error_n = error_n;
            verdict.worst_point = i;
        }
    }
    verdict.worst_error_percent_fs =
        full_scale_n > 0.0 ? 100.0 * std::abs(verdict.worst_error_n) / full_scale_n : 0.0;
    verdict.pass =
        !points.empty() && verdict.worst_error_percent_fs <= tolerance.max_error_percent_fs;
    char text[240];
    std::snprintf(text, sizeof text,
                  "%s: worst error %+.4g N (%.3g %% of full scale %.4g N) at point %zu; "
                  "tolerance %.3g %% FS",
                  verdict.pass ? "PASS" : "FAIL", verdict.worst_error_n,
                  verdict.worst_error_percent_fs, full_scale_n, verdict.worst_point + 1,
                  tolerance.max_error_percent_fs);
    verdict.summary = text;
    return verdict;
}

} // namespace algocal
