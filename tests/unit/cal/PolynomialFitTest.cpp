#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "algocal/PolynomialFit.h"

namespace {

using algocal::fit_polynomial;
using algocal::FitStatus;

std::vector<double> evaluate_all(const std::vector<double>& coefficients,
                                 const std::vector<double>& x) {
    std::vector<double> y;
    for (double xi : x) {
        double value = 0.0;
        for (std::size_t k = coefficients.size(); k-- > 0;)
            value = value * xi + coefficients[k];
        y.push_back(value);
    }
    return y;
}

TEST(PolynomialFit, RecoversExactPolynomialsOfEveryDegree) {
    const std::vector<double> truth{2.5, -1.25, 0.5, 0.03125, -0.0078125, 0.001953125};
    std::vector<double> x;
    for (int i = 0; i <= 30; ++i)
        x.push_back(-3.0 + 0.25 * i);
    for (int degree = 1; degree <= 5; ++degree) {
        const std::vector<double> c(truth.begin(), truth.begin() + degree + 1);
        const auto result = fit_polynomial(x, evaluate_all(c, x), degree);
        ASSERT_TRUE(result.ok()) << result.message;
        for (int k = 0; k <= degree; ++k)
            EXPECT_NEAR(result.fit.coefficients[k], c[k], 1e-13 * std::abs(c[k]))
                << "degree " << degree << " coefficient " << k;
        EXPECT_LT(result.fit.residual_sd, 1e-13);
        EXPECT_DOUBLE_EQ(result.fit.r_squared, 1.0);
    }
}

TEST(PolynomialFit, RecoversLoadCellCurveAtCountsScaleFarFromOrigin) {
    // A 24-bit ADC: readings of ~8 million counts at a 500 N full scale with a small
    // quadratic term; x is far from 0 relative to its span (ill-conditioned raw basis).
    const std::vector<double> c{8.0e6, 1.6e4, -2.5e-1};
    std::vector<double> x;
    for (int i = 0; i <= 20; ++i)
        x.push_back(1000.0 + 0.5 * i);
    const auto result = fit_polynomial(x, evaluate_all(c, x), 2);
    ASSERT_TRUE(result.ok());
    for (int k = 0; k <= 2; ++k)
        EXPECT_NEAR(result.fit.coefficients[k], c[k], 1e-6 * std::abs(c[k])) << k;
}

TEST(PolynomialFit, RecoversQuinticOnOffsetXWhereRawVandermondeIsIllConditioned) {
    // x = 10..30: the raw power-basis normal equations have a condition number near 1e21,
    // far beyond double precision; y are exact integers.
    const std::vector<double> c{1.0, 1.0, 1.0, 1.0, 1.0, 1.0};
    std::vector<double> x;
    for (int i = 10; i <= 30; ++i)
        x.push_back(i);
    const auto result = fit_polynomial(x, evaluate_all(c, x), 5);
    ASSERT_TRUE(result.ok());
    for (int k = 0; k <= 5; ++k)
        EXPECT_NEAR(result.fit.coefficients[k], 1.0, 1e-7) << k;
}

TEST(PolynomialFit, ReproducesTheCurveFarFromTheOriginEvenWhereTheInterceptIsIllPosed) {
    // x = 100..120: c0 is an extrapolation to x = 0, ~1e8 times more sensitive than the data,
    // so it is only good to ~1e-4 in any 64-bit arithmetic; the curve itself is exact.
    const std::vector<double> c{1.0, 1.0, 1.0, 1.0, 1.0, 1.0};
    std::vector<double> x;
    for (int i = 0; i <= 20; ++i)
        x.push_back(100.0 + i);
    const std::vector<double> y = evaluate_all(c, x);
    const auto result = fit_polynomial(x, y, 5);
    ASSERT_TRUE(result.ok());
    for (std::size_t i = 0; i < x.size(); ++i)
        EXPECT_NEAR(result.fit.evaluate(x[i]), y[i], 1e-11 * y[i]) << x[i];
    EXPECT_NEAR(result.fit.coefficients[5], 1.0, 1e-12);
    EXPECT_NEAR(result.fit.coefficients[0], 1.0, 1e-2);
}

TEST(PolynomialFit, WeightsPullTheLineTowardHeavilyWeightedPoints) {
    const std::vector<double> x{0, 1, 2, 3};
    const std::vector<double> y{0, 1, 2, 10};
    const std::vector<double> heavy_first_three{1e6, 1e6, 1e6, 1.0};
    const auto weighted = fit_polynomial(x, y, 1, heavy_first_three);
    const auto plain = fit_polynomial(x, y, 1);
    ASSERT_TRUE(weighted.ok());
    EXPECT_NEAR(weighted.fit.coefficients[1], 1.0, 1e-4);
    EXPECT_GT(plain.fit.coefficients[1], 2.5);
}

TEST(PolynomialFit, EqualWeightsGiveTheUnweightedFit) {
    const std::vector<double> x{0, 1, 2, 3, 4};
    const std::vector<double> y{0.1, 0.9, 2.2, 2.8, 4.1};
    const std::vector<double> threes(5, 3.0);
    const auto weighted = fit_polynomial(x, y, 1, threes);
    const auto plain = fit_polynomial(x, y, 1);
    EXPECT_NEAR(weighted.fit.coefficients[1], plain.fit.coefficients[1], 1e-14);
    // Weights are relative: scaling them all leaves the standard errors unchanged.
    EXPECT_NEAR(weighted.fit.std_errors[1], plain.fit.std_errors[1], 1e-14);
}

TEST(PolynomialFit, LineThroughKnownPointsHasHandComputedStatistics) {
    // y = 1 + 2x with residuals +0.1, -0.1, -0.1, +0.1 at x = 0..3: hand-computed slope 2,
    // intercept 1, SSR 0.04, residual SD sqrt(0.04 / 2).
    const std::vector<double> x{0, 1, 2, 3};
    const std::vector<double> y{1.1, 2.9, 4.9, 7.1};
    const auto result = fit_polynomial(x, y, 1);
    ASSERT_TRUE(result.ok());
    EXPECT_NEAR(result.fit.coefficients[0], 1.0, 1e-14);
    EXPECT_NEAR(result.fit.coefficients[1], 2.0, 1e-14);
    EXPECT_NEAR(result.fit.residual_sd, std::sqrt(0.02), 1e-14);
    EXPECT_NEAR(result.fit.residuals[0], 0.1, 1e-14);
    EXPECT_NEAR(result.fit.residuals[1], -0.1, 1e-14);
    // se(slope) = s / sqrt(Σ(x - x̄)²) = sqrt(0.02 / 5)
    EXPECT_NEAR(result.fit.std_errors[1], std::sqrt(0.02 / 5.0), 1e-14);
    EXPECT_DOUBLE_EQ(result.fit.x_min, 0.0);
    EXPECT_DOUBLE_EQ(result.fit.x_max, 3.0);
}

TEST(PolynomialFit, RefusesDegreeOutsideOneToFive) {
    const std::vector<double> x{0, 1, 2, 3, 4, 5, 6, 7};
    EXPECT_EQ(fit_polynomial(x, x, 0).status, FitStatus::kDegreeOutOfRange);
    EXPECT_EQ(fit_polynomial(x, x, 6).status, FitStatus::kDegreeOutOfRange);
}

TEST(PolynomialFit, RefusesTooFewPointsNamingHowManyAreNeeded) {
    const std::vector<double> x{0, 1, 2};
    const auto result = fit_polynomial(x, x, 2);
    EXPECT_EQ(result.status, FitStatus::kTooFewPoints);
    EXPECT_NE(result.message.find("at least 4 points"), std::string::npos) << result.message;
}

TEST(PolynomialFit, RefusesConstantX) {
    const std::vector<double> x(6, 3.0);
    const std::vector<double> y{1, 2, 3, 4, 5, 6};
    EXPECT_EQ(fit_polynomial(x, y, 1).status, FitStatus::kConstantX);
}

TEST(PolynomialFit, RefusesTooFewDistinctX) {
    const std::vector<double> x{1, 1, 2, 2, 2, 1};
    const std::vector<double> y{1, 2, 3, 4, 5, 6};
    EXPECT_EQ(fit_polynomial(x, y, 2).status, FitStatus::kTooFewDistinctX);
}

TEST(PolynomialFit, RefusesNonFiniteValuesMismatchedSizesAndBadWeights) {
    const std::vector<double> x{0, 1, 2, 3};
    const std::vector<double> y_nan{0, std::numeric_limits<double>::quiet_NaN(), 2, 3};
    EXPECT_EQ(fit_polynomial(x, y_nan, 1).status, FitStatus::kNonFiniteInput);
    const std::vector<double> short_y{0, 1, 2};
    EXPECT_EQ(fit_polynomial(x, short_y, 1).status, FitStatus::kSizeMismatch);
    const std::vector<double> zero_weight{1, 0, 1, 1};
    EXPECT_EQ(fit_polynomial(x, x, 1, zero_weight).status, FitStatus::kBadWeight);
}

TEST(StudentT, CriticalValuesMatchTables) {
    EXPECT_NEAR(algocal::student_t_critical(0.95, 1), 12.7062, 1e-4);
    EXPECT_NEAR(algocal::student_t_critical(0.95, 2), 4.3027, 1e-4);
    EXPECT_NEAR(algocal::student_t_critical(0.95, 10), 2.2281, 1e-4);
    EXPECT_NEAR(algocal::student_t_critical(0.95, 30), 2.0423, 1e-4);
    EXPECT_NEAR(algocal::student_t_critical(0.99, 5), 4.0321, 1e-4);
}

} // namespace
