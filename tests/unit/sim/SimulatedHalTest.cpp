#include "algosim/SimulatedHal.h"

#include <gtest/gtest.h>

#include "algoproto/firmware/FirmwareCore.h"

namespace {

using namespace algosim;

struct Bench {
    Scenario scenario{"test", {{0, 0, false, false}, {1, 100, true, false}}, false};
    SimulatedHand hand{HandSteadiness{}, 1};
    LoadCell load_cell{LoadCellSpec{}, 1};
    WireFaults faults{0.0, 0.0, 1};
};

TEST(SimulatedHal, AdcFollowsTheScenarioAtTheSimulatedTime) {
    Bench bench;
    SimulatedHal hal(bench.scenario, bench.hand, bench.load_cell, 1.0, bench.faults, 1024);
    hal.advance_to(500'000);
    std::int32_t counts = 0;
    ASSERT_TRUE(hal.read_adc(counts));
    // 50 kPa on 1 cm² = 5 N = 40000 counts above the 21500 zero.
    EXPECT_NEAR(counts, 21500 + 40000, 200);
    EXPECT_EQ(hal.read_buttons(), 0);
    hal.advance_to(1'000'000);
    EXPECT_EQ(hal.read_buttons(), algoproto::kPatientButton);
}

TEST(SimulatedHal, DeviceClockRestartsAtPowerUpWhileTheScenarioGoesOn) {
    Bench bench;
    SimulatedHal hal(bench.scenario, bench.hand, bench.load_cell, 1.0, bench.faults, 1024);
    hal.advance_to(700'000);
    EXPECT_EQ(hal.micros(), 700'000u);
    hal.power_up();
    EXPECT_EQ(hal.micros(), 0u);
    hal.advance_to(750'000);
    EXPECT_EQ(hal.micros(), 50'000u);
    std::int32_t counts = 0;
    hal.read_adc(counts);
    EXPECT_NEAR(hal.last_applied_kpa(), 75.0, 1e-9);
}

TEST(SimulatedHal, FullTransmitBufferRefusesWholeFramesAndFirmwareCountsOverflow) {
    Bench bench;
    SimulatedHal hal(bench.scenario, bench.hand, bench.load_cell, 1.0, bench.faults, 256);
    algoproto::firmware::DeviceConfig config;
    config.autostart = true;
    config.adc_nominal_rate_hz = 1000;
    config.default_batch = 10;
    algoproto::firmware::FirmwareCore core(hal, config);
    // Nobody drains the buffer (the host does not read): it fills within a few frames.
    for (std::uint64_t t_us = 0; t_us <= 200'000; t_us += 50) {
        hal.advance_to(t_us);
        core.poll();
    }
    EXPECT_LE(hal.tx_pending(), 256u);
    EXPECT_GT(hal.tx_overflow_bytes(), 0u);
    EXPECT_GT(core.counters().overflow_frames, 0u);
    // Unplugged: draining into no port discards what was queued.
    EXPECT_EQ(hal.drain_to(nullptr), 0u);
    EXPECT_EQ(hal.tx_pending(), 0u);
}

TEST(WireFaults, DropAndCorruptAtAboutTheGivenRates) {
    WireFaults faults(0.1, 0.05, 1);
    int passed = 0, changed = 0;
    for (int i = 0; i < 100000; ++i) {
        std::uint8_t byte = 0x5A;
        if (faults.pass(byte)) {
            ++passed;
            if (byte != 0x5A) {
                ++changed;
                EXPECT_EQ(__builtin_popcount(byte ^ 0x5A), 1);
            }
        }
    }
    EXPECT_NEAR(faults.dropped(), 10000, 400);
    EXPECT_NEAR(changed, 0.05 * passed, 300);
    EXPECT_EQ(faults.corrupted(), static_cast<std::uint64_t>(changed));
}

} // namespace
