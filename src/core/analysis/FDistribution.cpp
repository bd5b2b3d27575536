#include "algocore/analysis/FDistribution.h"

#include <cmath>
#include <limits>

namespace algocore::analysis {

namespace {

constexpr double kRelativeTolerance = 1e-15;
constexpr int kMaxFractionTerms = 100000;
constexpr int kMaxBisections = 2000;
constexpr double kTiny = 1e-300;

// The continued fraction of I_x(a, b) (DLMF 8.17.22), evaluated by the modified Lentz
// method. It converges fast for x < (a + 1) / (a + b + 2); the caller uses the symmetry
// I_x(a, b) = 1 - I_{1-x}(b, a) otherwise.
double beta_fraction(double x, double a, double b) {
    double c = 1.0;
    double d = 1.0 - (a + b) * x / (a + 1.0);
    if (std::fabs(d) < kTiny) d = kTiny;
    d = 1.0 / d;
    double result = d;
    for (int m = 1; m <= kMaxFractionTerms; ++m) {
        const double dm = static_cast<double>(m);
        // Even step: d_{2m} = m (b - m) x / ((a + 2m - 1)(a + 2m)).
        const double even = dm * (b - dm) * x / ((a + 2.0 * dm - 1.0) * (a + 2.0 * dm));
        d = 1.0 + even * d;
        if (std::fabs(d) < kTiny) d = kTiny;
        c = 1.0 + even / c;
        if (std::fabs(c) < kTiny) c = kTiny;
        d = 1.0 / d;
        result *= d * c;
        // Odd step: d_{2m+1} = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)).
        const double odd = -(a + dm) * (a + b + dm) * x / ((a + 2.0 * dm) * (a + 2.0 * dm + 1.0));
        d = 1.0 + odd * d;
        if (std::fabs(d) < kTiny) d = kTiny;
        c = 1.0 + odd / c;
        if (std::fabs(c) < kTiny) c = kTiny;
        d = 1.0 / d;
        const double step = d * c;
        result *= step;
        if (std::fabs(step - 1.0) < kRelativeTolerance) break;
    }
    return result;
}

// x^a (1-x)^b / (a B(a, b)), in logs so large degrees of freedom do not overflow.
double beta_prefactor(double x, double a, double b) {
    const double log_beta = std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b);
    return std::exp(a * std::log(x) + b * std::log1p(-x) - log_beta) / a;
}

// Finds y in [0, 1] with g(y) = target for an increasing g, by bisection to full precision.
// Bisection is slow but cannot fail; the intervals need a handful of quantiles at most.
template <typename Increasing> double solve_increasing(Increasing g, double target) {
    double low = 0.0;
    double high = 1.0;
    for (int i = 0; i < kMaxBisections; ++i) {
        const double mid = 0.5 * (low + high);
        if (mid <= low || mid >= high) break;
        if (g(mid) < target)
            low = mid;
        else
            high = mid;
        if (high - low <= kRelativeTolerance * 0.1 * high) break;
    }
    return 0.5 * (low + high);
}

} // namespace

double regularized_incomplete_beta(double x, double a, double b) {
    if (!(a > 0.0) || !(b > 0.0) || std::isnan(x)) return std::numeric_limits<double>::quiet_NaN();
    if (x <= 0.0) return 0.0;
    if (x >= 1.0) return 1.0;
    if (x < (a + 1.0) / (a + b + 2.0)) return beta_prefactor(x, a, b) * beta_fraction(x, a, b);
    return 1.0 - beta_prefactor(1.0 - x, b, a) * beta_fraction(1.0 - x, b, a);
}

double f_cdf(double f, double df1, double df2) {
    if (std::isnan(f)) return f;
    if (f <= 0.0) return 0.0;
    if (std::isinf(f)) return 1.0;
    return regularized_incomplete_beta(df1 * f / (df1 * f + df2), 0.5 * df1, 0.5 * df2);
}

double f_upper_tail(double f, double df1, double df2) {
    if (std::isnan(f)) return f;
    if (f <= 0.0) return 1.0;
    if (std::isinf(f)) return 0.0;
    // P(F > f) = I_{df2/(df2 + df1 f)}(df2/2, df1/2): no cancellation against 1.
    return regularized_incomplete_beta(df2 / (df2 + df1 * f), 0.5 * df2, 0.5 * df1);
}

double f_quantile(double probability, double df1, double df2) {
    if (!(probability > 0.0) || !(probability < 1.0) || !(df1 > 0.0) || !(df2 > 0.0))
        return std::numeric_limits<double>::quiet_NaN();
    const double a = 0.5 * df1;
    const double b = 0.5 * df2;
    // Lower quantiles are found on y = df1 f / (df1 f + df2), upper ones on its complement
    // z = 1 - y, so the variable solved for is near 0 (where bisection is precise) either way.
    if (probability <= 0.5) {
        const double y = solve_increasing(
            [&](double t) { return regularized_incomplete_beta(t, a, b); }, probability);
        return df2 * y / (df1 * (1.0 - y));
    }
    const double z = solve_increasing(
        [&](double t) { return regularized_incomplete_beta(t, b, a); }, 1.0 - probability);
    return df2 * (1.0 - z) / (df1 * z);
}

double t_two_sided_quantile(double confidence, double df) {
    // T^2 with df degrees of freedom is F(1, df), so the two-sided t quantile is a square root.
    return std::sqrt(f_quantile(confidence, 1.0, df));
}

} // namespace algocore::analysis
