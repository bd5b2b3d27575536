// Student-t critical values for the "is the next term significant?" test of the recommended
// degree. For integer degrees of freedom the two-sided probability P(|T| < t) has a closed
// form as a finite trigonometric series (Abramowitz & Stegun 26.7.3–26.7.4), so no
// incomplete-beta approximation is needed; the quantile follows by bisection.
#include "algocal/PolynomialFit.h"

#include <cmath>
#include <numbers>

namespace algocal {
namespace {

double two_sided_probability(double t, int dof) {
    const double theta = std::atan(t / std::sqrt(static_cast<double>(dof)));
    const double s = std::sin(theta);
    const double c2 = std::cos(theta) * std::cos(theta);
    if (dof % 2 == 0) {
        double term = 1.0;
        double sum = 1.0;
        for (int k = 2; k <= dof - 2; k += 2) {
            term *= c2 * (k - 1) / k;
            sum += term;
        }
        return s * sum;
    }
    if (dof == 1) return 2.0 / std::numbers::pi * theta;
    const double c = std::cos(theta);
    double term = c;
    double sum = c;
    for (int k = 3; k <= dof - 2; k += 2) {
        term *= c2 * (k - 1) / k;
        sum += term;
    }
    return 2.0 / std::numbers::pi * (theta + s * sum);
}

} // namespace

double student_t_critical(double confidence, int dof) {
    if (dof < 1 || !(confidence > 0.0 && confidence < 1.0)) return std::nan("");
    double low = 0.0;
    double high = 1.0;
    while (two_sided_probability(high, dof) < confidence)
        high *= 2.0;
    for (int i = 0; i < 200 && high - low > 1e-12 * high; ++i) {
        const double mid = 0.5 * (low + high);
        (two_sided_probability(mid, dof) < confidence ? low : high) = mid;
    }
    return 0.5 * (low + high);
}

} // namespace algocal
