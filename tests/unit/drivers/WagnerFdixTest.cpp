// Issue 12, item 11: the Wagner FDIX's continuous output chosen by name, so a gauge that was
// power-cycled (and forgot its mode) is streamed at 100 readings/s without auto-detection.
#include <gtest/gtest.h>

#include <algorithm>

#include "algocore/drivers/DriverFactory.h"
#include "algotest/VirtualWire.h"
#include "algotest/WagnerEmulator.h"

using namespace algocore;
using namespace algotest;

TEST(WagnerFdix, ByNameItStartsContinuousOutputAtOneHundredPerSecond) {
    std::string error;
    const auto driver = make_driver("wagner-fdix", DriverOptions{}, &error);
    ASSERT_TRUE(driver) << error;
    EXPECT_EQ(driver->name(), "wagner-fdix");
    WagnerEmulator gauge; // just powered on: not streaming, default rate 10/s
    gauge.set_force_n(20.0);
    VirtualWire wire(*driver, gauge);
    wire.start();
    wire.run_for(1.0);
    EXPECT_EQ(gauge.command_log(), "C100;CB;");
    EXPECT_TRUE(gauge.streaming());
    EXPECT_EQ(gauge.rate_hz(), 100);
    EXPECT_NEAR(static_cast<double>(wire.link().samples.size()), 100.0, 3.0);
    EXPECT_NEAR(driver->stats().achieved_rate_hz, 100.0, 3.0);
}

TEST(WagnerFdix, APowerCycledGaugeIsRearmedAndStoppedCleanly) {
    const auto driver = make_driver("wagner-fdix", DriverOptions{}, nullptr);
    ASSERT_TRUE(driver);
    WagnerEmulator gauge;
    VirtualWire wire(*driver, gauge);
    wire.start();
    wire.run_for(0.5);
    gauge.power_cycle();
    wire.run_for(0.5);
    EXPECT_TRUE(gauge.streaming());
    EXPECT_EQ(gauge.rate_hz(), 100);
    EXPECT_EQ(gauge.command_log(), "C100;CB;C100;CB;");
    driver->stop(wire.link());
    wire.run_for(0.05);
    EXPECT_FALSE(gauge.streaming());
}

TEST(WagnerFdix, IsListedWithTheOtherDrivers) {
    const auto names = driver_names();
    EXPECT_NE(std::find(names.begin(), names.end(), "wagner-fdix"), names.end());
}
