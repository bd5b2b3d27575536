// Issue 12, item 8: once the consumer asks a driver to stop, nothing re-arms the device: no
// START for a DEVICE_INFO or "not streaming" STATUS still on the wire, no CB for a gauge that
// went quiet, no probe from auto-detection.
#include <gtest/gtest.h>

#include "algocore/drivers/AutoDetectDriver.h"
#include "algocore/drivers/NativeDriver.h"
#include "algocore/drivers/WagnerDriver.h"
#include "algotest/NativeEmulator.h"
#include "algotest/VirtualWire.h"
#include "algotest/WagnerEmulator.h"

using namespace algocore;
using namespace algotest;

TEST(StopMeansStop, NativeStopDuringTheHandshakeNeverStartsTheDevice) {
    NativeDriver driver{DriverOptions{}};
    NativeEmulator device;
    VirtualWire wire(driver, device);
    wire.start();
    // GET_INFO goes out after the 50 ms STOP settle; stop before its answer is back, as the
    // CLI does when its duration ends right after a reconnect.
    wire.run_for(0.051);
    ASSERT_EQ(driver.phase(), NativeDriver::Phase::AwaitingInfo);
    driver.stop(wire.link());
    wire.run_for(1.0);
    EXPECT_EQ(device.start_received(), 0) << wire.link().event_log();
    EXPECT_FALSE(device.streaming());
}

TEST(StopMeansStop, NativeStopWhileAStaleStatusArrivesNeverRestartsTheStream) {
    NativeDriver driver{DriverOptions{}};
    NativeEmulator device;
    VirtualWire wire(driver, device);
    wire.start();
    wire.run_for(1.5);
    ASSERT_TRUE(device.streaming());
    driver.stop(wire.link());
    // The device power-cycles as the STOP leaves: its DEVICE_INFO and later heartbeats say
    // "not streaming", which a running driver answers with START.
    wire.inject_to_host(device.power_cycle());
    wire.run_for(2.5);
    EXPECT_EQ(device.start_received(), 1) << wire.link().event_log();
    EXPECT_FALSE(device.streaming());
}

TEST(StopMeansStop, AStoppedWagnerIsNotRearmedWhenItGoesQuiet) {
    DriverOptions options;
    options.wagner_continuous = true;
    WagnerDriver driver(options);
    WagnerEmulator gauge;
    VirtualWire wire(driver, gauge);
    wire.start();
    wire.run_for(0.5);
    ASSERT_TRUE(gauge.streaming());
    driver.stop(wire.link());
    wire.run_for(1.0);
    EXPECT_FALSE(gauge.streaming()) << gauge.command_log();
    EXPECT_EQ(gauge.command_log(), "C100;CB;CE;");
}

TEST(StopMeansStop, AutoDetectionStoppedMidwaySendsNoMoreProbes) {
    AutoDetectDriver driver{DriverOptions{}};
    WagnerEmulator gauge;
    gauge.set_answering(false);
    VirtualWire wire(driver, gauge);
    wire.start();
    wire.run_for(0.1);
    driver.stop(wire.link());
    const std::string sent = wire.link().sent;
    wire.run_for(3.0);
    EXPECT_EQ(wire.link().sent, sent);
}
