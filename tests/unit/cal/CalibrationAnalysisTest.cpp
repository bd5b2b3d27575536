#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "algocal/CalibrationAnalysis.h"

namespace {

using algocal::CalibrationPoint;
using algocal::ForceUnit;
using algocal::LoadDirection;

constexpr double kOffsetCounts = 500.0;
constexpr double kCountsPerNewton = 1000.0;
constexpr double kHysteresisCounts = 40.0;
constexpr double kRun2ShiftCounts = 60.0;

CalibrationPoint point(double load_n, double reading, LoadDirection direction, int run) {
    return {load_n, ForceUnit::kNewton, reading, direction, run};
}

// Two runs, 0–500 N in 100 N steps, up then down. Descending readings sit 40 counts above
// ascending ones; run 2 reads 60 counts higher under load; the zero after unloading is 25
// counts (run 1) and 10 counts (run 2) above the starting zero.
std::vector<CalibrationPoint> constructed_two_run_calibration() {
    std::vector<CalibrationPoint> points;
    for (int run = 1; run <= 2; ++run) {
        const double shift = run == 2 ? kRun2ShiftCounts : 0.0;
        for (int step = 0; step <= 5; ++step) {
            const double load = 100.0 * step;
            const double reading = kOffsetCounts + kCountsPerNewton * load + (step ? shift : 0);
            points.push_back(point(load, reading, LoadDirection::kAscending, run));
        }
        for (int step = 4; step >= 0; --step) {
            const double load = 100.0 * step;
            const double reading =
                step ? kOffsetCounts + kCountsPerNewton * load + shift + kHysteresisCounts
                     : kOffsetCounts + (run == 1 ? 25.0 : 10.0);
            points.push_back(point(load, reading, LoadDirection::kDescending, run));
        }
    }
    return points;
}

TEST(CalibrationStatistics, HysteresisRepeatabilityZeroReturnAndNonlinearityOnConstructedData) {
    const auto points = constructed_two_run_calibration();
    const auto analysis = algocal::analyse_calibration(points, 1);
    ASSERT_TRUE(analysis.ok) << analysis.message;
    const auto& s = analysis.statistics;
    EXPECT_NEAR(s.full_scale_reading, 500000.0, 100.0);
    EXPECT_DOUBLE_EQ(s.full_scale_load_n, 500.0);
    ASSERT_TRUE(s.has_hysteresis);
    EXPECT_NEAR(s.hysteresis_percent_fs, 100.0 * kHysteresisCounts / s.full_scale_reading, 1e-9);
    ASSERT_TRUE(s.has_repeatability);
    EXPECT_NEAR(s.repeatability_percent_fs, 100.0 * kRun2ShiftCounts / s.full_scale_reading, 1e-9);
    ASSERT_TRUE(s.has_zero_return);
    EXPECT_NEAR(s.zero_return_percent_fs, 100.0 * 25.0 / s.full_scale_reading, 1e-9);
    // Ascending means are 500 + 1000 L + 30 (L > 0) and 500 at zero; the terminal line is
    // 500 + 1000.06 L, so the largest deviation is 30 - 0.06 × 100 = 24 counts at 100 N.
    EXPECT_NEAR(s.max_nonlinearity_percent_fs, 100.0 * 24.0 / s.full_scale_reading, 1e-9);
}

TEST(CalibrationStatistics, LowerLimitFactorIsTwoPointFourResidualSd) {
    const auto points = constructed_two_run_calibration();
    const auto analysis = algocal::analyse_calibration(points, 1);
    const auto& s = analysis.statistics;
    EXPECT_DOUBLE_EQ(s.lower_limit_factor, 2.4 * analysis.fit.residual_sd);
    const double counts_per_newton = s.full_scale_reading / 500.0;
    EXPECT_NEAR(s.lower_limit_factor_n, s.lower_limit_factor / counts_per_newton, 1e-12);
    EXPECT_NEAR(s.lower_force_limit_class_a_n, 400.0 * s.lower_limit_factor_n, 1e-9);
    EXPECT_NEAR(s.lower_force_limit_class_aa_n, 2000.0 * s.lower_limit_factor_n, 1e-9);
}

TEST(CalibrationStatistics, SingleAscendingRunHasNoHysteresisOrRepeatability) {
    std::vector<CalibrationPoint> points;
    for (int step = 0; step <= 5; ++step)
        points.push_back(point(20.0 * step, 3.0 * step, LoadDirection::kAscending, 1));
    const auto analysis = algocal::analyse_calibration(points, 1);
    ASSERT_TRUE(analysis.ok);
    EXPECT_FALSE(analysis.statistics.has_hysteresis);
    EXPECT_FALSE(analysis.statistics.has_repeatability);
    EXPECT_FALSE(analysis.statistics.has_zero_return);
    EXPECT_NEAR(analysis.statistics.max_nonlinearity_percent_fs, 0.0, 1e-12);
}

TEST(CalibrationStatistics, LoadsInKgfAndNewtonsAreTheSameLoad) {
    // 10 kgf entered in kgf and the same load entered as 98.0665 N share one load level.
    std::vector<CalibrationPoint> points{
        {0.0, ForceUnit::kKilogramForce, 0.0, LoadDirection::kAscending, 1},
        {10.0, ForceUnit::kKilogramForce, 1000.0, LoadDirection::kAscending, 1},
        {20.0, ForceUnit::kKilogramForce, 2000.0, LoadDirection::kAscending, 1},
        {98.0665, ForceUnit::kNewton, 1010.0, LoadDirection::kDescending, 1},
        {0.0, ForceUnit::kNewton, 0.0, LoadDirection::kDescending, 1},
    };
    const auto analysis = algocal::analyse_calibration(points, 1);
    ASSERT_TRUE(analysis.ok) << analysis.message;
    ASSERT_TRUE(analysis.statistics.has_hysteresis);
    EXPECT_NEAR(analysis.statistics.hysteresis_percent_fs,
                100.0 * 10.0 / analysis.statistics.full_scale_reading, 1e-9);
}

// Deterministic, uncorrelated-looking noise in [-0.5, 0.5) (fractional part of a fast-varying
// sine), so the tests do not depend on a random generator's implementation.
double pseudo_noise(int i) {
    const double v = std::sin(12.9898 * i + 78.233) * 43758.5453;
    return v - std::floor(v) - 0.5;
}

TEST(DegreeRecommendation, ChoosesLinearForNoisyStraightLine) {
    std::vector<double> x, y;
    for (int i = 0; i < 21; ++i) {
        x.push_back(10.0 * i);
        y.push_back(3.0 + 2.0 * x.back() + pseudo_noise(i));
    }
    const auto recommendation = algocal::recommend_degree(x, y);
    EXPECT_EQ(recommendation.degree, 1) << recommendation.reason;
    EXPECT_NE(recommendation.reason.find("not significant"), std::string::npos);
}

TEST(DegreeRecommendation, ChoosesQuadraticWhenCurvatureIsWellAboveNoise) {
    std::vector<double> x, y;
    for (int i = 0; i < 21; ++i) {
        x.push_back(10.0 * i);
        y.push_back(3.0 + 2.0 * x.back() - 0.002 * x.back() * x.back() + pseudo_noise(i));
    }
    const auto recommendation = algocal::recommend_degree(x, y);
    EXPECT_EQ(recommendation.degree, 2) << recommendation.reason;
}

TEST(DegreeRecommendation, ExactCubicIsRecognisedAsExact) {
    std::vector<double> x, y;
    for (int i = 0; i < 12; ++i) {
        x.push_back(i);
        y.push_back(1.0 + i - 0.5 * i * i + 0.01 * i * i * i);
    }
    const auto recommendation = algocal::recommend_degree(x, y);
    EXPECT_EQ(recommendation.degree, 3) << recommendation.reason;
    EXPECT_NE(recommendation.reason.find("exactly"), std::string::npos);
}

TEST(Tolerance, PassesWithinAndFailsBeyondTheAllowedPercentOfFullScale) {
    std::vector<CalibrationPoint> points;
    for (int step = 0; step <= 5; ++step)
        points.push_back(point(100.0 * step, 1000.0 * 100.0 * step + (step == 3 ? 300.0 : 0.0),
                               LoadDirection::kAscending, 1));
    const auto analysis = algocal::analyse_calibration(points, 1);
    ASSERT_TRUE(analysis.ok);
    const auto loose = algocal::check_tolerance(points, analysis.fit, {0.1});
    const auto tight = algocal::check_tolerance(points, analysis.fit, {0.01});
    EXPECT_TRUE(loose.pass) << loose.summary;
    EXPECT_FALSE(tight.pass) << tight.summary;
    EXPECT_EQ(tight.worst_point, 3u);
    ASSERT_EQ(tight.error_n.size(), points.size());
    EXPECT_NE(tight.summary.find("FAIL"), std::string::npos);
}

TEST(CalibrationAnalysis, RefusesNonMonotonicFit) {
    std::vector<CalibrationPoint> points;
    for (int step = 0; step <= 6; ++step) {
        const double load = 10.0 * step;
        points.push_back(point(load, -(load - 30.0) * (load - 30.0), LoadDirection::kAscending, 1));
    }
    const auto analysis = algocal::analyse_calibration(points, 2);
    EXPECT_FALSE(analysis.ok);
    EXPECT_FALSE(analysis.monotonic);
    EXPECT_NE(analysis.message.find("not monotonic"), std::string::npos);
}

} // namespace
