// CUE: the device gives the reaction-time cue itself and stamps it in its own clock, and a
// press EVENT carries the instant the level first changed, so cue and press share one clock.
#include <gtest/gtest.h>

#include "FakeHal.h"

namespace algoproto {
namespace {

using test::Bench;

struct CueBench : Bench {
    CueBench() {
        config.capabilities |= kCapCue;
        hal.cue_available = kCueLed | kCueBuzzer;
    }
};

TEST(FirmwareCoreCue, SwitchesTheCueOnStampsItAndAcknowledges) {
    CueBench bench;
    bench.boot();
    bench.command(Start{1000, 10});
    bench.run_for(5000, 500);
    bench.host.frames.clear();

    const std::uint32_t asked_at = bench.hal.now_us;
    const std::uint16_t seq = bench.command(Cue{42, kCueLed | kCueBuzzer, 150});

    EXPECT_EQ(bench.hal.cue_now, kCueLed | kCueBuzzer);
    ASSERT_EQ(bench.host.frames.size(), 2u);
    // CUE_SHOWN comes before the ACK, like every data answer.
    ASSERT_EQ(bench.host.frames[0].type, static_cast<std::uint8_t>(MessageType::CueShown));
    const auto shown = bench.host.frames[0].as<CueShown>();
    EXPECT_EQ(shown.cue_id, 42);
    EXPECT_EQ(shown.t_us, asked_at);
    EXPECT_EQ(shown.outputs, kCueLed | kCueBuzzer);
    EXPECT_EQ(shown.index, bench.core->next_index());
    const auto ack = bench.host.frames[1].as<Ack>();
    EXPECT_EQ(ack.command_seq, seq);
    EXPECT_EQ(ack.command_type, static_cast<std::uint8_t>(MessageType::Cue));

    // Off after 150 ms of device time, not before.
    bench.run_for(149000, 500);
    EXPECT_EQ(bench.core->cue_outputs(), kCueLed | kCueBuzzer);
    bench.run_for(1000, 500);
    EXPECT_EQ(bench.core->cue_outputs(), 0);
    EXPECT_EQ(bench.hal.cue_now, 0);
}

TEST(FirmwareCoreCue, UsesOnlyTheOutputsTheBoardHas) {
    CueBench bench;
    bench.hal.cue_available = kCueLed;
    bench.boot();
    bench.command(Cue{1, kCueLed | kCueBuzzer, 100});
    const auto shown = bench.host.of_type(MessageType::CueShown);
    ASSERT_EQ(shown.size(), 1u);
    EXPECT_EQ(shown[0].as<CueShown>().outputs, kCueLed);
    EXPECT_EQ(bench.hal.cue_now, kCueLed);
}

TEST(FirmwareCoreCue, RefusesWithoutTheCapability) {
    Bench bench; // no kCapCue
    bench.hal.cue_available = kCueLed;
    bench.boot();
    bench.command(Cue{1, kCueLed, 100});
    const auto nacks = bench.host.of_type(MessageType::Nack);
    ASSERT_EQ(nacks.size(), 1u);
    EXPECT_EQ(nacks[0].as<Nack>().code, NackCode::NotSupported);
    EXPECT_TRUE(bench.host.of_type(MessageType::CueShown).empty());
    EXPECT_EQ(bench.hal.cue_now, 0);
}

TEST(FirmwareCoreCue, RefusesBadArgumentsAndASecondCueWhileOneShows) {
    CueBench bench;
    bench.boot();
    const auto last_nack = [&] {
        const auto nacks = bench.host.of_type(MessageType::Nack);
        return nacks.empty() ? NackCode::UnknownCommand : nacks.back().as<Nack>().code;
    };
    bench.command(Cue{1, kCueLed, 0});
    EXPECT_EQ(last_nack(), NackCode::BadArgument);
    bench.command(Cue{2, kCueLed, kMaxCueDurationMs + 1});
    EXPECT_EQ(last_nack(), NackCode::BadArgument);
    bench.command(Cue{3, 0x80, 100}); // an output the board does not have
    EXPECT_EQ(last_nack(), NackCode::BadArgument);
    EXPECT_EQ(bench.hal.cue_now, 0);

    bench.command(Cue{4, kCueLed, 100});
    bench.command(Cue{5, kCueLed, 100});
    EXPECT_EQ(last_nack(), NackCode::Busy);
    ASSERT_EQ(bench.host.of_type(MessageType::CueShown).size(), 1u);
    // Once it is over, the next cue is accepted.
    bench.run_for(101000, 500);
    bench.command(Cue{6, kCueLed, 100});
    EXPECT_EQ(bench.host.of_type(MessageType::CueShown).size(), 2u);
}

TEST(FirmwareCoreCue, PayloadTooShortIsRefused) {
    CueBench bench;
    bench.boot();
    const std::uint8_t payload[3] = {1, 0, kCueLed};
    std::uint8_t out[kMaxEncodedFrameBytes];
    const std::size_t n = encode_frame(static_cast<std::uint8_t>(MessageType::Cue), 7, payload,
                                       sizeof payload, out, sizeof out);
    bench.core->on_uart_rx(out, n);
    bench.host.take(bench.hal.tx);
    const auto nacks = bench.host.of_type(MessageType::Nack);
    ASSERT_EQ(nacks.size(), 1u);
    EXPECT_EQ(nacks[0].as<Nack>().code, NackCode::PayloadTooShort);
}

TEST(FirmwareCoreCue, APressEventCarriesTheInstantTheLevelFirstChanged) {
    CueBench bench;
    bench.boot();
    bench.command(Start{1000, 10});
    bench.run_for(10000, 500);
    bench.command(Cue{9, kCueLed, 100});
    const auto cue_us = bench.host.of_type(MessageType::CueShown).at(0).as<CueShown>().t_us;

    // The subject presses 250 ms after the cue; the press is accepted 20 ms later.
    bench.run_for(250000, 100);
    bench.hal.buttons = kPatientButton;
    bench.run_for(40000, 100);

    const auto events = bench.host.of_type(MessageType::Event);
    ASSERT_EQ(events.size(), 1u);
    const auto press = events[0].as<Event>();
    EXPECT_TRUE(press.has_edge_time);
    // The first poll that saw the level is 100 µs after it changed.
    EXPECT_EQ(press.edge_t_us - cue_us, 250100u);
    EXPECT_EQ(press.t_us - press.edge_t_us, 20000u);
}

TEST(FirmwareCoreCue, A10EventWithoutEdgeTimeParsesWithTheAcceptedTime) {
    const std::uint8_t payload[kEventBytes] = {
        0xEB, 0x03, 0, 0, 0x2C, 0x92, 0x1E, 0x00, kPatientButton, 1, kPatientButton};
    Event e;
    ASSERT_EQ(parse(payload, sizeof payload, e), ParseStatus::Ok);
    EXPECT_FALSE(e.has_edge_time);
    EXPECT_EQ(e.edge_t_us, 2003500u);
    EXPECT_EQ(e.t_us, 2003500u);
}

} // namespace
} // namespace algoproto
