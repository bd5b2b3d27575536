// A trial's time on the wall clock: the workbench reads the wall clock once, as a device's
// session clock starts (connect), and every trial measured on that clock carries it as its
// anchor; samples from no device (a scripted feed) have none, and none is made up.
#include <gtest/gtest.h>

#include "SessionFixture.h"
#include "algocore/acquisition/FakeTransport.h"

using namespace algocore;
using namespace algocore::session;
using records::BodySide;

namespace {

struct AnchorFixture : ::testing::Test {
    algotest::TempDir dir;
    std::string path = dir.file("study.sqlite");
    // The wall clock reads 10:00:00.250 UTC whenever it is asked.
    WorkbenchOptions clock() {
        WorkbenchOptions options;
        options.utc_now = [] { return std::string("2026-12-01T10:00:00.250Z"); };
        return options;
    }
    Workbench wb{clock()};

    void SetUp() override {
        ASSERT_EQ(wb.open_database(path), "");
        Visit v;
        v.subject_code = "S001";
        ASSERT_EQ(wb.begin_visit(v), "");
        wb.thresholds().select_point(*wb.storage()->find_site("upper_trapezius"), BodySide::Left);
    }
    // One trial: a ramp from 2 s on the session clock, signalled at 300 kPa.
    std::vector<records::Trial> one_trial() {
        EXPECT_EQ(wb.thresholds().start_trial(0.0), "");
        sessiontest::feed(wb, sessiontest::idle(0.0, 2.0));
        sessiontest::feed(wb, sessiontest::ramp(2.0, 300.0));
        sessiontest::settle(wb);
        return wb.storage()->trials_of(wb.visit().session_id());
    }
};

} // namespace

TEST_F(AnchorFixture, ATrialMeasuredOnADevicesClockCarriesTheWallClockOfItsStart) {
    AcquisitionConfig config;
    config.opener = std::make_shared<FakeOpener>(std::make_shared<FakeLine>());
    config.driver = "ascii";
    std::string error;
    ASSERT_TRUE(wb.connect(config, &error)) << error;
    EXPECT_EQ(wb.visit().clock_zero_utc(), "2026-12-01T10:00:00.250Z");
    const auto trials = one_trial();
    ASSERT_EQ(trials.size(), 1u);
    EXPECT_EQ(trials[0].clock_zero_utc, "2026-12-01T10:00:00.250Z");
    EXPECT_GT(trials[0].ramp_start_t_s, 2.0);
    wb.disconnect();
}

TEST_F(AnchorFixture, SamplesFromNoDeviceHaveNoAnchorAndTheTrialNoneMadeUp) {
    AcquisitionConfig config;
    config.opener = std::make_shared<FakeOpener>(std::make_shared<FakeLine>());
    config.driver = "ascii";
    std::string error;
    ASSERT_TRUE(wb.connect(config, &error)) << error;
    wb.disconnect();
    // The device is gone; a scripted feed runs on a clock nobody anchored.
    const auto trials = one_trial();
    ASSERT_EQ(trials.size(), 1u);
    EXPECT_EQ(trials[0].clock_zero_utc, "");
}
