#include <gtest/gtest.h>

#include "SyntheticTraces.h"
#include "algocore/protocols/ReleaseDetector.h"

using namespace algocore::protocols;

namespace {
// Times (s) at which the detector prompts over a trace.
std::vector<double> prompts(const std::vector<algocore::Sample>& trace) {
    ReleaseDetector detector;
    std::vector<double> out;
    for (const auto& s : trace)
        if (detector.add(s.t_s, s.force_n)) out.push_back(s.t_s);
    return out;
}
} // namespace

TEST(ReleaseDetector, DetectsATenPercentForceDecayWithinThreeSeconds) {
    // Ten seeded holds at 300 kPa with 8-12 Hz tremor of 2-4 kPa and ±1 % hand wander; the
    // tissue releases at 20 s and the force falls 10 % over the next 5 s.
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        std::mt19937_64 rng(seed);
        const synth::Tremor tremor = synth::Tremor::random(rng);
        synth::HoldScript script;
        script.duration_s = 30.0;
        script.decay_onset_s = 20.0;
        const auto times = prompts(synth::make_hold(script, tremor, rng));
        ASSERT_FALSE(times.empty()) << "seed " << seed;
        EXPECT_GE(times.front(), 20.0) << "seed " << seed << ": prompted before the release";
        EXPECT_LE(times.front() - 20.0, 3.0) << "seed " << seed;
    }
}

TEST(ReleaseDetector, GivesFewerThanOneFalsePromptPerFiveMinutesOfSteadyHold) {
    int false_prompts = 0;
    const int holds = 3;
    for (std::uint64_t seed = 100; seed < 100 + holds; ++seed) {
        std::mt19937_64 rng(seed);
        const synth::Tremor tremor = synth::Tremor::random(rng);
        synth::HoldScript script;
        script.duration_s = 300.0;
        false_prompts += static_cast<int>(prompts(synth::make_hold(script, tremor, rng)).size());
    }
    EXPECT_LT(false_prompts, holds)
        << false_prompts << " false prompts in " << holds * 5 << " minutes";
}

TEST(ReleaseDetector, DoesNotPromptWhenTheTherapistDeliberatelyEasesOff) {
    // 20 % off in 0.3 s at 10 s, then steady: a deliberate unloading, not a release.
    std::vector<algocore::Sample> trace;
    for (int i = 0; i < 20000; ++i) {
        const double t = 0.001 * i;
        double p = 300.0;
        if (t >= 10.0) p = 300.0 - 60.0 * std::min(1.0, (t - 10.0) / 0.3);
        trace.push_back(synth::sample_at(t, p));
    }
    EXPECT_TRUE(prompts(trace).empty());
}

TEST(ReleaseDetector, ReportsSlopeAndDropOfALinearFall) {
    ReleaseDetector detector;
    for (int i = 0; i <= 3000; ++i) {
        const double t = 0.001 * i;
        const double p = t < 1.0 ? 300.0 : 300.0 * (1.0 - 0.02 * (t - 1.0));
        detector.add(t, p / 10.0);
    }
    ASSERT_TRUE(detector.slope_pct_per_s().has_value());
    // Window mean at t = 3 s is 300 × (1 - 0.02 × 1.5) = 291 kPa; slope -6 kPa/s; the fitted
    // line is at 288 kPa now, 4 % below the 300 kPa reference.
    EXPECT_NEAR(*detector.slope_pct_per_s(), -100.0 * 6.0 / 291.0, 0.01);
    EXPECT_NEAR(*detector.drop_pct(), 4.0, 0.01);
}

TEST(ReleaseDetector, StaysQuietWhileTheProbeIsOff) {
    ReleaseDetector detector;
    for (int i = 0; i < 5000; ++i)
        EXPECT_FALSE(detector.add(0.001 * i, 0.0));
    EXPECT_FALSE(detector.level_n().has_value());
}
