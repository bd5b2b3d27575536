#include <gtest/gtest.h>

#include <cmath>

#include "SyntheticTraces.h"
#include "algocore/protocols/PptTrial.h"
#include "algocore/protocols/RampCorridor.h"
#include "algocore/protocols/RampRateEstimator.h"

using namespace algocore::protocols;

TEST(RampRateEstimator, GivesTheExactSlopeOfACleanRamp) {
    RampRateEstimator gauge({0.5});
    for (int i = 0; i <= 1000; ++i) {
        const double t = 3600.0 + 0.001 * i; // an hour into the session: precision must hold
        gauge.add(t, 20.0 + 50.0 * (t - 3600.0));
    }
    ASSERT_TRUE(gauge.rate_kpa_s().has_value());
    EXPECT_NEAR(*gauge.rate_kpa_s(), 50.0, 1e-6);
}

TEST(RampRateEstimator, WaitsForHalfAWindowBeforeReporting) {
    RampRateEstimator gauge({1.0});
    for (int i = 0; i < 400; ++i)
        gauge.add(0.001 * i, 50.0 * 0.001 * i);
    EXPECT_FALSE(gauge.rate_kpa_s().has_value());
    for (int i = 400; i <= 600; ++i)
        gauge.add(0.001 * i, 50.0 * 0.001 * i);
    EXPECT_TRUE(gauge.rate_kpa_s().has_value());
}

TEST(RampRateEstimator, GaugeStaysWithinFivePercentOfTheTrueRateDespiteTremor) {
    std::mt19937_64 rng(7);
    const synth::Tremor tremor = synth::Tremor::random(rng);
    RampRateEstimator gauge; // default window
    double worst_error_pct = 0.0;
    for (int i = 0; i < 8000; ++i) {
        const double t = 0.001 * i;
        gauge.add(t, 50.0 * t + tremor.tremor_kpa(t, rng));
        if (t > 1.0)
            worst_error_pct =
                std::max(worst_error_pct, std::fabs(*gauge.rate_kpa_s() - 50.0) / 0.5);
    }
    EXPECT_LT(worst_error_pct, 5.0);
}

TEST(RampRateOfATrial, IsWithinTwoPercentOnSimulatedRampsWithTremor) {
    // Twenty seeded ramps at the DFNS and Fischer rates, 8-12 Hz tremor of 2-4 kPa.
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        std::mt19937_64 rng(seed);
        const synth::Tremor tremor = synth::Tremor::random(rng);
        for (const PptPreset& preset : {PptPreset::dfns(), PptPreset::fischer()}) {
            synth::RampScript script;
            script.rate_kpa_s = preset.rate_kpa_s;
            script.button_at_kpa = 300.0 + 10.0 * static_cast<double>(seed);
            PptTrial trial(preset);
            trial.arm();
            for (const auto& s : synth::make_ramp(script, tremor, rng))
                trial.feed(s);
            ASSERT_TRUE(trial.finished()) << "seed " << seed;
            const double error_pct = 100.0 *
                                     std::fabs(trial.result().rate_kpa_s - preset.rate_kpa_s) /
                                     preset.rate_kpa_s;
            EXPECT_LE(error_pct, 2.0) << "seed " << seed << " preset " << preset.name;
            EXPECT_TRUE(trial.result().valid) << flags_to_string(trial.result().flags);
        }
    }
}

TEST(RampCorridor, SpansTargetPlusMinusToleranceFromTheRampStartWithSlack) {
    RampCorridor corridor{10.0, 20.0, 50.0, 10.0, 5.0};
    EXPECT_DOUBLE_EQ(corridor.target_kpa(12.0), 120.0);
    EXPECT_DOUBLE_EQ(corridor.lower_kpa(12.0), 20.0 + 80.0 - 5.0);
    EXPECT_DOUBLE_EQ(corridor.upper_kpa(12.0), 20.0 + 120.0 + 5.0);
    EXPECT_TRUE(corridor.contains(12.0, 96.0));
    EXPECT_FALSE(corridor.contains(12.0, 94.0));
    EXPECT_TRUE(corridor.rate_within(59.0));
    EXPECT_FALSE(corridor.rate_within(61.0));
}
