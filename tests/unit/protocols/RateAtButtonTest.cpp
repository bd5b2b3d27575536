// The rate at the button: the slope over the last second before the pain signal, beside the
// whole-ramp rate, flagged rate_at_button when it is off the target by more than ±25 %.
#include <gtest/gtest.h>

#include <vector>

#include "SyntheticTraces.h"
#include "algocore/protocols/PptTrial.h"
#include "algocore/protocols/ReactionAdjustment.h"

using namespace algocore::protocols;
using algocore::Sample;

namespace {

// 1 kHz, from 0 kPa at t = 1 s: `slow_kpa_s` up to the last second, then `last_kpa_s` for one
// second, the patient button pressed at its end, held while the examiner goes on 0.3 s,
// then the probe lifted.
std::vector<Sample> ramp_with_last_second(double slow_kpa_s, double last_kpa_s,
                                          double button_kpa = 430.0) {
    std::vector<Sample> out;
    const double bend_kpa = button_kpa - last_kpa_s;
    const double t_bend = 1.0 + bend_kpa / slow_kpa_s;
    const double t_button = t_bend + 1.0;
    for (int i = 0; i * 0.001 < t_button + 1.0; ++i) {
        const double t = i * 0.001;
        double p = 0.0;
        if (t >= 1.0 && t < t_bend)
            p = slow_kpa_s * (t - 1.0);
        else if (t >= t_bend && t < t_button + 0.3)
            p = bend_kpa + last_kpa_s * (t - t_bend);
        else if (t >= t_button + 0.3)
            p = 0.0;
        const bool pressed = t >= t_button - 1e-9 && t < t_button + 0.3;
        out.push_back(synth::sample_at(t, p, pressed ? algocore::kPatientButton : 0));
    }
    return out;
}

PptTrialResult run(const std::vector<Sample>& trace) {
    PptTrial trial(PptPreset::dfns());
    trial.arm();
    for (const Sample& s : trace)
        trial.feed(s);
    EXPECT_TRUE(trial.finished());
    return trial.result();
}

} // namespace

TEST(RateAtButton, ASteadyRampHasTheSameRateAtTheButtonAsOverTheWholeRamp) {
    const PptTrialResult r = run(ramp_with_last_second(50.0, 50.0));
    ASSERT_TRUE(r.rate_at_button_kpa_s);
    EXPECT_NEAR(*r.rate_at_button_kpa_s, 50.0, 0.01);
    EXPECT_NEAR(r.rate_kpa_s, 50.0, 0.05);
    EXPECT_EQ(r.flags & kRateAtButton, 0u);
    EXPECT_TRUE(r.valid);
}

TEST(RateAtButton, ALastSecondAt80UnderA50TargetIsFlaggedWhileTheWholeRampPasses) {
    const PptTrialResult r = run(ramp_with_last_second(50.0, 80.0));
    ASSERT_TRUE(r.rate_at_button_kpa_s);
    EXPECT_NEAR(*r.rate_at_button_kpa_s, 80.0, 0.01);
    // The whole ramp stays within DFNS's 50 ± 10 kPa/s: only the last second deviates.
    EXPECT_LT(r.rate_kpa_s, 60.0);
    EXPECT_EQ(r.flags & kRateOutOfTolerance, 0u);
    EXPECT_NE(r.flags & kRateAtButton, 0u);
    EXPECT_FALSE(r.valid);
    EXPECT_EQ(flags_to_string(r.flags), "rate_at_button");
}

TEST(RateAtButton, TheToleranceIsTwentyFivePercentOfTheTargetEitherWay) {
    EXPECT_EQ(run(ramp_with_last_second(50.0, 62.0)).flags & kRateAtButton, 0u);
    EXPECT_NE(run(ramp_with_last_second(50.0, 63.0)).flags & kRateAtButton, 0u);
    EXPECT_EQ(run(ramp_with_last_second(50.0, 38.0)).flags & kRateAtButton, 0u);
    EXPECT_NE(run(ramp_with_last_second(50.0, 37.0)).flags & kRateAtButton, 0u);
}

TEST(RateAtButton, ATrialWithoutAButtonHasNoRateAtTheButton) {
    std::vector<Sample> trace = ramp_with_last_second(50.0, 50.0);
    for (Sample& s : trace)
        s.buttons = 0;
    const PptTrialResult r = run(trace);
    EXPECT_EQ(r.end, PptTrialEnd::Released);
    EXPECT_FALSE(r.rate_at_button_kpa_s);
    EXPECT_EQ(r.flags & kRateAtButton, 0u);
}

TEST(ReactionAdjustment, SubtractsTheRiseOverTheReactionTime) {
    const auto estimate = rt_adjusted_ppt_kpa(400.0, 50.0, 250.0);
    ASSERT_TRUE(estimate);
    EXPECT_DOUBLE_EQ(*estimate, 387.5);
    EXPECT_DOUBLE_EQ(*rt_adjusted_ppt_kpa(400.0, 98.0665, 300.0), 400.0 - 98.0665 * 0.3);
}

TEST(ReactionAdjustment, NoEstimateWithoutARateAtTheButtonOrAReactionTime) {
    EXPECT_FALSE(rt_adjusted_ppt_kpa(400.0, std::nullopt, 250.0));
    EXPECT_FALSE(rt_adjusted_ppt_kpa(400.0, 50.0, std::nullopt));
    // A falling or flat pressure at the button says nothing about the overshoot.
    EXPECT_FALSE(rt_adjusted_ppt_kpa(400.0, 0.0, 250.0));
    EXPECT_FALSE(rt_adjusted_ppt_kpa(400.0, -5.0, 250.0));
}
