#include "algosim/LoadCell.h"

#include <gtest/gtest.h>

#include <cmath>

namespace {

using algosim::LoadCell;
using algosim::LoadCellSpec;

TEST(LoadCell, FourHundredKpaOnOneSquareCentimetreIsFortyNewtonsAndAbout320000Counts) {
    LoadCell cell(LoadCellSpec{}, 1);
    const double force_n = algosim::force_n_from_pressure(400.0, 1.0);
    EXPECT_DOUBLE_EQ(force_n, 40.0);
    const auto reading = cell.convert(force_n);
    EXPECT_FALSE(reading.saturated);
    EXPECT_NEAR(reading.counts, 21500 + 8000 * 40, 200);
    EXPECT_NEAR(algosim::pressure_kpa_from_force(cell.force_n_from_counts(reading.counts), 1.0),
                400.0, 0.25);
}

TEST(LoadCell, SmallerProbeGivesHigherPressureForTheSameForce) {
    EXPECT_DOUBLE_EQ(algosim::pressure_kpa_from_force(10.0, 0.5), 200.0);
    EXPECT_DOUBLE_EQ(algosim::force_n_from_pressure(200.0, 0.5), 10.0);
}

TEST(LoadCell, NoiseHasTheConfiguredRmsAndNoBias) {
    LoadCell cell(LoadCellSpec{}, 3);
    const int n = 20000;
    double sum = 0, sum_squares = 0;
    for (int i = 0; i < n; ++i) {
        const double deviation = cell.convert(0.0).counts - 21500.0;
        sum += deviation;
        sum_squares += deviation * deviation;
    }
    const double mean = sum / n;
    EXPECT_NEAR(mean, 0.0, 1.0);
    EXPECT_NEAR(std::sqrt(sum_squares / n - mean * mean), 30.0, 1.0);
}

TEST(LoadCell, ClipsAndFlagsSaturationAtTheAdcLimits) {
    LoadCellSpec spec;
    spec.max_counts = 500000; // a front end that saturates at about 59 N
    LoadCell cell(spec, 1);
    const auto high = cell.convert(100.0);
    EXPECT_TRUE(high.saturated);
    EXPECT_EQ(high.counts, 500000);
    const auto huge_pull = cell.convert(-5000.0);
    EXPECT_TRUE(huge_pull.saturated);
    EXPECT_EQ(huge_pull.counts, -8388608);
    EXPECT_FALSE(cell.convert(50.0).saturated);
}

TEST(LoadCell, TheSameSeedGivesTheSameCounts) {
    LoadCell a(LoadCellSpec{}, 9), b(LoadCellSpec{}, 9), c(LoadCellSpec{}, 10);
    bool differs = false;
    for (int i = 0; i < 100; ++i) {
        const auto ca = a.convert(12.5).counts;
        EXPECT_EQ(ca, b.convert(12.5).counts);
        differs = differs || ca != c.convert(12.5).counts;
    }
    EXPECT_TRUE(differs);
}

} // namespace
