#include <gtest/gtest.h>

#include "FakeHal.h"

namespace algoproto {
namespace {

using firmware::kTareSamples;
using test::Bench;

TEST(FirmwareCoreTare, TakesTheCurrentLoadAsZeroAndAcksWhenDone) {
    Bench bench;
    bench.boot();
    bench.command(Start{1000, 10});
    bench.hal.adc_counts = 42000; // a probe resting on the sensor
    bench.run_for(20000, 1000);
    const std::uint16_t seq = bench.command(Tare{});
    EXPECT_TRUE(bench.core->taring());
    EXPECT_TRUE(bench.host.of_type(MessageType::Ack).size() == 1u); // START's only
    bench.run_for((kTareSamples * 1000 + 1000), 1000);
    EXPECT_FALSE(bench.core->taring());
    EXPECT_EQ(bench.core->zero_counts(), 42000);
    const auto acks = bench.host.of_type(MessageType::Ack);
    ASSERT_EQ(acks.size(), 2u);
    EXPECT_EQ(acks[1].as<Ack>().command_seq, seq);
    EXPECT_EQ(acks[1].as<Ack>().command_type, static_cast<std::uint8_t>(MessageType::Tare));

    // Every SAMPLES frame after the ACK is net of the new zero.
    bench.host.frames.clear();
    bench.run_for(30000, 1000);
    const auto samples = bench.host.of_type(MessageType::Samples);
    ASSERT_FALSE(samples.empty());
    for (const auto& f : samples) {
        const auto s = f.as<Samples>();
        for (std::size_t i = 0; i < s.count; ++i) {
            EXPECT_EQ(s.counts[i], 0);
        }
    }
    bench.run_for(1000000, 1000);
    const auto statuses = bench.host.of_type(MessageType::Status);
    ASSERT_FALSE(statuses.empty());
    EXPECT_EQ(statuses.back().as<Status>().zero_counts, 42000);
}

TEST(FirmwareCoreTare, AveragesTheReadingsRoundedToNearest) {
    Bench bench;
    bench.boot();
    bench.run_for(1000, 1000); // catch up, so each step below takes exactly one reading
    const std::uint16_t seq = bench.command(Tare{});
    // Alternate 1000 and 1003: mean 1001.5 rounds to 1002. Works while not streaming too.
    for (int i = 0; i < kTareSamples; ++i) {
        bench.hal.adc_counts = (i % 2 == 0) ? 1000 : 1003;
        bench.run_for(1000, 1000);
    }
    EXPECT_EQ(bench.core->zero_counts(), 1002);
    const auto acks = bench.host.of_type(MessageType::Ack);
    ASSERT_EQ(acks.size(), 1u);
    EXPECT_EQ(acks[0].as<Ack>().command_seq, seq);
}

TEST(FirmwareCoreTare, NegativeLoadsRoundToNearestToo) {
    Bench bench;
    bench.boot();
    bench.run_for(1000, 1000);
    bench.command(Tare{});
    for (int i = 0; i < kTareSamples; ++i) {
        bench.hal.adc_counts = (i % 2 == 0) ? -1000 : -1003;
        bench.run_for(1000, 1000);
    }
    EXPECT_EQ(bench.core->zero_counts(), -1002);
}

TEST(FirmwareCoreTare, ASecondTareWhileTaringIsBusy) {
    Bench bench;
    bench.boot();
    bench.command(Tare{});
    const std::uint16_t second = bench.command(Tare{});
    const auto nacks = bench.host.of_type(MessageType::Nack);
    ASSERT_EQ(nacks.size(), 1u);
    EXPECT_EQ(nacks[0].as<Nack>().code, NackCode::Busy);
    EXPECT_EQ(nacks[0].as<Nack>().command_seq, second);
}

TEST(FirmwareCoreTare, FailsAndKeepsTheOldZeroWhenTheAdcSaturates) {
    Bench bench;
    bench.boot();
    bench.command(Tare{});
    bench.hal.adc_counts = kAdcMaxCounts;
    bench.run_for((kTareSamples * 1000 + 1000), 1000);
    const auto nacks = bench.host.of_type(MessageType::Nack);
    ASSERT_EQ(nacks.size(), 1u);
    EXPECT_EQ(nacks[0].as<Nack>().code, NackCode::TareFailed);
    EXPECT_EQ(bench.core->zero_counts(), 500);
}

TEST(FirmwareCoreTare, IsRefusedWithoutTheCapability) {
    Bench bench;
    bench.config.capabilities = 0;
    bench.boot();
    bench.command(Tare{});
    const auto nacks = bench.host.of_type(MessageType::Nack);
    ASSERT_EQ(nacks.size(), 1u);
    EXPECT_EQ(nacks[0].as<Nack>().code, NackCode::NotSupported);
}

} // namespace
} // namespace algoproto
