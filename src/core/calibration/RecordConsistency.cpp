#include "RecordConsistency.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "RecordProblem.h"
#include "algocal/CalibrationAnalysis.h"

namespace algocore {
namespace {

// Relative agreement required between the stored fit and a refit of the stored points,
// measured on the curve at the points as a fraction of the full-scale reading.
constexpr double kRefitAgreement = 1e-6;

std::string number_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", value);
    return text;
}

// `stored` must be `recomputed` to within the stated agreement; `scale` is the size of the
// quantity that counts as "large" for it.
void expect_agrees(const std::string& field, double stored, double recomputed, double scale) {
    const double allowed =
        kRecomputedRelativeAgreement * std::max(std::abs(stored), std::abs(recomputed)) +
        kRecomputedScaleAgreement * std::abs(scale);
    if (std::abs(stored - recomputed) <= allowed) return;
    refuse(field, "stored " + number_text(stored) + " but the points give " +
                      number_text(recomputed) +
                      " (they must agree to 1 part in a million); the record was altered or "
                      "damaged");
}

void expect_same(const std::string& field, bool stored, bool recomputed) {
    if (stored == recomputed) return;
    refuse(field, std::string("stored ") + (stored ? "true" : "false") + " but the points give " +
                      (recomputed ? "true" : "false") + "; the record was altered or damaged");
}

// The stored fit must be the fit of the stored points: catches altered numbers that are
// each plausible on their own.
algocal::PolynomialFit check_fit_matches_points(const algocal::CalibrationRecord& record) {
    std::vector<double> load_n, reading;
    algocal::split_points(record.points, load_n, reading);
    const auto [lo, hi] = std::minmax_element(load_n.begin(), load_n.end());
    const double load_tolerance = 1e-9 * std::max(1.0, std::abs(*hi));
    if (std::abs(*lo - record.fit.x_min) > load_tolerance)
        refuse("fit.load_min_n", "does not match the smallest applied load of the points");
    if (std::abs(*hi - record.fit.x_max) > load_tolerance)
        refuse("fit.load_max_n", "does not match the largest applied load of the points");
    algocal::FitResult refit = algocal::fit_polynomial(load_n, reading, record.fit.degree);
    if (!refit.ok()) refuse("points", "cannot be fitted: " + refit.message);
    const double span =
        std::abs(record.fit.evaluate(record.fit.x_max) - record.fit.evaluate(record.fit.x_min));
    for (std::size_t i = 0; i < load_n.size(); ++i) {
        const double difference =
            std::abs(record.fit.evaluate(load_n[i]) - refit.fit.evaluate(load_n[i]));
        if (!(difference <= kRefitAgreement * span))
            refuse("fit.coefficients", "do not match the points (the refit differs at point " +
                                           std::to_string(i + 1) +
                                           "); the record was altered or damaged");
    }
    if (!algocal::fit_is_monotonic(record.fit))
        refuse("fit.coefficients",
               "the fit is not monotonic over the calibrated range, so it cannot be inverted");
    return std::move(refit.fit);
}

// Standard errors, residual SD, R² and residuals are statistics of the fit: recomputed too.
void check_fit_statistics(const algocal::PolynomialFit& stored,
                          const algocal::PolynomialFit& refit) {
    const double reading_scale =
        std::abs(stored.evaluate(stored.x_max)) + std::abs(stored.evaluate(stored.x_min)) +
        std::abs(stored.evaluate(stored.x_max) - stored.evaluate(stored.x_min));
    const double load_scale = std::max(std::abs(stored.x_max), std::abs(stored.x_min));
    for (std::size_t k = 0; k < stored.std_errors.size(); ++k)
        expect_agrees("fit.std_errors[" + std::to_string(k) + "]", stored.std_errors[k],
                      refit.std_errors[k],
                      reading_scale / std::pow(std::max(load_scale, 1e-300), k));
    expect_agrees("fit.residual_sd", stored.residual_sd, refit.residual_sd, reading_scale);
    // R² sits next to 1, where a relative test says nothing: compare 1 - R².
    expect_agrees("fit.r_squared", 1.0 - stored.r_squared, 1.0 - refit.r_squared, 1e-3);
    for (std::size_t i = 0; i < stored.residuals.size(); ++i)
        expect_agrees("fit.residuals[" + std::to_string(i) + "]", stored.residuals[i],
                      refit.residuals[i], reading_scale);
}

void check_statistics(const algocal::CalibrationRecord& record) {
    const algocal::CalibrationStatistics& s = record.statistics;
    const algocal::CalibrationStatistics r = algocal::compute_statistics(record.points, record.fit);
    const std::string p = "statistics.";
    const double percent_scale = 100.0;
    const double reading_scale = std::max(r.full_scale_reading, 1e-300);
    const double load_scale = std::max(r.full_scale_load_n, 1e-300);
    expect_agrees(p + "full_scale_load_n", s.full_scale_load_n, r.full_scale_load_n, load_scale);
    expect_agrees(p + "full_scale_reading", s.full_scale_reading, r.full_scale_reading,
                  reading_scale);
    expect_agrees(p + "max_nonlinearity_percent_fs", s.max_nonlinearity_percent_fs,
                  r.max_nonlinearity_percent_fs, percent_scale);
    expect_same(p + "has_hysteresis", s.has_hysteresis, r.has_hysteresis);
    expect_agrees(p + "hysteresis_percent_fs", s.hysteresis_percent_fs, r.hysteresis_percent_fs,
                  percent_scale);
    expect_same(p + "has_repeatability", s.has_repeatability, r.has_repeatability);
    expect_agrees(p + "repeatability_percent_fs", s.repeatability_percent_fs,
                  r.repeatability_percent_fs, percent_scale);
    expect_same(p + "has_zero_return", s.has_zero_return, r.has_zero_return);
    expect_agrees(p + "zero_return_percent_fs", s.zero_return_percent_fs, r.zero_return_percent_fs,
                  percent_scale);
    expect_agrees(p + "lower_limit_factor", s.lower_limit_factor, r.lower_limit_factor,
                  reading_scale);
    expect_agrees(p + "lower_limit_factor_n", s.lower_limit_factor_n, r.lower_limit_factor_n,
                  load_scale);
    expect_agrees(p + "lower_force_limit_class_a_n", s.lower_force_limit_class_a_n,
                  r.lower_force_limit_class_a_n, load_scale);
    expect_agrees(p + "lower_force_limit_class_aa_n", s.lower_force_limit_class_aa_n,
                  r.lower_force_limit_class_aa_n, load_scale);

    std::vector<double> load_n, reading;
    algocal::split_points(record.points, load_n, reading);
    const algocal::DegreeRecommendation recommended = algocal::recommend_degree(load_n, reading);
    if (s.recommended_degree != recommended.degree)
        refuse(p + "recommended_degree",
               "stored " + std::to_string(s.recommended_degree) + " but the points give " +
                   std::to_string(recommended.degree) + "; the record was altered or damaged");
}

} // namespace

void check_record_consistency(const algocal::CalibrationRecord& record) {
    const algocal::PolynomialFit refit = check_fit_matches_points(record);
    check_fit_statistics(record.fit, refit);
    check_statistics(record);
}

} // namespace algocore
