#include <cmath>
#include <cstdio>

#include "algocal/CalibrationAnalysis.h"

namespace algocal {
namespace {

// A fit counts as exact when its residual SD is this small relative to the spread of y; the
// t-test of the next term is then 0/0 and meaningless.
constexpr double kExactFitRelativeSd = 1e-12;
constexpr double kSignificance = 0.95;

std::string sentence(const char* format, int a, double b, double c, int d) {
    char text[240];
    std::snprintf(text, sizeof text, format, a, b, c, d);
    return text;
}

} // namespace

DegreeRecommendation recommend_degree(std::span<const double> x, std::span<const double> y) {
    DegreeRecommendation out;
    double y_min = y.empty() ? 0.0 : y[0], y_max = y_min;
    for (double v : y)
        y_min = std::min(y_min, v), y_max = std::max(y_max, v);
    const double y_span = std::max(y_max - y_min, 1e-300);

    for (int degree = kMinFitDegree; degree <= kMaxFitDegree; ++degree) {
        const FitResult current = fit_polynomial(x, y, degree);
        if (!current.ok()) {
            out.degree = std::max(kMinFitDegree, degree - 1);
            out.reason = "degree " + std::to_string(out.degree) +
                         ": the points cannot support a higher degree (" + current.message + ")";
            return out;
        }
        out.degree = degree;
        if (current.fit.residual_sd <= kExactFitRelativeSd * y_span) {
            out.reason = "degree " + std::to_string(degree) + ": it fits the points exactly";
            return out;
        }
        if (degree == kMaxFitDegree) break;
        const FitResult next = fit_polynomial(x, y, degree + 1);
        if (!next.ok()) {
            out.reason = "degree " + std::to_string(degree) +
                         ": too few points to test a higher degree (" + next.message + ")";
            return out;
        }
        const int dof = static_cast<int>(next.fit.n) - (degree + 2);
        if (dof < 1) {
            out.reason =
                "degree " + std::to_string(degree) + ": too few points to test the next term";
            return out;
        }
        const double t = std::abs(next.fit.coefficients.back()) / next.fit.std_errors.back();
        const double critical = student_t_critical(kSignificance, dof);
        if (!(t >= critical)) {
            out.reason = sentence("degree %d: the next term is not significant (|t| = %.3g < "
                                  "%.3g, 95 %%, %d degrees of freedom)",
                                  degree, t, critical, dof);
            return out;
        }
    }
    out.reason = "degree 5: every term up to x^5 is significant at 95 % (the highest degree "
                 "ASTM E74 allows)";
    return out;
}

} // namespace algocal
