// Saving a calibration goes through CalibrationSession: the record and the verdict it decided
// are the ones stored and shown (no second check against a tolerance typed since), and a
// failed fit, nothing decided or a second save is refused.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "algocore/calibration/CalibrationStore.h"
#include "algocore/session/CalibrationSession.h"

using namespace algocore::session;

namespace {

std::vector<algocal::CalibrationPoint> linear_points() {
    std::vector<algocal::CalibrationPoint> points;
    for (double load : {0.0, 10.0, 20.0, 30.0, 40.0})
        points.push_back({load, algocal::ForceUnit::kNewton, 100.0 + 50.0 * load,
                          algocal::LoadDirection::kAscending, 1});
    return points;
}

CalibrationSetup setup() {
    CalibrationSetup s;
    s.device_serial = "SIM-00000001";
    s.operator_name = "Ada";
    s.reference_standards = {{"W-1", "", 0.01, 2.0}};
    s.tolerance_percent_fs = 1.0;
    return s;
}

class CalibrationSave : public ::testing::Test {
protected:
    std::filesystem::path root = std::filesystem::temp_directory_path() /
                                 ("algoscope-calibration-save-" + std::to_string(getpid()) +
                                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    void SetUp() override { std::filesystem::remove_all(root); }
    void TearDown() override { std::filesystem::remove_all(root); }
};

TEST_F(CalibrationSave, TheDecidedRecordAndVerdictAreWhatIsSaved) {
    CalibrationSession session(algocal::StabilityRule{}, 1.0);
    session.start_with_points(setup(), linear_points());
    EXPECT_TRUE(session.finished());
    const CalibrationOutcome& outcome = session.decide(1, {std::chrono::year{2026} / 12 / 5});
    ASSERT_TRUE(outcome.analysis.ok) << outcome.analysis.message;
    EXPECT_TRUE(outcome.verdict.pass) << outcome.verdict.summary;
    ASSERT_TRUE(session.record());
    EXPECT_EQ(session.record()->id, 0u);

    algocore::CalibrationStore store(root);
    const algocore::StoreResult saved = session.save(store, true);
    ASSERT_TRUE(saved.ok()) << saved.error;
    EXPECT_TRUE(session.saved());
    ASSERT_NE(session.record()->id, 0u);
    EXPECT_EQ(store.active_id(session.record()->device_serial), session.record()->id);
    const algocore::CalibrationLoadResult active =
        store.load_active(session.record()->device_serial, {std::chrono::year{2026} / 12 / 5});
    ASSERT_TRUE(active.ok) << active.message;
    EXPECT_EQ(active.record.fit.coefficients, session.record()->fit.coefficients);
    // The verdict shown after saving is the decided one.
    EXPECT_EQ(session.outcome()->verdict.summary, outcome.verdict.summary);

    const algocore::StoreResult again = session.save(store, true);
    EXPECT_EQ(again.error, "this calibration is already saved");
    EXPECT_EQ(store.history(session.record()->device_serial).size(), 1u);
}

TEST_F(CalibrationSave, NothingDecidedIsNotSaved) {
    CalibrationSession session(algocal::StabilityRule{}, 1.0);
    session.start_with_points(setup(), linear_points());
    algocore::CalibrationStore store(root);
    EXPECT_EQ(session.save(store, true).error, "no calibration has been analysed yet");
    EXPECT_TRUE(store.history("SIM-00000001").empty());
}

} // namespace
