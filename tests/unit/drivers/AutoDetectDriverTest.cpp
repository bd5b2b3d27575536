// Auto-detection of every dialect from emulator traffic, without setting-changing commands.
#include <gtest/gtest.h>

#include <memory>

#include "algocore/drivers/AutoDetectDriver.h"
#include "algotest/AsciiLineEmulator.h"
#include "algotest/ImadaEmulator.h"
#include "algotest/Mark10Emulator.h"
#include "algotest/NativeEmulator.h"
#include "algotest/ShimpoEmulator.h"
#include "algotest/VirtualWire.h"
#include "algotest/WagnerEmulator.h"

using namespace algocore;
using namespace algotest;

namespace {

struct Detection {
    std::string driver;
    std::string commands; // what the device received, as the emulator logged it
    std::size_t samples = 0;
    std::string events;
};

// Detect for 2 s, then let the chosen driver run for 0.5 s.
Detection detect(GaugeEmulator& device) {
    AutoDetectDriver driver{DriverOptions{}};
    VirtualWire wire(driver, device);
    wire.start();
    wire.run_for(2.0);
    Detection d;
    d.driver = std::string(driver.name());
    d.commands = device.command_log();
    wire.run_for(0.5);
    d.samples = wire.link().samples.size();
    d.events = wire.link().event_log();
    return d;
}

// Commands that change a gauge's settings or mode (zero, units, continuous output, ...).
void expect_only_read_only_commands(const std::string& log) {
    for (const char* changing : {"CB", "CE", "C1", "BB", "AB", "Z", "U", "MEM", "CLR"})
        EXPECT_EQ(log.find(changing), std::string::npos) << changing << " sent: " << log;
}

} // namespace

TEST(AutoDetect, FindsAQuietNativeDeviceByAskingForItsInfo) {
    NativeEmulator device;
    const auto d = detect(device);
    EXPECT_EQ(d.driver, "native") << d.events;
    EXPECT_GT(d.samples, 100u);
    EXPECT_NE(d.events.find("auto: found native"), std::string::npos);
}

TEST(AutoDetect, FindsAStreamingNativeDeviceByListeningOnly) {
    NativeEmulator::Options o;
    o.streaming_at_open = true;
    NativeEmulator device(o);
    AutoDetectDriver driver{DriverOptions{}};
    VirtualWire wire(driver, device);
    wire.start();
    wire.run_for(0.3);
    // Found within the 0.4 s of listening, before any probe was sent.
    EXPECT_EQ(driver.name(), "native");
    EXPECT_TRUE(
        wire.link().has_event(LinkEvent::Kind::Info, "auto: found native (native protocol frames)"))
        << wire.link().event_log();
}

TEST(AutoDetect, HandsACueRequestToTheNativeDriverItFound) {
    // algoscope-cli rt with the default --driver auto waited for cues that were never asked.
    NativeEmulator::Options o;
    o.gives_cues = true;
    NativeEmulator device(o);
    AutoDetectDriver driver{DriverOptions{}};
    VirtualWire wire(driver, device);
    wire.start();
    EXPECT_FALSE(driver.request_cue(1, 200, wire.link())); // nothing found yet
    wire.run_for(2.0);
    ASSERT_EQ(driver.name(), "native") << wire.link().event_log();
    ASSERT_TRUE(driver.identity() && driver.identity()->gives_cues);
    ASSERT_TRUE(driver.request_cue(7, 200, wire.link()));
    wire.run_for(0.1);
    EXPECT_EQ(device.cues_received(), 1);
    const auto cues = wire.link().events_of(LinkEvent::Kind::Cue);
    ASSERT_EQ(cues.size(), 1u) << wire.link().event_log();
    EXPECT_EQ(cues[0].cue_id, 7);
}

TEST(AutoDetect, FindsAMark10) {
    Mark10Emulator gauge;
    const auto d = detect(gauge);
    EXPECT_EQ(d.driver, "mark10") << d.events;
    EXPECT_GT(d.samples, 50u);
    expect_only_read_only_commands(d.commands);
}

TEST(AutoDetect, FindsAPolledWagnerAndTellsItFromAMark10) {
    WagnerEmulator gauge;
    const auto d = detect(gauge);
    EXPECT_EQ(d.driver, "wagner") << d.events;
    expect_only_read_only_commands(d.commands);
}

TEST(AutoDetect, FindsAWagnerAlreadyInContinuousOutput) {
    WagnerEmulator gauge;
    gauge.receive("C50\rCB\r");
    AutoDetectDriver driver{DriverOptions{}};
    VirtualWire wire(driver, gauge);
    wire.start();
    wire.run_for(0.4);
    EXPECT_EQ(driver.name(), "wagner");
    // Nothing was sent while listening; the handed-over driver only re-sends CB (begin), so
    // the rate the user set on the gauge is kept.
    EXPECT_EQ(gauge.command_log(), "C50;CB;CB;");
    EXPECT_EQ(gauge.rate_hz(), 50);
    EXPECT_GT(wire.link().samples.size(), 10u);
}

TEST(AutoDetect, FindsAnImada) {
    ImadaEmulator gauge;
    const auto d = detect(gauge);
    EXPECT_EQ(d.driver, "imada") << d.events;
    EXPECT_GT(d.samples, 50u);
    expect_only_read_only_commands(d.commands);
}

TEST(AutoDetect, FindsAShimpoByItsEcho) {
    ShimpoEmulator gauge;
    const auto d = detect(gauge);
    EXPECT_EQ(d.driver, "shimpo") << d.events;
    EXPECT_GT(d.samples, 50u);
    expect_only_read_only_commands(d.commands);
}

TEST(AutoDetect, FindsAGenericBoardPrintingNumbers) {
    AsciiLineEmulator board;
    AutoDetectDriver driver{DriverOptions{}};
    VirtualWire wire(driver, board);
    wire.start();
    wire.run_for(0.4);
    EXPECT_EQ(driver.name(), "ascii");
    EXPECT_EQ(board.commands_received(), 0);
}

TEST(AutoDetect, SaysWhyNothingWasFoundOnASilentPort) {
    Mark10Emulator gauge;
    gauge.set_answering(false);
    AutoDetectDriver driver{DriverOptions{}};
    VirtualWire wire(driver, gauge);
    wire.start();
    wire.run_for(2.0);
    EXPECT_EQ(driver.name(), "auto");
    EXPECT_TRUE(wire.link().has_event(LinkEvent::Kind::Error, "the port stayed silent"))
        << wire.link().event_log();
}

TEST(AutoDetect, BlamesTheBaudRateWhenBytesNeverParse) {
    Mark10Emulator gauge;
    gauge.set_answering(false);
    DriverOptions options;
    options.baud = 38400;
    AutoDetectDriver driver(options);
    VirtualWire wire(driver, gauge);
    wire.start();
    for (int i = 0; i < 20; ++i) {
        wire.inject_to_host("\x93\xfe\x11\x80\x7f\xe6\x9c");
        wire.run_for(0.1);
    }
    EXPECT_TRUE(wire.link().has_event(LinkEvent::Kind::Error, "no valid data at 38400 baud"))
        << wire.link().event_log();
}
