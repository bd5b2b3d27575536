// The simulated subject of a reaction-time test: answers the device's cue with the patient
// button after the reaction time asked for, and the firmware stamps both in its own clock.
#include "algosim/ReactingSubject.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "algoproto/Encode.h"
#include "algoproto/Parse.h"
#include "algoproto/StreamDecoder.h"
#include "algoproto/firmware/FirmwareCore.h"
#include "algosim/SimulatedHal.h"

namespace {

using namespace algosim;

TEST(ReactionTimeOption, ParsesMeanAndMeanWithSd) {
    ReactionTime rt;
    EXPECT_EQ(parse_reaction_time("250", rt), "");
    EXPECT_DOUBLE_EQ(rt.mean_ms, 250.0);
    EXPECT_DOUBLE_EQ(rt.sd_ms, 0.0);
    EXPECT_EQ(parse_reaction_time("310.5:40", rt), "");
    EXPECT_DOUBLE_EQ(rt.mean_ms, 310.5);
    EXPECT_DOUBLE_EQ(rt.sd_ms, 40.0);
}

TEST(ReactionTimeOption, RefusesGarbageAndOutOfRangeValuesLeavingTheOldOne) {
    ReactionTime rt{300.0, 20.0};
    EXPECT_NE(parse_reaction_time("", rt), "");
    EXPECT_NE(parse_reaction_time("fast", rt), "");
    EXPECT_NE(parse_reaction_time("250:", rt), "");
    EXPECT_NE(parse_reaction_time("250:x", rt), "");
    EXPECT_NE(parse_reaction_time("20", rt), "");
    EXPECT_NE(parse_reaction_time("250:-1", rt), "");
    EXPECT_NE(parse_reaction_time("nan", rt), "");
    EXPECT_DOUBLE_EQ(rt.mean_ms, 300.0);
    EXPECT_DOUBLE_EQ(rt.sd_ms, 20.0);
}

TEST(ReactingSubject, PressesExactlyTheMeanAfterTheCueWithoutSpread) {
    ReactingSubject subject({250.0, 0.0}, 1);
    subject.cue(1'000'000);
    EXPECT_FALSE(subject.pressing(1'249'999));
    EXPECT_TRUE(subject.pressing(1'250'000));
    EXPECT_TRUE(subject.pressing(1'250'000 + ReactingSubject::kHoldUs - 1));
    EXPECT_FALSE(subject.pressing(1'250'000 + ReactingSubject::kHoldUs));
}

TEST(ReactingSubject, DrawsReactionTimesWithTheMeanAndSdAskedFor) {
    ReactingSubject subject({300.0, 40.0}, 7);
    std::vector<double> ms;
    for (int i = 0; i < 4000; ++i) {
        subject.cue(static_cast<std::uint64_t>(i) * 3'000'000);
        ms.push_back(static_cast<double>(*subject.last_reaction_us()) / 1000.0);
    }
    double sum = 0, sum_sq = 0;
    for (double v : ms)
        sum += v;
    const double mean = sum / static_cast<double>(ms.size());
    for (double v : ms)
        sum_sq += (v - mean) * (v - mean);
    const double sd = std::sqrt(sum_sq / static_cast<double>(ms.size() - 1));
    EXPECT_NEAR(mean, 300.0, 2.5);
    EXPECT_NEAR(sd, 40.0, 2.0);
}

TEST(ReactingSubject, ACueWhileStillAnsweringTheLastOneIsNotNoticed) {
    ReactingSubject subject({250.0, 0.0}, 1);
    subject.cue(0);
    subject.cue(100'000);
    EXPECT_TRUE(subject.pressing(250'000));
    EXPECT_FALSE(subject.pressing(350'000 + ReactingSubject::kHoldUs));
}

// Takes everything the device sends.
struct CapturingPort : VirtualSerialPort {
    std::vector<std::uint8_t> bytes;
    std::string device_path() const override { return "capture"; }
    std::string os_device_path() const override { return "capture"; }
    PortIoResult read(std::span<std::uint8_t>) override {
        return {PortIoStatus::WouldBlock, 0, {}};
    }
    PortIoResult write(std::span<const std::uint8_t> data) override {
        bytes.insert(bytes.end(), data.begin(), data.end());
        return {PortIoStatus::Ok, data.size(), {}};
    }
    bool wait_readable(std::chrono::milliseconds) override { return false; }
    void close() override {}
    bool is_open() const override { return true; }
};

// The whole device: firmware core on the simulated HAL, with the subject answering CUE.
struct Collector : algoproto::FrameHandler {
    std::vector<algoproto::CueShown> cues;
    std::vector<algoproto::Event> events;
    void on_frame(const algoproto::Frame& f) override {
        if (f.type == static_cast<std::uint8_t>(algoproto::MessageType::CueShown)) {
            algoproto::CueShown c;
            if (algoproto::parse(f.payload, f.payload_size, c) == algoproto::ParseStatus::Ok)
                cues.push_back(c);
        }
        if (f.type == static_cast<std::uint8_t>(algoproto::MessageType::Event)) {
            algoproto::Event e;
            if (algoproto::parse(f.payload, f.payload_size, e) == algoproto::ParseStatus::Ok)
                events.push_back(e);
        }
    }
};

TEST(ReactingSubject, TheDeviceMeasuresTheReactionTimeTheSubjectWasGiven) {
    Scenario scenario{"idle", {{0, 0, false, false}}, false};
    SimulatedHand hand{HandSteadiness{}, 1};
    LoadCell load_cell{LoadCellSpec{}, 1};
    WireFaults faults{0.0, 0.0, 1};
    SimulatedHal hal(scenario, hand, load_cell, 1.0, faults, 1 << 16);
    ReactingSubject subject({250.0, 0.0}, 3);
    hal.set_subject(&subject);
    algoproto::firmware::DeviceConfig config;
    config.capabilities = algoproto::kCapPatientButton | algoproto::kCapCue;
    algoproto::firmware::FirmwareCore core(hal, config);

    std::uint64_t t_us = 0;
    const auto run_until = [&](std::uint64_t end_us) {
        for (; t_us <= end_us; t_us += 50) {
            hal.advance_to(t_us);
            core.poll();
        }
    };
    run_until(500'000);
    algoproto::Cue cue;
    cue.cue_id = 1;
    cue.outputs = algoproto::kCueLed;
    cue.duration_ms = 100;
    std::uint8_t wire[algoproto::kMaxEncodedFrameBytes];
    const std::size_t n = algoproto::encode(cue, 0, wire, sizeof wire);
    core.on_uart_rx(wire, n);
    EXPECT_EQ(hal.cue_outputs(), algoproto::kCueLed);
    run_until(1'000'000);
    EXPECT_EQ(hal.cue_outputs(), 0);

    CapturingPort port;
    hal.drain_to(&port);
    Collector host;
    algoproto::StreamDecoder decoder;
    decoder.feed(port.bytes.data(), port.bytes.size(), host);
    ASSERT_EQ(host.cues.size(), 1u);
    ASSERT_EQ(host.events.size(), 2u); // press and release
    EXPECT_EQ(host.events[0].pressed, 1);
    // The level changes at the step the subject presses; the firmware sees it at that poll.
    EXPECT_EQ(host.events[0].edge_t_us - host.cues[0].t_us, 250'000u);
}

} // namespace
