// release-marks plays releases and "release felt" marks at the times it documents.
#include "algosim/ReleaseScenario.h"

#include <gtest/gtest.h>

#include "algosim/BuiltinScenarios.h"

namespace {

using namespace algosim;

TEST(ReleaseMarksScenario, HoldsTheTargetThenFallsTwoPercentPerSecondAtEachRelease) {
    auto scenario = make_builtin_scenario("release-marks", 1);
    ASSERT_NE(scenario, nullptr);
    EXPECT_FALSE(scenario->human_hand());
    const ReleaseMarksCycle c = release_marks_cycle();
    const double h0 = c.target_reached_s();
    EXPECT_NEAR(scenario->state_at(c.rest_before_s + 1.0).pressure_kpa, 60.0, 1e-9);
    EXPECT_NEAR(scenario->state_at(h0 + 5.0).pressure_kpa, 350.0, 1e-9);
    // 1.5 s into the first release: 350 − 2 % × 350 × 1.5.
    EXPECT_NEAR(scenario->state_at(h0 + 9.5).pressure_kpa, 339.5, 1e-9);
    EXPECT_NEAR(scenario->state_at(h0 + 11.2).pressure_kpa, 329.0, 1e-9);
    EXPECT_NEAR(scenario->state_at(h0 + 12.0).pressure_kpa, 339.5, 1e-9);
    EXPECT_NEAR(scenario->state_at(h0 + 15.0).pressure_kpa, 350.0, 1e-9);
}

TEST(ReleaseMarksScenario, TheOperatorButtonMarksAtTheDocumentedTimesOnly) {
    auto scenario = make_builtin_scenario("release-marks", 1);
    const ReleaseMarksCycle c = release_marks_cycle();
    const double h0 = c.target_reached_s();
    // Sample every 10 ms over one cycle and collect the press edges.
    std::vector<double> presses;
    bool was_down = false;
    for (double t = 0.0; t < h0 + c.lift_at_s + c.lift_s; t += 0.01) {
        const ScenarioState s = scenario->state_at(t);
        if (s.operator_button && !was_down) presses.push_back(t - h0);
        was_down = s.operator_button;
        EXPECT_FALSE(s.patient_button);
    }
    ASSERT_EQ(presses.size(), c.marks_s.size());
    for (std::size_t i = 0; i < presses.size(); ++i)
        EXPECT_NEAR(presses[i], c.marks_s[i], 0.011) << i;
    // Pressing the button does not move the pressure line (mark at 8.5 s, in the fall).
    EXPECT_NEAR(scenario->state_at(h0 + 40.0 + 0.0).pressure_kpa, 350.0, 1e-9);
}

TEST(ReleaseMarksScenario, RepeatsTheCycle) {
    auto scenario = make_builtin_scenario("release-marks", 1);
    const ReleaseMarksCycle c = release_marks_cycle();
    const double cycle_s = c.target_reached_s() + c.lift_at_s + c.lift_s + c.rest_after_s;
    const double h1 = cycle_s + c.target_reached_s();
    EXPECT_NEAR(scenario->state_at(h1 + 1.0).pressure_kpa, 350.0, 1e-9);
    EXPECT_NEAR(scenario->state_at(h1 + 9.5).pressure_kpa, 339.5, 1e-9);
    EXPECT_TRUE(scenario->state_at(h1 + 32.1).operator_button);
}

} // namespace
