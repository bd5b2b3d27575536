// Mark-10 conversation: one poll in flight, as fast as it answers; errors, overload, garbage,
// silence, wrong baud, achieved rate.
#include <gtest/gtest.h>

#include <algorithm>

#include "algocore/drivers/Mark10Driver.h"
#include "algotest/Mark10Emulator.h"
#include "algotest/VirtualWire.h"

using namespace algocore;
using namespace algotest;

namespace {

DriverOptions at_baud(unsigned baud) {
    DriverOptions o;
    o.baud = baud;
    return o;
}

int count_of(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

} // namespace

TEST(Mark10Driver, PollsWithOneRequestInFlightAsFastAsTheGaugeAnswers) {
    Mark10Driver driver(at_baud(115200));
    Mark10Emulator gauge;
    gauge.set_force_n(20.0);
    VirtualWire wire(driver, gauge);
    wire.start();
    for (int i = 0; i < 1000; ++i) {
        wire.run_for(0.001);
        const int polls = count_of(wire.link().sent, "?\r");
        const auto answered = static_cast<int>(wire.link().samples.size());
        ASSERT_GE(polls - answered, 0);
        ASSERT_LE(polls - answered, 1) << "more than one poll in flight at step " << i;
    }
    // Round trip is 3-4 ms on this wire, so the gauge is polled about 250-330 times a second.
    EXPECT_GT(wire.link().samples.size(), 240u);
    EXPECT_NEAR(driver.stats().achieved_rate_hz, wire.link().samples.size(), 30.0);
    for (const auto& s : wire.link().samples)
        EXPECT_NEAR(s.force_n, 20.0, 0.03);
    EXPECT_EQ(driver.stats().bad_frames, 0u);
    EXPECT_TRUE(wire.link().has_event(LinkEvent::Kind::Connected, "Mark-10"));
    ASSERT_TRUE(driver.identity().has_value());
    EXPECT_EQ(driver.identity()->model, "Mark-10 gauge (polled)");
}

TEST(Mark10Driver, DecodesAReplySplitAtEveryByte) {
    const std::string reply = "-18.78 lbF\r\n";
    for (std::size_t cut = 0; cut <= reply.size(); ++cut) {
        Mark10Driver driver(at_baud(9600));
        RecordingLink link;
        const SteadyTime t0{};
        driver.start(t0, link);
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(reply.data());
        driver.on_bytes({t0, {bytes, cut}}, link);
        driver.on_bytes({t0, {bytes + cut, reply.size() - cut}}, link);
        ASSERT_EQ(link.samples.size(), 1u) << "cut " << cut;
        EXPECT_NEAR(link.samples[0].force_n, -18.78 * algocal::kNewtonsPerLbf, 1e-9);
    }
}

TEST(Mark10Driver, ByteByByteDeliveryLosesNothing) {
    Mark10Driver driver(at_baud(115200));
    Mark10Emulator gauge(algocal::ForceUnit::kNewton, "N", 3);
    gauge.set_force_n(4.285);
    VirtualWire::Options options;
    options.max_chunk_bytes = 1;
    VirtualWire wire(driver, gauge, options);
    wire.start();
    wire.run_for(0.5);
    EXPECT_GT(wire.link().samples.size(), 100u);
    EXPECT_EQ(driver.stats().bad_frames, 0u);
    for (const auto& s : wire.link().samples)
        EXPECT_DOUBLE_EQ(s.force_n, 4.285);
}

TEST(Mark10Driver, GarbageIsCountedReportedAndReadingContinues) {
    Mark10Driver driver(at_baud(9600));
    Mark10Emulator gauge;
    gauge.set_force_n(10.0);
    VirtualWire wire(driver, gauge);
    wire.start();
    wire.run_for(0.2);
    wire.inject_to_host("\r\n#$%garbage!\r\n");
    wire.run_for(0.2);
    const auto before = wire.link().samples.size();
    wire.run_for(0.2);
    EXPECT_GE(driver.stats().bad_frames, 1u);
    EXPECT_TRUE(wire.link().has_event(LinkEvent::Kind::Error, "unparsable line"));
    EXPECT_GT(wire.link().samples.size(), before + 40);
}

TEST(Mark10Driver, ANoiseFloodIsCountedInFullButReportedAtMostOncePerSecond) {
    Mark10Driver driver(at_baud(9600));
    Mark10Emulator gauge;
    VirtualWire wire(driver, gauge);
    wire.start();
    for (int i = 0; i < 300; ++i) {
        // Every line different, as line noise is.
        wire.inject_to_host("noise" + std::to_string(i) + "#\r\n");
        wire.run_for(0.01);
    }
    EXPECT_EQ(driver.stats().bad_frames, 300u);
    const auto errors = wire.link().events_of(LinkEvent::Kind::Error);
    EXPECT_GE(errors.size(), 3u);
    EXPECT_LE(errors.size(), 4u);
    EXPECT_NE(errors.back().message.find("more like it before"), std::string::npos);
    EXPECT_GT(wire.link().samples.size(), 500u) << "readings kept flowing through the noise";
}

TEST(Mark10Driver, ErrorRepliesAreCountedWithTheirMeaningAndDoNotStormTheGauge) {
    Mark10Driver driver(at_baud(9600));
    Mark10Emulator gauge;
    gauge.reply_with_error(10);
    VirtualWire wire(driver, gauge);
    wire.start();
    wire.run_for(1.0);
    const auto errors = driver.stats().device_errors;
    // After an error reply the driver waits 100 ms before polling again.
    EXPECT_GE(errors, 8u);
    EXPECT_LE(errors, 11u);
    EXPECT_TRUE(wire.link().has_event(LinkEvent::Kind::Error, "*10 (illegal command)"));
    EXPECT_LE(wire.link().events_of(LinkEvent::Kind::Error).size(), 2u) << wire.link().event_log();
    gauge.reply_with_error(0);
    wire.run_for(0.3);
    EXPECT_FALSE(wire.link().samples.empty());
}

TEST(Mark10Driver, OverloadIsFlaggedAndWarnedOnce) {
    Mark10Driver driver(at_baud(9600));
    Mark10Emulator gauge(algocal::ForceUnit::kNewton, "N");
    gauge.set_capacity_n(50.0);
    gauge.set_force_n(49.0);
    VirtualWire wire(driver, gauge);
    wire.start();
    wire.run_for(0.1);
    gauge.set_force_n(80.0);
    wire.run_for(0.2);
    const auto& last = wire.link().samples.back();
    EXPECT_TRUE(last.flags & kOverload);
    EXPECT_TRUE(last.flags & kAdcSaturated);
    EXPECT_DOUBLE_EQ(last.force_n, 49.0); // the last value it could show, as a lower bound
    EXPECT_EQ(wire.link().events_of(LinkEvent::Kind::Warning).size(), 1u);
    gauge.set_force_n(10.0);
    wire.run_for(0.1);
    EXPECT_FALSE(wire.link().samples.back().flags & kOverload);
    EXPECT_TRUE(wire.link().has_event(LinkEvent::Kind::Info, "back within its range"));
}

TEST(Mark10Driver, AGaugeThatStopsAnsweringIsReportedAndRecovered) {
    Mark10Driver driver(at_baud(9600));
    Mark10Emulator gauge;
    VirtualWire wire(driver, gauge);
    wire.start();
    wire.run_for(0.5);
    gauge.set_answering(false);
    wire.run_for(2.4);
    EXPECT_FALSE(wire.link().has_event(LinkEvent::Kind::Disconnected, ""));
    wire.run_for(0.2);
    EXPECT_TRUE(wire.link().has_event(LinkEvent::Kind::Disconnected, "device stopped answering"));
    // Missed polls are counted: one per 0.5 s reply timeout.
    EXPECT_GE(driver.stats().samples_lost, 4u);
    const auto before = wire.link().samples.size();
    gauge.set_answering(true);
    wire.run_for(0.6);
    ASSERT_GT(wire.link().samples.size(), before);
    EXPECT_TRUE(wire.link().samples[before].flags & kGapBefore);
    EXPECT_TRUE(wire.link().has_event(LinkEvent::Kind::Connected, "answering again"));
}

TEST(Mark10Driver, BytesThatNeverParseBlameTheBaudRate) {
    Mark10Driver driver(at_baud(9600));
    Mark10Emulator gauge;
    gauge.set_answering(false);
    VirtualWire wire(driver, gauge);
    wire.start();
    for (int i = 0; i < 20; ++i) {
        wire.inject_to_host("\x93\xfe\x11\x80\x7f\xe6");
        wire.run_for(0.1);
    }
    EXPECT_TRUE(wire.link().has_event(
        LinkEvent::Kind::Error, "no valid data at 9600 baud \u2014 check the gauge's baud setting"))
        << wire.link().event_log();
    EXPECT_TRUE(wire.link().samples.empty());
}

TEST(Mark10Driver, SilenceFromTheStartIsExplained) {
    Mark10Driver driver(at_baud(19200));
    Mark10Emulator gauge;
    gauge.set_answering(false);
    VirtualWire wire(driver, gauge);
    wire.start();
    wire.run_for(2.6);
    EXPECT_TRUE(wire.link().has_event(LinkEvent::Kind::Error, "no answer from the Mark-10 gauge"));
}

TEST(Mark10Driver, NumericOnlyOutputIsReadInTheConfiguredUnitWithOneWarning) {
    DriverOptions options = at_baud(9600);
    options.unit_when_omitted = algocal::ForceUnit::kPoundForce;
    Mark10Driver driver(options);
    Mark10Emulator gauge(algocal::ForceUnit::kPoundForce, "");
    gauge.set_force_n(10 * algocal::kNewtonsPerLbf);
    VirtualWire wire(driver, gauge);
    wire.start();
    wire.run_for(0.3);
    ASSERT_FALSE(wire.link().samples.empty());
    EXPECT_NEAR(wire.link().samples.back().force_n, 10 * algocal::kNewtonsPerLbf, 0.03);
    const auto warnings = wire.link().events_of(LinkEvent::Kind::Warning);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].message.find("without a unit; reading them as lbf"), std::string::npos);
}

TEST(Mark10Driver, ASlowLinkIsMeasuredAndWarnedAbout) {
    Mark10Driver driver(at_baud(115200));
    Mark10Emulator gauge;
    VirtualWire::Options options;
    options.to_host_delay_s = 0.060; // a sluggish USB adapter
    VirtualWire wire(driver, gauge, options);
    wire.start();
    wire.run_for(5.0);
    // ~62 ms per round trip: about 16 readings/s where 50 are possible.
    EXPECT_NEAR(driver.stats().achieved_rate_hz, 16.0, 2.0);
    EXPECT_NEAR(driver.possible_rate_hz(), Mark10Driver::kMaxPollRateHz, 1e-9);
    EXPECT_TRUE(wire.link().has_event(LinkEvent::Kind::Warning, "well below the 50.0"))
        << wire.link().event_log();
}
