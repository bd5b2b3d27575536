#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "algocal/CalibrationRecord.h"
#include "algocal/FitInverter.h"

namespace {

algocal::PolynomialFit fit_of(std::vector<double> coefficients, double x_min, double x_max) {
    algocal::PolynomialFit fit;
    fit.degree = static_cast<int>(coefficients.size()) - 1;
    fit.coefficients = std::move(coefficients);
    fit.x_min = x_min;
    fit.x_max = x_max;
    return fit;
}

TEST(FitInverter, InvertsAQuadraticInsideTheRangeToRounding) {
    // reading = 100 + 50 L + 0.02 L², L in 0..200 N
    const algocal::FitInverter inverter(fit_of({100.0, 50.0, 0.02}, 0.0, 200.0));
    ASSERT_TRUE(inverter.usable());
    for (double load : {0.0, 0.5, 37.25, 123.0, 200.0}) {
        const double reading = 100.0 + 50.0 * load + 0.02 * load * load;
        const auto force = inverter.invert(reading);
        EXPECT_TRUE(force.ok);
        EXPECT_TRUE(force.in_range);
        EXPECT_NEAR(force.force_n, load, 1e-12 * std::max(1.0, load));
    }
}

TEST(FitInverter, FlagsReadingsOutsideTheCalibratedRangeAndExtendsAlongTheTangent) {
    const algocal::FitInverter inverter(fit_of({100.0, 50.0, 0.02}, 0.0, 200.0));
    const double reading_at_max = 100.0 + 50.0 * 200.0 + 0.02 * 200.0 * 200.0;
    const double slope_at_max = 50.0 + 2 * 0.02 * 200.0;
    const auto above = inverter.invert(reading_at_max + 58.0);
    EXPECT_TRUE(above.ok);
    EXPECT_FALSE(above.in_range);
    EXPECT_NEAR(above.force_n, 200.0 + 58.0 / slope_at_max, 1e-12);
    const auto below = inverter.invert(50.0);
    EXPECT_FALSE(below.in_range);
    EXPECT_NEAR(below.force_n, -1.0, 1e-12);
}

TEST(FitInverter, InvertsDecreasingFits) {
    const algocal::FitInverter inverter(fit_of({1000.0, -4.0}, 0.0, 100.0));
    ASSERT_TRUE(inverter.usable());
    const auto force = inverter.invert(800.0);
    EXPECT_TRUE(force.in_range);
    EXPECT_NEAR(force.force_n, 50.0, 1e-12);
}

TEST(FitInverter, RefusesFitsThatTurnBackInsideTheRange) {
    // Maximum at L = 50 inside 0..100: two loads give one reading.
    const algocal::FitInverter inverter(fit_of({0.0, 100.0, -1.0}, 0.0, 100.0));
    EXPECT_FALSE(inverter.usable());
    EXPECT_FALSE(inverter.invert(10.0).ok);
    EXPECT_FALSE(algocal::fit_is_monotonic(fit_of({0.0, 100.0, -1.0}, 0.0, 100.0)));
    EXPECT_TRUE(algocal::fit_is_monotonic(fit_of({0.0, 100.0, -1.0}, 0.0, 40.0)));
}

TEST(FitInverter, RefusesEmptyAndNonFiniteFits) {
    EXPECT_FALSE(algocal::FitInverter(algocal::PolynomialFit{}).usable());
    EXPECT_FALSE(
        algocal::FitInverter(fit_of({0.0, std::numeric_limits<double>::quiet_NaN()}, 0.0, 1.0))
            .usable());
    EXPECT_FALSE(algocal::FitInverter(fit_of({0.0, 1.0}, 1.0, 1.0)).usable());
}

TEST(ForceFromReading, UsesTheRecordFit) {
    algocal::CalibrationRecord record;
    record.fit = fit_of({-20.0, 2.0}, 0.0, 100.0);
    const auto force = algocal::force_from_reading(record, 80.0);
    EXPECT_TRUE(force.ok);
    EXPECT_TRUE(force.in_range);
    EXPECT_DOUBLE_EQ(force.force_n, 50.0);
}

} // namespace
