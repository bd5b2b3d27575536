#include <gtest/gtest.h>

#include "algocore/protocols/SiteComparison.h"

using namespace algocore::protocols;

TEST(SiteComparison, LeftRightDifferenceIsAbsoluteAndRelativeToTheMeanOfBothSides) {
    const SideDifference d = compare_sides(300.0, 400.0);
    EXPECT_DOUBLE_EQ(d.difference_kpa, -100.0);
    EXPECT_DOUBLE_EQ(d.abs_difference_kpa, 100.0);
    EXPECT_NEAR(d.difference_pct, 100.0 * 100.0 / 350.0, 1e-12);
    EXPECT_EQ(d.lower_side, 'L');
    EXPECT_EQ(compare_sides(400.0, 300.0).lower_side, 'R');
    EXPECT_EQ(compare_sides(300.0, 300.0).lower_side, '=');
    EXPECT_DOUBLE_EQ(compare_sides(0.0, 0.0).difference_pct, 0.0);
}

TEST(SiteComparison, AChangeLargerThanTheMdcIsReportedWithItsDirection) {
    const ThresholdChange up = judge_change(300.0, 360.0, 47.2);
    EXPECT_EQ(up.verdict, ChangeVerdict::Increased);
    EXPECT_DOUBLE_EQ(up.change_kpa, 60.0);
    EXPECT_DOUBLE_EQ(up.change_pct, 20.0);
    EXPECT_EQ(judge_change(300.0, 250.0, 47.2).verdict, ChangeVerdict::Decreased);
}

TEST(SiteComparison, AChangeWithinTheMdcIsNotADetectableChange) {
    EXPECT_EQ(judge_change(300.0, 340.0, 47.2).verdict, ChangeVerdict::NoDetectableChange);
    EXPECT_EQ(judge_change(300.0, 350.0, 50.0).verdict, ChangeVerdict::NoDetectableChange);
    EXPECT_STREQ(to_string(ChangeVerdict::NoDetectableChange), "no_detectable_change");
}

TEST(MdcTable, HasLiteratureDefaultsPerSiteAndAFallback) {
    MdcTable table;
    EXPECT_DOUBLE_EQ(table.mdc_kpa("Upper Trapezius"), 47.2);
    EXPECT_DOUBLE_EQ(table.mdc_kpa("tibialis anterior"), 97.9);
    EXPECT_DOUBLE_EQ(table.mdc_kpa("masseter"), table.fallback_kpa());
    table.set("Masseter", 30.0);
    EXPECT_DOUBLE_EQ(table.mdc_kpa("masseter"), 30.0);
    EXPECT_TRUE(table.has_site("MASSETER"));
    EXPECT_FALSE(MdcTable::empty(40.0).has_site("upper trapezius"));
    EXPECT_DOUBLE_EQ(MdcTable::empty(40.0).mdc_kpa("upper trapezius"), 40.0);
}
