#include <gtest/gtest.h>

#include "algocore/session/CalibrationPlan.h"
#include "algocore/session/CalibrationSession.h"

using namespace algocore::session;

namespace {

// One second of readings at 100 Hz around `counts` (±3 counts), the force steady.
void hold_reading(CalibrationSession& session, double& t, double counts, double force_n) {
    for (int i = 0; i < 100; ++i, t += 0.01)
        session.add_reading(t, counts + ((i % 3) - 1) * 3.0, force_n);
}

CalibrationSession started() {
    CalibrationSession session(algocal::StabilityRule{}, 1.0);
    PlanChoice choice;
    choice.loads = {{0.0}, {10.0}, {20.0}};
    choice.descending = false;
    const PlanResult plan = make_plan(choice);
    EXPECT_TRUE(plan.ok()) << plan.error;
    CalibrationSetup setup;
    setup.device_serial = "SIM-00000001";
    setup.operator_name = "Ada";
    setup.reference_standards = {{"W-1", "", 0.01, 2.0}};
    session.start(setup, plan.steps);
    return session;
}

} // namespace

TEST(CalibrationSession, RefusesACaptureWhoseReadingDidNotChangeWithTheLoad) {
    CalibrationSession session = started();
    double t = 0.0;
    hold_reading(session, t, 1000.0, 0.0);
    ASSERT_TRUE(session.capture().ok);
    // "Place 10 N" — but no weight was placed: the reading stays at 1000 counts.
    hold_reading(session, t, 1000.0, 0.0);
    const auto refused = session.capture();
    EXPECT_FALSE(refused.ok);
    EXPECT_NE(refused.message.find("did not change with the load"), std::string::npos)
        << refused.message;
    EXPECT_EQ(session.step_index(), 1u);
    // With the weight on, the reading follows the load and the point is taken (once the
    // window holds only the new readings).
    hold_reading(session, t, 81000.0, 10.0);
    hold_reading(session, t, 81000.0, 10.0);
    EXPECT_TRUE(session.capture().ok);
    EXPECT_EQ(session.step_index(), 2u);
}

TEST(CalibrationSession, RefusesAReadingFarFromWhatTheSensitivitySoFarPredicts) {
    CalibrationSession session = started();
    double t = 0.0;
    hold_reading(session, t, 1000.0, 0.0);
    ASSERT_TRUE(session.capture().ok);
    hold_reading(session, t, 81000.0, 10.0);
    ASSERT_TRUE(session.capture().ok);
    // 20 N should read about 161000; 82000 means the 10 N weight was not added.
    hold_reading(session, t, 82000.0, 10.1);
    const auto refused = session.capture();
    EXPECT_FALSE(refused.ok);
    EXPECT_NE(refused.message.find("predict"), std::string::npos) << refused.message;
}
