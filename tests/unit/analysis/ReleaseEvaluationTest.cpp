// Release detector against "release felt" marks: pairing within a tolerance, sensitivity,
// positive predictive value and latency quantiles, per hold and pooled.
#include "algocore/analysis/ReleaseEvaluation.h"

#include <gtest/gtest.h>

using namespace algocore::analysis;

TEST(ReleaseEvaluation, PairsEachMarkWithADetectionInItsWindowOneToOne) {
    // Marks at the releases felt at 10, 20 and 52 s and a wrong one at 32 s; detections of
    // those three and of an unmarked release at 42.3 s.
    const ReleaseScore s = score_releases({10.0, 20.0, 32.0, 52.0}, {11.8, 21.8, 42.3, 54.3}, 5.0);
    EXPECT_EQ(s.marks, 4);
    EXPECT_EQ(s.detections, 4);
    EXPECT_EQ(s.paired, 3);
    EXPECT_DOUBLE_EQ(*s.sensitivity, 0.75);
    EXPECT_DOUBLE_EQ(*s.ppv, 0.75);
    ASSERT_EQ(s.pairs.size(), 3u);
    EXPECT_NEAR(s.pairs[2].latency_s, 2.3, 1e-9);
    EXPECT_NEAR(*s.latency_median_s, 1.8, 1e-9);
    // R: quantile(c(1.8, 1.8, 2.3), 0.9) = 2.2
    EXPECT_NEAR(*s.latency_p90_s, 2.2, 1e-9);
}

TEST(ReleaseEvaluation, ADetectionBeforeTheMarkPairsWithANegativeLatency) {
    const ReleaseScore s = score_releases({10.0}, {8.5}, 2.0);
    EXPECT_EQ(s.paired, 1);
    EXPECT_NEAR(*s.latency_median_s, -1.5, 1e-12);
}

TEST(ReleaseEvaluation, TheToleranceBoundsThePairingWindowOnBothSides) {
    EXPECT_EQ(score_releases({10.0}, {15.0}, 5.0).paired, 1);
    EXPECT_EQ(score_releases({10.0}, {15.01}, 5.0).paired, 0);
    EXPECT_EQ(score_releases({10.0}, {4.99}, 5.0).paired, 0);
}

TEST(ReleaseEvaluation, OneDetectionNeverAnswersTwoMarks) {
    const ReleaseScore s = score_releases({10.0, 11.0}, {12.0}, 5.0);
    EXPECT_EQ(s.paired, 1);
    EXPECT_DOUBLE_EQ(*s.sensitivity, 0.5);
    EXPECT_DOUBLE_EQ(*s.ppv, 1.0);
}

TEST(ReleaseEvaluation, PairsAsManyAsPossibleWhenWindowsOverlap) {
    // Greedy nearest pairing would give the 14 s detection to the 10 s mark and leave the
    // 16 s mark without one; in-order pairing pairs both.
    const ReleaseScore s = score_releases({10.0, 16.0}, {9.0, 14.0}, 5.0);
    EXPECT_EQ(s.paired, 2);
}

TEST(ReleaseEvaluation, WithoutMarksOrDetectionsTheRatiosAreUndefinedNotZero) {
    const ReleaseScore none = score_releases({}, {}, 5.0);
    EXPECT_FALSE(none.sensitivity);
    EXPECT_FALSE(none.ppv);
    EXPECT_FALSE(none.latency_median_s);
    const ReleaseScore only_detections = score_releases({}, {3.0}, 5.0);
    EXPECT_FALSE(only_detections.sensitivity);
    EXPECT_DOUBLE_EQ(*only_detections.ppv, 0.0);
}

TEST(ReleaseEvaluation, PoolingSumsTheCountsAndPoolsEveryLatency) {
    const ReleaseScore a = score_releases({10.0, 20.0}, {11.0, 22.0}, 5.0);
    const ReleaseScore b = score_releases({5.0, 30.0}, {9.0}, 5.0);
    const ReleaseScore pooled = pool_release_scores({a, b});
    EXPECT_EQ(pooled.marks, 4);
    EXPECT_EQ(pooled.detections, 3);
    EXPECT_EQ(pooled.paired, 3);
    EXPECT_DOUBLE_EQ(*pooled.sensitivity, 0.75);
    EXPECT_DOUBLE_EQ(*pooled.ppv, 1.0);
    // Latencies 1, 2, 4: median 2, p90 = 2 + 0.8 × 2 = 3.6
    EXPECT_NEAR(*pooled.latency_median_s, 2.0, 1e-12);
    EXPECT_NEAR(*pooled.latency_p90_s, 3.6, 1e-12);
}
