// Bland & Altman (1986) peak expiratory flow, Wright vs mini Wright meter, first readings of
// 17 subjects: the paper's mean difference -2.1 l/min, SD 38.8 and limits -79.7 to 75.5 (it
// used bias +/- 2 SD, from the rounded bias and SD), and the 95 % limits (1.96 SD) with their
// intervals from R.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "GoldenCsv.h"
#include "algocore/analysis/BlandAltman.h"
#include "algocore/analysis/ReliabilityCsv.h"

namespace {

using namespace algocore::analysis;

ReliabilityTable peak_flow() {
    std::ifstream in(golden::data_path("bland_altman_1986_pefr.csv"));
    const ReliabilityTableResult read = read_reliability_table(in, "bland_altman_1986_pefr.csv");
    EXPECT_TRUE(read.ok) << read.error;
    return read.table;
}

double round_to(double x, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(x * scale) / scale;
}

TEST(BlandAltman, PeakFlowReproducesThePublishedBiasSdAndTwoSdLimits) {
    const BlandAltman ba = bland_altman(peak_flow(), 0, 1, 2.0);
    EXPECT_EQ(ba.first_rater, "wright");
    EXPECT_EQ(ba.second_rater, "mini");
    EXPECT_EQ(ba.n, 17);
    EXPECT_EQ(round_to(ba.bias, 1), -2.1);
    EXPECT_EQ(round_to(ba.sd, 1), 38.8);
    // The paper's limits are -2.1 -/+ 2 x 38.8; unrounded they are -79.65 and 75.41.
    EXPECT_EQ(round_to(round_to(ba.bias, 1) - 2.0 * round_to(ba.sd, 1), 1), -79.7);
    EXPECT_EQ(round_to(round_to(ba.bias, 1) + 2.0 * round_to(ba.sd, 1), 1), 75.5);
    EXPECT_NEAR(ba.loa_low, -79.7, 0.06);
    EXPECT_NEAR(ba.loa_high, 75.5, 0.1);
}

TEST(BlandAltman, NinetyFivePercentLimitsAndIntervalsMatchRToFourDecimals) {
    // R: mean(d), sd(d), qt(0.975, 16), SE(bias) = sd/sqrt(n), SE(limit) = sqrt(3 sd^2 / n).
    const BlandAltman ba = bland_altman(peak_flow(), 0, 1);
    EXPECT_NEAR(ba.bias, -2.117647059, 1e-4);
    EXPECT_NEAR(ba.sd, 38.76512987, 1e-4);
    EXPECT_NEAR(ba.loa_low, -78.09730161, 1e-4);
    EXPECT_NEAR(ba.loa_high, 73.86200749, 1e-4);
    EXPECT_NEAR(ba.bias_ci.low, -22.04883770, 1e-4);
    EXPECT_NEAR(ba.bias_ci.high, 17.81354358, 1e-4);
    EXPECT_NEAR(ba.loa_low_ci.low, -112.6191365, 1e-4);
    EXPECT_NEAR(ba.loa_high_ci.high, 108.3838423, 1e-4);
}

TEST(BlandAltman, EachPointIsTheMeanAndTheFirstMinusSecond) {
    const BlandAltman ba = bland_altman(peak_flow(), 0, 1);
    ASSERT_EQ(ba.points.size(), 17u);
    EXPECT_EQ(ba.points[0].subject, "P01");
    EXPECT_EQ(ba.points[0].mean, 503.0);       // (494 + 512) / 2
    EXPECT_EQ(ba.points[0].difference, -18.0); // 494 - 512
}

TEST(BlandAltman, SwappingThePairNegatesBiasAndMirrorsTheLimits) {
    const BlandAltman ab = bland_altman(peak_flow(), 0, 1);
    const BlandAltman ba = bland_altman(peak_flow(), 1, 0);
    EXPECT_DOUBLE_EQ(ba.bias, -ab.bias);
    EXPECT_DOUBLE_EQ(ba.sd, ab.sd);
    EXPECT_DOUBLE_EQ(ba.loa_low, -ab.loa_high);
}

} // namespace
