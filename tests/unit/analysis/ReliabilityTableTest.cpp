// Building the subjects x raters table from tidy rows.
#include <gtest/gtest.h>

#include <cmath>

#include "algocore/analysis/ReliabilityAnalysis.h"
#include "algocore/analysis/ReliabilityTable.h"

namespace {

using namespace algocore::analysis;

TEST(ReliabilityTable, RatersAndSubjectsKeepTheOrderTheyFirstAppearIn) {
    const auto r = build_reliability_table({{"S2", "day 2", 11, 0},
                                            {"S2", "day 1", 10, 0},
                                            {"S1", "day 1", 20, 0},
                                            {"S1", "day 2", 22, 0}});
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.table.subjects, (std::vector<std::string>{"S2", "S1"}));
    EXPECT_EQ(r.table.raters, (std::vector<std::string>{"day 2", "day 1"}));
    EXPECT_EQ(r.table.reading(0, 1), 10.0);
    EXPECT_EQ(r.table.reading(1, 0), 22.0);
    EXPECT_EQ(r.table.rater_column("day 1"), 1);
    EXPECT_EQ(r.table.rater_column("day 3"), -1);
}

TEST(ReliabilityTable, IncompleteSubjectsAreDroppedAndCounted) {
    const auto r = build_reliability_table({{"S1", "a", 1, 0},
                                            {"S1", "b", 2, 0},
                                            {"S2", "a", 3, 0},
                                            {"S3", "a", 5, 0},
                                            {"S3", "b", 4, 0},
                                            {"S4", "b", 9, 0}});
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.table.subjects, (std::vector<std::string>{"S1", "S3"}));
    EXPECT_EQ(r.table.n_dropped(), 2u);
    EXPECT_EQ(r.table.dropped_subjects, (std::vector<std::string>{"S2", "S4"}));
}

TEST(ReliabilityTable, ANonFiniteReadingIsRefused) {
    const auto r = build_reliability_table({{"S1", "a", std::nan(""), 7}});
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.line, 7u);
}

TEST(ReliabilityAnalysis, APairNamesTheBlandAltmanRatersAmongSeveral) {
    const auto t = build_reliability_table({{"S1", "a", 10, 0},
                                            {"S1", "b", 12, 0},
                                            {"S1", "c", 9, 0},
                                            {"S2", "a", 20, 0},
                                            {"S2", "b", 25, 0},
                                            {"S2", "c", 21, 0},
                                            {"S3", "a", 30, 0},
                                            {"S3", "b", 31, 0},
                                            {"S3", "c", 33, 0}});
    ASSERT_TRUE(t.ok);
    EXPECT_FALSE(analyse_reliability(t.table).result.bland_altman.has_value());
    ReliabilityOptions options;
    options.pair = std::make_pair(std::string("c"), std::string("a"));
    const auto r = analyse_reliability(t.table, options);
    ASSERT_TRUE(r.ok);
    ASSERT_TRUE(r.result.bland_altman.has_value());
    EXPECT_EQ(r.result.bland_altman->first_rater, "c");
    EXPECT_DOUBLE_EQ(r.result.bland_altman->bias, (-1.0 + 1.0 + 3.0) / 3.0);
    options.pair = std::make_pair(std::string("a"), std::string("z"));
    const auto bad = analyse_reliability(t.table, options);
    EXPECT_FALSE(bad.ok);
    EXPECT_EQ(bad.error, "no rater or session 'z' in the data");
}

TEST(ReliabilityAnalysis, MdcIsOnePointNineSixRootTwoTimesTheSem) {
    EXPECT_DOUBLE_EQ(mdc95_from_sem(10.0), 1.96 * std::sqrt(2.0) * 10.0);
}

} // namespace
