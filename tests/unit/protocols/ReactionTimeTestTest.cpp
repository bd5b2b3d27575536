// The reaction-time test engine: random foreperiods, practice, anticipations repeated,
// misses, device cues that never came, and the median and IQR of the counted answers.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "algocore/protocols/ReactionTimeTest.h"
#include "algocore/protocols/SampleQuantile.h"

using namespace algocore::protocols;

namespace {

// Drives a test on a 1 ms session clock; the cue clock is the session clock plus an offset
// (as a device's clock would be), so the engine must only ever subtract cue-clock times.
struct Driver {
    explicit Driver(ReactionTimeConfig config = {}) : test(config) {}
    ReactionTimeTest test;
    double now_s = 0.0;
    static constexpr double kDeviceOffsetS = 1234.5;

    // Runs until a cue is asked for, gives it, and returns its cue-clock time.
    double next_cue() {
        for (int i = 0; i < 100000; ++i) {
            now_s += 0.001;
            test.tick(now_s);
            if (auto id = test.take_due_cue(now_s)) {
                test.cue_shown(*id, now_s + kDeviceOffsetS, now_s);
                return now_s + kDeviceOffsetS;
            }
        }
        ADD_FAILURE() << "no cue came";
        return 0.0;
    }
    void answer_after(double cue_t_s, double reaction_s) {
        now_s += reaction_s;
        test.press(cue_t_s + reaction_s, now_s);
    }
};

TEST(ReactionTimeTest, TwoPracticeAnswersThenTenCountedGiveTheirMedianAndIqr) {
    Driver d;
    d.test.start(0.0);
    // Practice answers are slow and must not count.
    d.answer_after(d.next_cue(), 0.600);
    d.answer_after(d.next_cue(), 0.550);
    const std::vector<double> counted_ms{250, 230, 270, 240, 260, 255, 245, 300, 220, 235};
    for (double ms : counted_ms)
        d.answer_after(d.next_cue(), ms / 1000.0);
    EXPECT_EQ(d.test.state(), ReactionTestState::Done);
    const ReactionTimeSummary s = d.test.summary();
    EXPECT_EQ(s.n, 10);
    EXPECT_TRUE(s.complete);
    // R: median(c(250,230,270,240,260,255,245,300,220,235)) = 247.5, IQR(...) = 22.5
    // (quartiles 236.25 and 258.75, type 7)
    EXPECT_NEAR(*s.median_ms, 247.5, 1e-6);
    EXPECT_NEAR(*s.iqr_ms, 22.5, 1e-6);
    EXPECT_EQ(s.anticipations, 0);
    EXPECT_EQ(s.cue_source, CueSource::Device);
    ASSERT_EQ(d.test.cues().size(), 12u);
    EXPECT_EQ(d.test.cues()[0].outcome, CueOutcome::Practice);
    EXPECT_EQ(d.test.cues()[1].outcome, CueOutcome::Practice);
    EXPECT_EQ(d.test.cues()[2].outcome, CueOutcome::Counted);
    EXPECT_NEAR(*d.test.cues()[2].reaction_ms, 250.0, 1e-6);
}

TEST(ReactionTimeTest, CuesComeAfterRandomIntervalsBetweenOneAndAHalfAndFourSeconds) {
    ReactionTimeConfig config;
    config.trials = 40;
    config.practice = 0;
    Driver d(config);
    d.test.start(0.0);
    std::vector<double> gaps;
    double last_answer_s = 0.0;
    for (int i = 0; i < 40; ++i) {
        const double cue_t_s = d.next_cue();
        gaps.push_back(cue_t_s - Driver::kDeviceOffsetS - last_answer_s);
        d.answer_after(cue_t_s, 0.25);
        last_answer_s = d.now_s;
    }
    double low = 1e9, high = 0.0;
    for (double g : gaps) {
        low = std::min(low, g);
        high = std::max(high, g);
    }
    EXPECT_GE(low, 1.5);
    EXPECT_LE(high, 4.0 + 0.002);
    // Spread over the range, not one fixed interval the subject could learn.
    EXPECT_LT(low, 2.0);
    EXPECT_GT(high, 3.5);
}

TEST(ReactionTimeTest, APressWithin100MsIsAnAnticipationAndTheCueIsRepeated) {
    ReactionTimeConfig config;
    config.trials = 2;
    config.practice = 0;
    Driver d(config);
    d.test.start(0.0);
    d.answer_after(d.next_cue(), 0.080);
    EXPECT_EQ(d.test.state(), ReactionTestState::Foreperiod);
    EXPECT_EQ(d.test.counted(), 0);
    d.answer_after(d.next_cue(), 0.100); // exactly 100 ms is a reaction
    d.answer_after(d.next_cue(), 0.300);
    EXPECT_EQ(d.test.state(), ReactionTestState::Done);
    const auto s = d.test.summary();
    EXPECT_EQ(s.n, 2);
    EXPECT_EQ(s.anticipations, 1);
    EXPECT_NEAR(*s.median_ms, 200.0, 1e-6);
    EXPECT_EQ(d.test.cues()[0].outcome, CueOutcome::Anticipation);
    EXPECT_NEAR(*d.test.cues()[0].reaction_ms, 80.0, 1e-6);
}

TEST(ReactionTimeTest, APressBeforeTheCueIsAFalseStartAndPostponesIt) {
    ReactionTimeConfig config;
    config.trials = 1;
    config.practice = 0;
    Driver d(config);
    d.test.start(0.0);
    const double due = *d.test.next_cue_at_s();
    d.now_s = 1.0;
    d.test.press(1.0 + Driver::kDeviceOffsetS, d.now_s);
    EXPECT_EQ(d.test.cues().back().outcome, CueOutcome::FalseStart);
    EXPECT_FALSE(d.test.cues().back().cue_t_s);
    EXPECT_NE(*d.test.next_cue_at_s(), due);
    EXPECT_GE(*d.test.next_cue_at_s(), 1.0 + 1.5);
    d.answer_after(d.next_cue(), 0.250);
    EXPECT_EQ(d.test.summary().anticipations, 1);
    EXPECT_EQ(d.test.summary().n, 1);
}

TEST(ReactionTimeTest, NoPressWithinTwoSecondsIsAMissAndTheCueIsRepeated) {
    ReactionTimeConfig config;
    config.trials = 1;
    config.practice = 0;
    Driver d(config);
    d.test.start(0.0);
    d.next_cue();
    for (int i = 0; i < 2100; ++i) {
        d.now_s += 0.001;
        d.test.tick(d.now_s);
    }
    EXPECT_EQ(d.test.cues().back().outcome, CueOutcome::Missed);
    EXPECT_EQ(d.test.state(), ReactionTestState::Foreperiod);
    d.answer_after(d.next_cue(), 0.2);
    EXPECT_EQ(d.test.summary().misses, 1);
    EXPECT_EQ(d.test.summary().n, 1);
}

TEST(ReactionTimeTest, ADeviceCueNeverConfirmedIsAskedAgainAndItsLateConfirmationIgnored) {
    ReactionTimeConfig config;
    config.trials = 1;
    config.practice = 0;
    ReactionTimeTest test(config);
    test.start(0.0);
    double now = 0.0;
    std::optional<std::uint16_t> first;
    while (!first) {
        now += 0.001;
        first = test.take_due_cue(now);
    }
    now += 1.0;
    test.tick(now);
    EXPECT_EQ(test.summary().lost_cues, 1);
    EXPECT_EQ(test.state(), ReactionTestState::Foreperiod);
    test.cue_shown(*first, now, now); // too late: not awaited any more
    EXPECT_EQ(test.state(), ReactionTestState::Foreperiod);
}

TEST(ReactionTimeTest, GivesUpAfterTooManyRepeats) {
    ReactionTimeConfig config;
    config.max_repeats = 3;
    Driver d(config);
    d.test.start(0.0);
    for (int i = 0; i < 4; ++i)
        d.answer_after(d.next_cue(), 0.010);
    EXPECT_EQ(d.test.state(), ReactionTestState::Done);
    EXPECT_FALSE(d.test.summary().complete);
    EXPECT_EQ(d.test.summary().n, 0);
    EXPECT_FALSE(d.test.summary().median_ms);
}

TEST(ReactionTimeTest, TheSameSeedGivesTheSameIntervalsAndAnotherSeedDoesNot) {
    ReactionTimeConfig a, b, c;
    c.seed = 99;
    ReactionTimeTest ta(a), tb(b), tc(c);
    ta.start(0.0);
    tb.start(0.0);
    tc.start(0.0);
    EXPECT_EQ(*ta.next_cue_at_s(), *tb.next_cue_at_s());
    EXPECT_NE(*ta.next_cue_at_s(), *tc.next_cue_at_s());
}

TEST(ReactionTimeTest, AHostCueCarriesItsLargerTimingUncertainty) {
    ReactionTimeTest host({}, CueSource::Host);
    EXPECT_STREQ(to_string(host.summary().cue_source), "host");
    EXPECT_GT(host.summary().uncertainty_ms, cue_timing(CueSource::Device).uncertainty_ms);
    EXPECT_NE(std::string(cue_timing(CueSource::Host).note).find("display"), std::string::npos);
}

TEST(ReactionTimeConfig, RefusesUnusableSettings) {
    ReactionTimeConfig config;
    EXPECT_TRUE(config.validate().ok());
    config.trials = 0;
    EXPECT_EQ(config.validate().field, "trials");
    config = {};
    config.min_interval_s = 5.0;
    EXPECT_EQ(config.validate().field, "min_interval_s");
    config = {};
    config.anticipation_s = 3.0;
    EXPECT_EQ(config.validate().field, "anticipation_s");
}

TEST(SampleQuantile, MatchesRsDefaultType7) {
    // R: quantile(c(1,2,3,4,10), c(.25,.5,.75,.9)) = 2, 3, 4, 7.6
    const std::vector<double> v{10, 3, 1, 4, 2};
    EXPECT_DOUBLE_EQ(*sample_quantile(v, 0.25), 2.0);
    EXPECT_DOUBLE_EQ(*sample_quantile(v, 0.5), 3.0);
    EXPECT_DOUBLE_EQ(*sample_quantile(v, 0.75), 4.0);
    EXPECT_DOUBLE_EQ(*sample_quantile(v, 0.9), 7.6);
    EXPECT_DOUBLE_EQ(*interquartile_range(v), 2.0);
    EXPECT_DOUBLE_EQ(*sample_quantile({5.0}, 0.9), 5.0);
    EXPECT_FALSE(sample_quantile({}, 0.5));
}

} // namespace
