#include <gtest/gtest.h>

#include <cmath>

#include "SyntheticTraces.h"
#include "algocore/protocols/AttemptScore.h"
#include "algocore/protocols/FeedbackSchedule.h"

using namespace algocore::protocols;
using algocore::Sample;

namespace {
MotionTemplate expert_hold_300_for_10s() {
    return MotionTemplate(TemplateKind::Hold, "expert", {{0.0, 300.0}, {10.0, 300.0}});
}

std::vector<Sample> attempt_1hz(std::initializer_list<double> pressures, double t0 = 50.0) {
    std::vector<Sample> out;
    double t = t0;
    for (double p : pressures) {
        out.push_back(synth::sample_at(t, p));
        t += 1.0;
    }
    return out;
}
} // namespace

TEST(AttemptScore, ConstantAbsoluteAndVariableErrorsOnAConstructedAttempt) {
    // Errors 10, -10, 20, 0, 10: CE 6, AE 10, VE sqrt(104).
    const AttemptScore s =
        score_attempt(expert_hold_300_for_10s(), attempt_1hz({310, 290, 320, 300, 310}));
    EXPECT_EQ(s.samples_compared, 5);
    EXPECT_DOUBLE_EQ(s.constant_error_kpa, 6.0);
    EXPECT_DOUBLE_EQ(s.absolute_error_kpa, 10.0);
    EXPECT_NEAR(s.variable_error_kpa, std::sqrt(104.0), 1e-12);
}

TEST(AttemptScore, TimeInBandUsesTheHoldTimerRule) {
    const AttemptScore s =
        score_attempt(expert_hold_300_for_10s(), attempt_1hz({310, 290, 320, 300, 310}),
                      PressureBand{295.0, 305.0}, 0.5);
    EXPECT_DOUBLE_EQ(s.time_in_band_s, 1.0);
    EXPECT_DOUBLE_EQ(s.time_in_band_pct, 25.0);
}

TEST(AttemptScore, AStudentWhoIsConsistentlyFiveKpaHighOnARampHasNoVariableError) {
    const MotionTemplate ramp(TemplateKind::Ramp, "ramp", {{0.0, 0.0}, {10.0, 500.0}});
    std::vector<Sample> attempt;
    for (int i = 0; i <= 100; ++i)
        attempt.push_back(synth::sample_at(0.1 * i, 50.0 * 0.1 * i + 5.0));
    const AttemptScore s = score_attempt(ramp, attempt);
    EXPECT_NEAR(s.constant_error_kpa, 5.0, 1e-9);
    EXPECT_NEAR(s.absolute_error_kpa, 5.0, 1e-9);
    EXPECT_NEAR(s.variable_error_kpa, 0.0, 1e-9);
}

TEST(AttemptScore, OnlyTheSpanTheTemplateCoversIsScored) {
    const AttemptScore s =
        score_attempt(MotionTemplate(TemplateKind::Hold, "short", {{0.0, 300.0}, {2.0, 300.0}}),
                      attempt_1hz({300, 300, 300, 900, 900}));
    EXPECT_EQ(s.samples_compared, 3);
    EXPECT_DOUBLE_EQ(s.absolute_error_kpa, 0.0);
}

TEST(MotionTemplate, RecordedFromATraceInterpolatesBetweenSamples) {
    const MotionTemplate t =
        MotionTemplate::from_trace(TemplateKind::Ramp, "expert ramp", attempt_1hz({0, 50, 100}));
    EXPECT_TRUE(t.validate().ok());
    EXPECT_DOUBLE_EQ(t.duration_s(), 2.0);
    EXPECT_DOUBLE_EQ(t.pressure_at(0.5), 25.0);
    EXPECT_DOUBLE_EQ(t.pressure_at(1.75), 87.5);
    EXPECT_DOUBLE_EQ(t.pressure_at(-1.0), 0.0);
    EXPECT_DOUBLE_EQ(t.pressure_at(9.0), 100.0);
    EXPECT_FALSE(MotionTemplate().validate().ok());
}

TEST(FeedbackSchedule, FadesFromFullToBandOnlyToSummaryToNone) {
    const FeedbackSchedule schedule = FeedbackSchedule::faded(2);
    EXPECT_EQ(schedule.level_for_attempt(1), FeedbackLevel::Full);
    EXPECT_EQ(schedule.level_for_attempt(2), FeedbackLevel::Full);
    EXPECT_EQ(schedule.level_for_attempt(3), FeedbackLevel::BandOnly);
    EXPECT_EQ(schedule.level_for_attempt(5), FeedbackLevel::SummaryAfter);
    EXPECT_EQ(schedule.level_for_attempt(7), FeedbackLevel::None);
    EXPECT_EQ(schedule.level_for_attempt(99), FeedbackLevel::None);
    EXPECT_TRUE(schedule.validate().ok());
}

TEST(FeedbackSchedule, SummaryAndNoneAreBlindAttempts) {
    EXPECT_FALSE(plan_for(FeedbackLevel::Full).blind());
    EXPECT_TRUE(plan_for(FeedbackLevel::Full).show_template);
    EXPECT_FALSE(plan_for(FeedbackLevel::BandOnly).blind());
    EXPECT_FALSE(plan_for(FeedbackLevel::BandOnly).show_readout);
    EXPECT_TRUE(plan_for(FeedbackLevel::SummaryAfter).blind());
    EXPECT_TRUE(plan_for(FeedbackLevel::SummaryAfter).show_score_after);
    EXPECT_TRUE(plan_for(FeedbackLevel::None).blind());
    EXPECT_FALSE(plan_for(FeedbackLevel::None).show_score_after);
    EXPECT_EQ(FeedbackSchedule({{FeedbackLevel::Full, 0}}).validate().field, "attempts");
}
