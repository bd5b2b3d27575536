#include <gtest/gtest.h>

#include "FakeHal.h"

namespace algoproto {
namespace {

using test::Bench;

Ack ack_of(const test::SentFrame& f) {
    return f.as<Ack>();
}

TEST(FirmwareCore, SendsDeviceInfoAtPowerUp) {
    Bench bench;
    bench.boot();
    ASSERT_EQ(bench.host.frames.size(), 1u);
    EXPECT_EQ(bench.host.frames[0].type, static_cast<std::uint8_t>(MessageType::DeviceInfo));
    EXPECT_EQ(bench.host.frames[0].seq, 0);
    const auto info = bench.host.frames[0].as<DeviceInfo>();
    EXPECT_STREQ(info.serial_number, "TEST-0001");
    EXPECT_EQ(info.firmware_minor, 2);
    EXPECT_EQ(info.protocol_major, 1);
    EXPECT_FLOAT_EQ(info.counts_per_newton, 1000.0f);
    EXPECT_EQ(info.zero_offset_counts, 500);
}

TEST(FirmwareCore, DoesNotStreamBeforeStart) {
    Bench bench;
    bench.boot();
    bench.run_for(500000);
    EXPECT_TRUE(bench.host.of_type(MessageType::Samples).empty());
    EXPECT_FALSE(bench.core->streaming());
}

TEST(FirmwareCore, AutostartStreamsAtTheDefaultRateAndBatch) {
    Bench bench(true);
    bench.boot();
    bench.run_for(100000);
    const auto samples = bench.host.of_type(MessageType::Samples);
    ASSERT_EQ(samples.size(), 10u); // 100 ms at 1000 Hz in batches of 10
    const auto first = samples[0].as<Samples>();
    EXPECT_EQ(first.first_index, 0u);
    EXPECT_EQ(first.period_us, 1000);
    EXPECT_EQ(first.count, 10);
    EXPECT_EQ(first.counts[0], 0); // ADC at the factory zero
}

TEST(FirmwareCore, StartIsAckedAndSamplesComeInBatchesOnAFixedGrid) {
    Bench bench;
    bench.boot();
    bench.hal.adc_counts = 500 + 2500;
    const std::uint32_t start_us = bench.hal.now_us;
    const std::uint16_t seq = bench.command(Start{500, 5});
    const auto acks = bench.host.of_type(MessageType::Ack);
    ASSERT_EQ(acks.size(), 1u);
    EXPECT_EQ(ack_of(acks[0]).command_seq, seq);
    EXPECT_EQ(ack_of(acks[0]).command_type, static_cast<std::uint8_t>(MessageType::Start));

    bench.run_for(100000, 250);
    const auto samples = bench.host.of_type(MessageType::Samples);
    ASSERT_EQ(samples.size(), 10u); // 50 samples at 500 Hz, 5 per frame
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const auto s = samples[i].as<Samples>();
        EXPECT_EQ(s.first_index, i * 5);
        EXPECT_EQ(s.count, 5);
        EXPECT_EQ(s.period_us, 2000);
        EXPECT_EQ(s.t0_us, start_us + i * 5 * 2000);
        EXPECT_EQ(s.counts[4], 2500);
    }
    EXPECT_EQ(bench.host.decoder.counters().seq_gaps, 0u);
    EXPECT_EQ(bench.host.decoder.counters().samples_lost, 0u);
}

TEST(FirmwareCore, RefusesStartOutsideItsLimits) {
    Bench bench;
    bench.boot();
    bench.command(Start{10, 5});    // below 16 Hz
    bench.command(Start{2001, 5});  // above max_rate_hz
    bench.command(Start{1000, 0});  // empty batch
    bench.command(Start{1000, 80}); // more than fits a frame
    const auto nacks = bench.host.of_type(MessageType::Nack);
    ASSERT_EQ(nacks.size(), 4u);
    for (const auto& n : nacks) {
        EXPECT_EQ(n.as<Nack>().code, NackCode::BadArgument);
    }
    EXPECT_FALSE(bench.core->streaming());
}

TEST(FirmwareCore, RefusesAStartWithAShortPayload) {
    Bench bench;
    bench.boot();
    std::uint8_t out[kMaxEncodedFrameBytes];
    const std::uint8_t payload[2] = {0xE8, 0x03};
    const std::size_t n = encode_frame(0x82, 5, payload, 2, out, sizeof(out));
    bench.core->on_uart_rx(out, n);
    bench.host.take(bench.hal.tx);
    const auto nacks = bench.host.of_type(MessageType::Nack);
    ASSERT_EQ(nacks.size(), 1u);
    EXPECT_EQ(nacks[0].as<Nack>().code, NackCode::PayloadTooShort);
    EXPECT_EQ(nacks[0].as<Nack>().command_seq, 5);
}

TEST(FirmwareCore, StopSendsThePartialBatchThenAcks) {
    Bench bench;
    bench.boot();
    bench.command(Start{1000, 10});
    bench.run_for(15000, 1000); // samples at 0..15 ms: one full frame + 6 pending
    bench.command(Stop{});
    const auto& frames = bench.host.frames;
    ASSERT_GE(frames.size(), 2u);
    const auto& last = frames.back();
    const auto& before = frames[frames.size() - 2];
    EXPECT_EQ(last.type, static_cast<std::uint8_t>(MessageType::Ack));
    EXPECT_EQ(before.type, static_cast<std::uint8_t>(MessageType::Samples));
    EXPECT_EQ(before.as<Samples>().count, 6);
    EXPECT_EQ(before.as<Samples>().first_index, 10u);
    bench.run_for(100000);
    EXPECT_EQ(bench.host.of_type(MessageType::Samples).size(), 2u);
}

TEST(FirmwareCore, IndexContinuesAcrossStopAndStart) {
    Bench bench;
    bench.boot();
    bench.command(Start{1000, 10});
    bench.run_for(20000, 1000);
    bench.command(Stop{});
    bench.run_for(50000, 1000);
    bench.command(Start{1000, 10});
    bench.run_for(20000, 1000);
    const auto samples = bench.host.of_type(MessageType::Samples);
    ASSERT_GE(samples.size(), 3u);
    EXPECT_EQ(samples[2].as<Samples>().first_index, 20u);
    EXPECT_EQ(bench.host.decoder.counters().samples_lost, 0u);
}

TEST(FirmwareCore, NacksAnUnknownCommand) {
    Bench bench;
    bench.boot();
    std::uint8_t out[kMaxEncodedFrameBytes];
    const std::size_t n = encode_frame(0x9A, 42, nullptr, 0, out, sizeof(out));
    bench.core->on_uart_rx(out, n);
    bench.host.take(bench.hal.tx);
    const auto nacks = bench.host.of_type(MessageType::Nack);
    ASSERT_EQ(nacks.size(), 1u);
    EXPECT_EQ(nacks[0].as<Nack>().code, NackCode::UnknownCommand);
    EXPECT_EQ(nacks[0].as<Nack>().command_seq, 42);
    EXPECT_EQ(nacks[0].as<Nack>().command_type, 0x9A);
}

TEST(FirmwareCore, NacksACommandOfAnotherMajorVersion) {
    Bench bench;
    bench.boot();
    std::uint8_t out[kMaxEncodedFrameBytes];
    const std::size_t n = encode_frame_with_version(2, 0x81, 1, nullptr, 0, out, sizeof(out));
    bench.core->on_uart_rx(out, n);
    bench.host.take(bench.hal.tx);
    const auto nacks = bench.host.of_type(MessageType::Nack);
    ASSERT_EQ(nacks.size(), 1u);
    EXPECT_EQ(nacks[0].as<Nack>().code, NackCode::UnsupportedVersion);
    EXPECT_EQ(nacks[0].as<Nack>().command_seq, 0xFFFF);
}

TEST(FirmwareCore, GetInfoAnswersDeviceInfoThenAck) {
    Bench bench;
    bench.boot();
    const std::uint16_t seq = bench.command(GetInfo{});
    const auto& frames = bench.host.frames;
    ASSERT_EQ(frames.size(), 3u);
    EXPECT_EQ(frames[1].type, static_cast<std::uint8_t>(MessageType::DeviceInfo));
    EXPECT_EQ(frames[2].type, static_cast<std::uint8_t>(MessageType::Ack));
    EXPECT_EQ(ack_of(frames[2]).command_seq, seq);
}

TEST(FirmwareCore, PingAnswersPongWithTheHostTimeAndDeviceClock) {
    Bench bench;
    bench.boot();
    bench.hal.now_us = 777777;
    bench.command(Ping{0xABCDEF0123ull});
    const auto pongs = bench.host.of_type(MessageType::Pong);
    ASSERT_EQ(pongs.size(), 1u);
    EXPECT_EQ(pongs[0].as<Pong>().host_time, 0xABCDEF0123ull);
    EXPECT_EQ(pongs[0].as<Pong>().device_t_us, 777777u);
    EXPECT_EQ(bench.host.of_type(MessageType::Ack).size(), 1u);
}

TEST(FirmwareCore, SendsAStatusHeartbeatEverySecond) {
    Bench bench;
    bench.boot();
    bench.command(Start{1000, 10});
    bench.run_for(3500000, 1000);
    const auto statuses = bench.host.of_type(MessageType::Status);
    ASSERT_EQ(statuses.size(), 3u);
    const auto s = statuses[2].as<Status>();
    EXPECT_EQ(s.uptime_ms, 3000u);
    EXPECT_EQ(s.state & kStateStreaming, kStateStreaming);
    EXPECT_EQ(s.rate_hz, 1000);
    EXPECT_EQ(s.batch, 10);
    EXPECT_EQ(s.battery_mv, 3700);
    EXPECT_EQ(s.battery_percent, 80);
    EXPECT_EQ(s.zero_counts, 500);
    EXPECT_EQ(s.error_bits, 0);
}

TEST(FirmwareCore, CountsFramesDroppedWhenTheUartIsFull) {
    Bench bench;
    bench.boot();
    bench.command(Start{1000, 10});
    bench.run_for(50000, 1000);
    bench.hal.uart_accepts = false; // host stopped reading: 30 samples in 3 frames dropped
    bench.run_for(30000, 1000);
    bench.hal.uart_accepts = true;
    bench.run_for(1000000, 1000);
    EXPECT_EQ(bench.core->counters().overflow_frames, 3u);
    const auto& c = bench.host.decoder.counters();
    EXPECT_EQ(c.samples_lost, 30u);
    EXPECT_EQ(c.seq_gaps, 1u);
    const auto statuses = bench.host.of_type(MessageType::Status);
    ASSERT_EQ(statuses.size(), 1u);
    EXPECT_EQ(statuses[0].as<Status>().overflow_frames, 3u);
    EXPECT_NE(statuses[0].as<Status>().error_bits & kErrorTxOverflow, 0);
}

TEST(FirmwareCore, FlagsOverloadAndSaturation) {
    Bench bench;
    bench.boot();
    bench.command(Start{1000, 10});
    bench.hal.adc_counts = 500 + 150000; // 150 N, full scale 100 N
    bench.run_for(10000, 1000);
    bench.hal.adc_counts = kAdcMaxCounts;
    bench.run_for(10000, 1000);
    const auto samples = bench.host.of_type(MessageType::Samples);
    ASSERT_EQ(samples.size(), 2u);
    EXPECT_EQ(samples[0].as<Samples>().flags, kFlagOverload);
    EXPECT_EQ(samples[1].as<Samples>().flags, kFlagOverload | kFlagAdcSaturated);
    EXPECT_EQ(samples[1].as<Samples>().counts[1], kAdcMaxCounts - 500);
}

TEST(FirmwareCore, SurvivesTheMicrosecondClockWrap) {
    Bench bench;
    bench.hal.now_us = 0xFFFFFFFFu - 25000;
    bench.boot();
    bench.command(Start{1000, 10});
    bench.run_for(100000, 500);
    const auto samples = bench.host.of_type(MessageType::Samples);
    ASSERT_EQ(samples.size(), 10u);
    for (std::size_t i = 1; i < samples.size(); ++i) {
        const auto prev = samples[i - 1].as<Samples>();
        const auto cur = samples[i].as<Samples>();
        EXPECT_EQ(static_cast<std::uint32_t>(cur.t0_us - prev.t0_us), 10000u);
    }
    EXPECT_EQ(bench.host.decoder.counters().samples_lost, 0u);
}

TEST(FirmwareCore, SkipsSamplesAfterAStallAndTheHostSeesTheLoss) {
    Bench bench;
    bench.boot();
    bench.command(Start{1000, 10});
    bench.run_for(10000, 1000);
    bench.hal.now_us += 500000; // main loop blocked for half a second
    bench.core->poll();
    bench.run_for(20000, 1000);
    const std::uint32_t skipped = bench.core->counters().samples_skipped;
    EXPECT_GT(skipped, 400u);
    EXPECT_EQ(bench.host.decoder.counters().samples_lost, skipped);
    EXPECT_EQ(bench.core->counters().samples_taken + skipped, bench.core->next_index());
}

TEST(FirmwareCore, AnAdcFaultLosesThatSampleVisibly) {
    Bench bench;
    bench.boot();
    bench.command(Start{1000, 10});
    bench.run_for(5000, 1000);
    bench.hal.adc_ok = false;
    bench.run_for(1000, 1000);
    bench.hal.adc_ok = true;
    bench.run_for(14000, 1000);
    EXPECT_EQ(bench.host.decoder.counters().samples_lost, 1u);
}

TEST(FirmwareCore, AMisconfiguredMaxRateStillGivesAUsablePeriod) {
    Bench bench(true);
    bench.config.max_rate_hz = 0;
    bench.boot();
    EXPECT_EQ(bench.core->rate_hz(), kMinRateHz);
    EXPECT_EQ(bench.core->period_us(), 62500);
    bench.run_for(1000000, 10000);
    EXPECT_FALSE(bench.host.of_type(MessageType::Samples).empty());
}

} // namespace
} // namespace algoproto
