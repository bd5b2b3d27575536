// The reaction-time test end to end on the simulated algometer behind a pseudo-terminal: the
// workbench asks the device for each cue, the simulated subject answers after the reaction
// time it was given, and the measured median lands within 5 ms of it, on the device's clock
// (USB, the pty and the host's scheduling do not enter).
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "algocore/session/Workbench.h"
#include "algosim/SimulatedAlgometer.h"

namespace {

using namespace algocore;
using namespace std::chrono_literals;

TEST(ReactionOnSimulator, TheMedianOfADeviceCuedTestIsWithin5MsOfTheSubjectsReactionTime) {
    algosim::SimulatedAlgometerOptions options;
    options.scenario = "idle";
    options.reaction = {250.0, 0.0};
    options.seed = 4;
    algosim::SimulatedAlgometer sim(options);
    ASSERT_EQ(sim.start(), "");

    session::Workbench wb;
    AcquisitionConfig config;
    config.port = sim.device_path();
    config.driver = "native";
    std::string error;
    ASSERT_TRUE(wb.connect(config, &error)) << error;
    // The handshake on a loaded machine can take a while: judge what happens, not when.
    const auto connect_until = SteadyClock::now() + 20s;
    while (!wb.device_gives_cues() && SteadyClock::now() < connect_until) {
        wb.poll();
        wb.refresh_status();
        std::this_thread::sleep_for(10ms);
    }
    ASSERT_TRUE(wb.device_gives_cues());

    protocols::ReactionTimeConfig test;
    test.trials = 5;
    test.practice = 1;
    ASSERT_EQ(wb.start_reaction_test(test), "");
    EXPECT_EQ(wb.reaction().source(), protocols::CueSource::Device);
    const auto until = SteadyClock::now() + 120s;
    while (wb.reaction().running() && SteadyClock::now() < until) {
        wb.poll();
        std::this_thread::sleep_for(5ms);
    }
    wb.disconnect();
    sim.stop();
    ASSERT_TRUE(wb.reaction().result());
    const auto& summary = wb.reaction().result()->summary;
    EXPECT_TRUE(summary.complete);
    EXPECT_EQ(summary.n, 5);
    EXPECT_EQ(summary.anticipations, 0);
    EXPECT_EQ(summary.cue_source, protocols::CueSource::Device);
    ASSERT_TRUE(summary.median_ms);
    EXPECT_NEAR(*summary.median_ms, 250.0, 5.0);
    for (const auto& line : wb.reaction().result()->cues)
        EXPECT_NEAR(line.reaction_ms.value_or(0.0), 250.0, 5.0) << "cue " << line.number;
}

} // namespace
