#include <gtest/gtest.h>

#include "algocore/protocols/BuiltinMdc.h"
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

// One wording of the verdict for people; the CLI history, the report and both pages print it.
TEST(SiteComparison, EveryVerdictHasOneWordingForPeople) {
    EXPECT_STREQ(verdict_words(ChangeVerdict::Increased), "real increase");
    EXPECT_STREQ(verdict_words(ChangeVerdict::Decreased), "real decrease");
    EXPECT_STREQ(verdict_words(ChangeVerdict::NoDetectableChange), "no real change");
}

// One built-in MDC table: the cited values for the two sites Walton et al. 2011 measured, and
// an estimate (said so) for the others; the site library takes its values from it.
TEST(BuiltinMdc, TheCitedSitesCarryThePublishedValues) {
    ASSERT_TRUE(builtin_mdc_of("upper_trapezius"));
    EXPECT_EQ(builtin_mdc_of("upper_trapezius")->mdc_kpa, 47.2);
    EXPECT_STREQ(builtin_mdc_of("upper_trapezius")->source, "Walton et al. 2011");
    ASSERT_TRUE(builtin_mdc_of("tibialis_anterior"));
    EXPECT_EQ(builtin_mdc_of("tibialis_anterior")->mdc_kpa, 97.9);
    EXPECT_STREQ(builtin_mdc_of("tibialis_anterior")->source, "Walton et al. 2011");
    EXPECT_STREQ(builtin_mdc_of("masseter")->source, "estimate");
    EXPECT_FALSE(builtin_mdc_of("Upper trapezius")); // keys, not names
    EXPECT_FALSE(builtin_mdc_of("my_point"));
    EXPECT_EQ(kFallbackMdcKpa, 50.0);
}
