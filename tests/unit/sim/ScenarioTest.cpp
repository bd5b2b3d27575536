#include "algosim/Scenario.h"
#include "algosim/BuiltinScenarios.h"

#include <gtest/gtest.h>

namespace {

using algosim::Keyframe;
using algosim::Scenario;

TEST(Scenario, InterpolatesPressureLinearlyBetweenKeyframes) {
    Scenario scenario(
        "test", {{0, 0, false, false}, {10, 500, false, false}, {12, 100, false, false}}, false);
    EXPECT_DOUBLE_EQ(scenario.state_at(0).pressure_kpa, 0);
    EXPECT_DOUBLE_EQ(scenario.state_at(2.5).pressure_kpa, 125);
    EXPECT_DOUBLE_EQ(scenario.state_at(10).pressure_kpa, 500);
    EXPECT_DOUBLE_EQ(scenario.state_at(11).pressure_kpa, 300);
}

TEST(Scenario, HoldsButtonsFromTheirKeyframeUntilTheNext) {
    Scenario scenario("test", {{0, 0, false, false}, {4, 400, true, false}, {5, 0, false, true}},
                      false);
    EXPECT_FALSE(scenario.state_at(3.999).patient_button);
    EXPECT_TRUE(scenario.state_at(4.0).patient_button);
    EXPECT_TRUE(scenario.state_at(4.999).patient_button);
    EXPECT_FALSE(scenario.state_at(4.999).operator_button);
    const auto after = scenario.state_at(5.0);
    EXPECT_FALSE(after.patient_button);
    EXPECT_TRUE(after.operator_button);
}

TEST(Scenario, HoldsTheLastKeyframeForeverAndTheFirstBeforeItStarts) {
    Scenario scenario("test", {{2, 50, true, true}, {3, 80, false, true}}, false);
    const auto before = scenario.state_at(1);
    EXPECT_DOUBLE_EQ(before.pressure_kpa, 50);
    EXPECT_FALSE(before.patient_button);
    EXPECT_FALSE(before.operator_button);
    const auto later = scenario.state_at(1000);
    EXPECT_DOUBLE_EQ(later.pressure_kpa, 80);
    EXPECT_TRUE(later.operator_button);
}

TEST(BuiltinScenarios, KnowsTheFourNamesAndRefusesOthers) {
    EXPECT_EQ(algosim::builtin_scenario_names(),
              (std::vector<std::string>{"ppt-ramp", "sustained-hold", "release-marks", "idle"}));
    EXPECT_EQ(algosim::make_builtin_scenario("ramp", 1), nullptr);
}

TEST(BuiltinScenarios, IdleStaysAtZero) {
    auto idle = algosim::make_builtin_scenario("idle", 1);
    for (double t = 0; t < 100; t += 0.5)
        EXPECT_EQ(idle->state_at(t).pressure_kpa, 0.0);
    EXPECT_FALSE(idle->human_hand());
}

// Walk a ppt-ramp and measure each trial: the ramp rate, and the pressure at which the
// patient pressed.
TEST(BuiltinScenarios, PptRampRampsAtAbout50KpaPerSecondAndPatientPressesNear400Kpa) {
    auto ppt = algosim::make_builtin_scenario("ppt-ramp", 42);
    ASSERT_TRUE(ppt->human_hand());
    int presses = 0;
    bool was_pressed = false;
    double previous_kpa = 0;
    const double dt = 0.001;
    for (double t = 0; t < 120; t += dt) {
        const auto state = ppt->state_at(t);
        const double rate = (state.pressure_kpa - previous_kpa) / dt;
        if (state.pressure_kpa > 50 && state.pressure_kpa < 300 && rate > 0) {
            EXPECT_NEAR(rate, 50.0, 5.01) << "at t=" << t;
        }
        if (state.patient_button && !was_pressed) {
            ++presses;
            EXPECT_NEAR(state.pressure_kpa, 400.0, 60.1) << "at t=" << t;
        }
        was_pressed = state.patient_button;
        previous_kpa = state.pressure_kpa;
    }
    // Each trial takes 3 s rest + ~8 s ramp + 1.25 s: about 9-10 trials in 2 minutes.
    EXPECT_GE(presses, 8);
    EXPECT_LE(presses, 12);
}

TEST(BuiltinScenarios, SustainedHoldStaysInTheBandForNinetySecondsAndLoops) {
    auto hold = algosim::make_builtin_scenario("sustained-hold", 7);
    double in_band_s = 0;
    double longest_run_s = 0;
    double run_s = 0;
    const double dt = 0.01;
    for (double t = 0; t < 220; t += dt) {
        const double p = hold->state_at(t).pressure_kpa;
        if (p >= 300 && p <= 400) {
            in_band_s += dt;
            run_s += dt;
            longest_run_s = std::max(longest_run_s, run_s);
        } else {
            run_s = 0;
        }
    }
    EXPECT_NEAR(longest_run_s, 90.0, 2.0);
    // Two holds fit in 220 s (each cycle is about 3 + 6 + 90 + 1.5 + 5 s).
    EXPECT_NEAR(in_band_s, 180.0, 4.0);
}

TEST(BuiltinScenarios, SustainedHoldDecaysThenStepsBackUp) {
    auto hold = algosim::make_builtin_scenario("sustained-hold", 7);
    int step_ups = 0;
    double previous = 0;
    for (double t = 0; t < 100; t += 0.05) {
        const double p = hold->state_at(t).pressure_kpa;
        if (t > 12 && p > previous + 1.0) ++step_ups;
        previous = p;
    }
    // Rising by > 1 kPa per 50 ms happens only during the 1 s step-ups (20 steps each).
    EXPECT_GE(step_ups / 20, 3);
}

TEST(BuiltinScenarios, TheSameSeedGivesTheSameScenarioAndAnotherSeedDoesNot) {
    auto a = algosim::make_builtin_scenario("ppt-ramp", 5);
    auto b = algosim::make_builtin_scenario("ppt-ramp", 5);
    auto c = algosim::make_builtin_scenario("ppt-ramp", 6);
    bool differs = false;
    for (double t = 0; t < 60; t += 0.1) {
        const double pa = a->state_at(t).pressure_kpa;
        EXPECT_EQ(pa, b->state_at(t).pressure_kpa);
        differs = differs || pa != c->state_at(t).pressure_kpa;
    }
    EXPECT_TRUE(differs);
}

} // namespace
