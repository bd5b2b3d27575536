// The F and t distributions against R's qf, pf and qt, including fractional degrees of freedom.
#include <gtest/gtest.h>

#include <cmath>

#include "GoldenCsv.h"
#include "algocore/analysis/FDistribution.h"

namespace {

using namespace algocore::analysis;

double relative_error(double got, double want) {
    return std::fabs(got - want) / std::max(std::fabs(want), 1e-300);
}

TEST(FDistribution, QuantilesMatchRsQfToSevenDigits) {
    // R's own qf is the looser side in the far lower tail with df1 = 1: in R,
    // pf(qf(0.001, 1, 200), 1, 200) - 0.001 = 4.3e-12, a relative error of 8.6e-9 in q.
    const auto rows = golden::read_rows("r_f_distribution.csv");
    ASSERT_EQ(rows.size(), 100u);
    for (const auto& row : rows) {
        const double p = row.number("p"), df1 = row.number("df1"), df2 = row.number("df2");
        EXPECT_LT(relative_error(f_quantile(p, df1, df2), row.number("q")), 1e-7)
            << "qf(" << p << ", " << df1 << ", " << df2 << ")";
    }
}

TEST(FDistribution, TailsMatchRsPfToTenDigits) {
    for (const auto& row : golden::read_rows("r_f_distribution.csv")) {
        const double df1 = row.number("df1"), df2 = row.number("df2");
        EXPECT_LT(relative_error(f_upper_tail(2.0, df1, df2), row.number("upper_tail_at_2")),
                  1e-10);
        EXPECT_LT(relative_error(f_cdf(0.5, df1, df2), row.number("cdf_at_0_5")), 1e-10);
    }
}

TEST(FDistribution, TwoSidedTQuantileMatchesRsQt) {
    for (const auto& row : golden::read_rows("r_f_distribution.csv"))
        EXPECT_LT(relative_error(t_two_sided_quantile(0.95, row.number("df2")), row.number("t975")),
                  1e-10);
}

TEST(FDistribution, QuantileInvertsTheCdf) {
    for (double p : {1e-6, 0.05, 0.5, 0.95, 1 - 1e-6}) {
        const double q = f_quantile(p, 4.0, 33.5);
        EXPECT_NEAR(f_cdf(q, 4.0, 33.5), p, 1e-12);
    }
}

TEST(FDistribution, TinyUpperTailsKeepTheirPrecision) {
    // P(F(14, 28) > 60.09568276) from psych's p for the three-operator data set: 4.17e-17,
    // far below what 1 - cdf could show.
    EXPECT_LT(relative_error(f_upper_tail(60.09568276, 14, 28), 4.172902592e-17), 1e-6);
}

TEST(FDistribution, BadArgumentsGiveNaN) {
    EXPECT_TRUE(std::isnan(f_quantile(0.0, 1, 1)));
    EXPECT_TRUE(std::isnan(f_quantile(0.5, -1, 1)));
    EXPECT_TRUE(std::isnan(regularized_incomplete_beta(0.5, 0.0, 1.0)));
}

} // namespace
