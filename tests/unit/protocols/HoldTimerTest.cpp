#include <gtest/gtest.h>

#include "algocore/protocols/HoldTimer.h"

using namespace algocore::protocols;

namespace {
// Feeds a state from t_from (inclusive) to t_to (exclusive) at 100 Hz.
void feed(HoldTimer& timer, double t_from, double t_to, BandState state) {
    for (long i = 0;; ++i) {
        const double t = t_from + 0.01 * static_cast<double>(i);
        if (t >= t_to - 1e-9) break;
        timer.update(t, state);
    }
}
} // namespace

TEST(HoldTimer, DoesNotStartBeforeTheFirstEntryIntoTheBand) {
    HoldTimer timer({60.0, 0.5});
    feed(timer, 0.0, 2.0, BandState::Below);
    EXPECT_FALSE(timer.started());
    EXPECT_DOUBLE_EQ(timer.time_in_band_s(), 0.0);
    EXPECT_DOUBLE_EQ(timer.elapsed_s(), 0.0);
    EXPECT_DOUBLE_EQ(timer.remaining_s(), 60.0);
}

TEST(HoldTimer, CountsOnlyTimeInBand) {
    HoldTimer timer({60.0, 0.5});
    feed(timer, 0.0, 1.0, BandState::Below);
    feed(timer, 1.0, 11.0, BandState::InBand);  // 10 s in band
    feed(timer, 11.0, 16.0, BandState::Below);  // 5 s out: longer than the grace
    feed(timer, 16.0, 26.0, BandState::InBand); // 10 s in band
    timer.update(26.0, BandState::Below);
    EXPECT_NEAR(timer.time_in_band_s(), 20.0, 1e-9);
    EXPECT_NEAR(timer.elapsed_s(), 25.0, 1e-9);
    EXPECT_NEAR(timer.remaining_s(), 40.0, 1e-9);
    EXPECT_EQ(timer.excursions(), 1);
    EXPECT_FALSE(timer.complete());
}

TEST(HoldTimer, CreditsATremorExcursionShorterThanTheGraceWhenThePressureReturns) {
    HoldTimer timer({60.0, 0.5});
    feed(timer, 0.0, 5.0, BandState::InBand);
    feed(timer, 5.0, 5.3, BandState::Above); // 0.3 s excursion
    EXPECT_TRUE(timer.in_grace());
    EXPECT_NEAR(timer.time_in_band_s(), 5.0, 1e-9); // frozen while out, never over-counted
    feed(timer, 5.3, 10.0, BandState::InBand);
    timer.update(10.0, BandState::InBand);
    EXPECT_NEAR(timer.time_in_band_s(), 10.0, 1e-9);
    EXPECT_EQ(timer.excursions(), 0);
    EXPECT_EQ(timer.overshoots(), 1);
}

TEST(HoldTimer, DoesNotCreditAnExcursionLongerThanTheGrace) {
    HoldTimer timer({60.0, 0.5});
    feed(timer, 0.0, 5.0, BandState::InBand);
    feed(timer, 5.0, 5.8, BandState::Below); // 0.8 s out
    EXPECT_FALSE(timer.in_grace());
    feed(timer, 5.8, 10.0, BandState::InBand);
    timer.update(10.0, BandState::InBand);
    EXPECT_NEAR(timer.time_in_band_s(), 10.0 - 0.8, 1e-9);
    EXPECT_EQ(timer.excursions(), 1);
    EXPECT_EQ(timer.overshoots(), 0);
}

TEST(HoldTimer, NeverCreditsATouchOfTheOverPressureLimit) {
    HoldTimer timer({60.0, 0.5});
    feed(timer, 0.0, 5.0, BandState::InBand);
    feed(timer, 5.0, 5.1, BandState::OverLimit);
    feed(timer, 5.1, 10.0, BandState::InBand);
    timer.update(10.0, BandState::InBand);
    EXPECT_NEAR(timer.time_in_band_s(), 9.9, 1e-9);
    EXPECT_EQ(timer.excursions(), 1);
}

TEST(HoldTimer, WithZeroGraceEveryExcursionCosts) {
    HoldTimer timer({60.0, 0.0});
    feed(timer, 0.0, 5.0, BandState::InBand);
    feed(timer, 5.0, 5.05, BandState::Above);
    feed(timer, 5.05, 6.0, BandState::InBand);
    timer.update(6.0, BandState::InBand);
    EXPECT_NEAR(timer.time_in_band_s(), 5.95, 1e-9);
    EXPECT_EQ(timer.excursions(), 1);
}

TEST(HoldTimer, CompletesWhenTheTimeInBandReachesTheHold) {
    HoldTimer timer({3.0, 0.5});
    feed(timer, 0.0, 3.0, BandState::InBand);
    EXPECT_FALSE(timer.complete());
    timer.update(3.0, BandState::InBand);
    EXPECT_TRUE(timer.complete());
    EXPECT_DOUBLE_EQ(timer.remaining_s(), 0.0);
}

TEST(HoldTimer, RefusesAGraceAsLongAsTheHold) {
    EXPECT_EQ((HoldTimerConfig{1.0, 1.0}).validate().field, "grace_s");
    EXPECT_EQ((HoldTimerConfig{0.0, 0.5}).validate().field, "hold_s");
    EXPECT_TRUE((HoldTimerConfig{60.0, 0.5}).validate().ok());
}
