#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "FrameCollector.h"
#include "algoproto/Parse.h"

namespace algoproto {
namespace {

using test::append;
using test::FrameCollector;
using test::wire;

Samples samples_at(std::uint32_t first_index, std::uint8_t count) {
    Samples m;
    m.first_index = first_index;
    m.t0_us = first_index * 1000u;
    m.period_us = 1000;
    m.count = count;
    for (std::uint8_t i = 0; i < count; ++i) {
        m.counts[i] = static_cast<std::int32_t>(first_index + i) * 3 - 500;
    }
    return m;
}

// A stream with one frame of every device->host and host->device message type.
std::vector<std::uint8_t> mixed_stream() {
    std::vector<std::uint8_t> s;
    std::uint16_t seq = 0;
    DeviceInfo info;
    std::strcpy(info.serial_number, "T-1");
    append(s, wire(info, seq++));
    append(s, wire(samples_at(0, 10), seq++));
    Event event;
    event.index = 10;
    event.button = kOperatorButton;
    event.pressed = 1;
    append(s, wire(event, seq++));
    append(s, wire(samples_at(10, kMaxSamplesPerFrame), seq++));
    append(s, wire(Status{}, seq++));
    append(s, wire(Pong{}, seq++));
    append(s, wire(Ack{}, seq++));
    append(s, wire(Nack{}, seq++));
    append(s, wire(GetInfo{}, seq++));
    append(s, wire(Start{1000, 10}, seq++));
    append(s, wire(Stop{}, seq++));
    append(s, wire(Tare{}, seq++));
    append(s, wire(Ping{5}, seq++));
    return s;
}

constexpr std::size_t kMixedFrames = 13;

TEST(StreamDecoder, DecodesEveryFrameOfAStreamFedAtOnce) {
    const auto stream = mixed_stream();
    StreamDecoder decoder;
    FrameCollector sink;
    decoder.feed(stream.data(), stream.size(), sink);
    ASSERT_EQ(sink.frames.size(), kMixedFrames);
    for (std::size_t i = 0; i < sink.frames.size(); ++i) {
        EXPECT_EQ(sink.frames[i].seq, i);
    }
    EXPECT_EQ(decoder.counters().frames_ok, kMixedFrames);
    EXPECT_EQ(decoder.counters().bytes, stream.size());
    EXPECT_EQ(decoder.counters().seq_gaps, 0u);
    EXPECT_EQ(decoder.counters().samples_lost, 0u);
    EXPECT_TRUE(sink.errors.empty());
}

TEST(StreamDecoder, DecodesTheSameWhenSplitAtEveryByteBoundary) {
    const auto stream = mixed_stream();
    StreamDecoder whole_decoder;
    FrameCollector whole;
    whole_decoder.feed(stream.data(), stream.size(), whole);
    for (std::size_t cut = 0; cut <= stream.size(); ++cut) {
        StreamDecoder decoder;
        FrameCollector sink;
        decoder.feed(stream.data(), cut, sink);
        decoder.feed(stream.data() + cut, stream.size() - cut, sink);
        ASSERT_EQ(sink.frames.size(), kMixedFrames) << "cut at " << cut;
        for (std::size_t i = 0; i < kMixedFrames; ++i) {
            ASSERT_EQ(sink.frames[i].payload, whole.frames[i].payload) << "cut at " << cut;
            ASSERT_EQ(sink.frames[i].type, whole.frames[i].type);
        }
        ASSERT_TRUE(sink.errors.empty()) << "cut at " << cut;
    }
}

TEST(StreamDecoder, DecodesWhenFedOneByteAtATime) {
    const auto stream = mixed_stream();
    StreamDecoder decoder;
    FrameCollector sink;
    for (std::uint8_t byte : stream) {
        decoder.feed(&byte, 1, sink);
    }
    EXPECT_EQ(sink.frames.size(), kMixedFrames);
    EXPECT_EQ(decoder.counters().frames_ok, kMixedFrames);
}

TEST(StreamDecoder, ResyncsAfterGarbageBetweenFrames) {
    std::vector<std::uint8_t> s;
    append(s, wire(samples_at(0, 5), 0));
    append(s, {0x13, 0x37, 0xFF, 0xFE, 0x05, 0x00}); // line noise ending in a delimiter
    append(s, wire(samples_at(5, 5), 1));
    append(s, {0x00, 0x00, 0x00}); // empty frames are padding, not errors
    append(s, wire(samples_at(10, 5), 2));
    StreamDecoder decoder;
    FrameCollector sink;
    decoder.feed(s.data(), s.size(), sink);
    EXPECT_EQ(sink.frames.size(), 3u);
    const auto& c = decoder.counters();
    EXPECT_EQ(c.frames_ok, 3u);
    EXPECT_EQ(c.crc_errors + c.cobs_errors + c.short_frames, 1u);
    EXPECT_EQ(c.samples_lost, 0u);
    EXPECT_EQ(c.seq_gaps, 0u);
}

TEST(StreamDecoder, DropsAFrameWithAWrongCrcAndCountsIt) {
    Ack ack;
    ack.command_seq = 0x0202;
    ack.command_type = 0x82;
    auto bad = wire(ack, 0x0101);
    // The first COBS block covers the header and payload (no zeros there): flip a data byte.
    ASSERT_GT(bad[0], 5);
    bad[4] ^= 0x10;
    std::vector<std::uint8_t> s = bad;
    append(s, wire(samples_at(4, 4), 1));
    StreamDecoder decoder;
    FrameCollector sink;
    decoder.feed(s.data(), 0, sink); // nothing: still at the start
    // Make the stream start cleanly so the first frame's error is counted.
    const std::uint8_t delimiter = 0;
    decoder.feed(&delimiter, 1, sink);
    decoder.feed(s.data(), s.size(), sink);
    EXPECT_EQ(decoder.counters().crc_errors, 1u);
    ASSERT_EQ(sink.errors.size(), 1u);
    EXPECT_EQ(sink.errors[0].first, DecodeError::Crc);
    ASSERT_EQ(sink.frames.size(), 1u);
    EXPECT_EQ(sink.frames[0].seq, 1);
}

TEST(StreamDecoder, CountsAnOversizeFrameAndRecovers) {
    std::vector<std::uint8_t> s{0x00};
    // 300 non-zero encoded bytes: decodes to more than 255 bytes.
    for (int i = 0; i < 300; ++i) {
        s.push_back(0x42);
    }
    s.push_back(0x00);
    append(s, wire(Ack{}, 9));
    StreamDecoder decoder;
    FrameCollector sink;
    decoder.feed(s.data(), s.size(), sink);
    EXPECT_EQ(decoder.counters().oversize_frames, 1u);
    ASSERT_EQ(sink.frames.size(), 1u);
    EXPECT_EQ(sink.frames[0].seq, 9);
}

TEST(StreamDecoder, AcceptsAFrameOfExactly255Bytes) {
    std::vector<std::uint8_t> payload(kMaxPayloadBytes, 0x5A);
    std::vector<std::uint8_t> out(kMaxEncodedFrameBytes);
    out.resize(encode_frame(0x70, 3, payload.data(), payload.size(), out.data(), out.size()));
    ASSERT_FALSE(out.empty());
    StreamDecoder decoder;
    FrameCollector sink;
    decoder.feed(out.data(), out.size(), sink);
    ASSERT_EQ(sink.frames.size(), 1u);
    EXPECT_EQ(sink.frames[0].payload, payload);
    EXPECT_EQ(sink.frames[0].type, 0x70); // unknown types are delivered for the host to skip
}

TEST(StreamDecoder, CountsAShortFrame) {
    const std::vector<std::uint8_t> s{0x00, 0x03, 0x01, 0x01, 0x00};
    StreamDecoder decoder;
    FrameCollector sink;
    decoder.feed(s.data(), s.size(), sink);
    EXPECT_EQ(decoder.counters().short_frames, 1u);
    EXPECT_TRUE(sink.frames.empty());
}

TEST(StreamDecoder, CountsACobsErrorWhenTheDelimiterCutsABlock) {
    const std::vector<std::uint8_t> s{0x00, 0x09, 0x01, 0x02, 0x00};
    StreamDecoder decoder;
    FrameCollector sink;
    decoder.feed(s.data(), s.size(), sink);
    EXPECT_EQ(decoder.counters().cobs_errors, 1u);
}

TEST(StreamDecoder, IgnoresAPartialFrameBeforeTheFirstDelimiter) {
    const auto frame = wire(samples_at(0, 8), 0);
    std::vector<std::uint8_t> s(frame.begin() + 5, frame.end()); // joined mid-frame
    append(s, wire(samples_at(8, 8), 1));
    StreamDecoder decoder;
    FrameCollector sink;
    decoder.feed(s.data(), s.size(), sink);
    EXPECT_EQ(sink.frames.size(), 1u);
    EXPECT_EQ(decoder.counters().crc_errors + decoder.counters().cobs_errors, 0u);
    EXPECT_EQ(decoder.counters().skipped_at_start, frame.size() - 5 - 1);
}

TEST(StreamDecoder, ReportsAnUnknownMajorVersionDistinctly) {
    std::vector<std::uint8_t> out(kMaxEncodedFrameBytes);
    const std::uint8_t payload[3] = {1, 2, 3};
    out.resize(encode_frame_with_version(2, 0x01, 0, payload, 3, out.data(), out.size()));
    StreamDecoder decoder;
    FrameCollector sink;
    decoder.feed(out.data(), out.size(), sink);
    EXPECT_TRUE(sink.frames.empty());
    ASSERT_EQ(sink.errors.size(), 1u);
    EXPECT_EQ(sink.errors[0].first, DecodeError::UnsupportedVersion);
    EXPECT_EQ(sink.errors[0].second, 2);
    EXPECT_EQ(decoder.counters().unsupported_version, 1u);
    char text[160];
    EXPECT_EQ(std::string(describe_unsupported_version(2, text, sizeof(text))),
              "device speaks Algoscope protocol major version 2, this build understands only "
              "version 1: update Algoscope or the device firmware");
    EXPECT_EQ(std::string(describe_unsupported_version(200, text, 8)), "device ");
}

TEST(StreamDecoder, SeqWrapsWithoutAGap) {
    std::vector<std::uint8_t> s;
    append(s, wire(Ack{}, 0xFFFE));
    append(s, wire(Ack{}, 0xFFFF));
    append(s, wire(Ack{}, 0x0000));
    append(s, wire(Ack{}, 0x0001));
    StreamDecoder decoder;
    FrameCollector sink;
    decoder.feed(s.data(), s.size(), sink);
    EXPECT_EQ(sink.frames.size(), 4u);
    EXPECT_EQ(decoder.counters().seq_gaps, 0u);
}

TEST(StreamDecoder, CountsSeqGaps) {
    std::vector<std::uint8_t> s;
    append(s, wire(Ack{}, 10));
    append(s, wire(Ack{}, 12));
    append(s, wire(Ack{}, 13));
    append(s, wire(Ack{}, 20));
    StreamDecoder decoder;
    FrameCollector sink;
    decoder.feed(s.data(), s.size(), sink);
    EXPECT_EQ(decoder.counters().seq_gaps, 2u);
}

TEST(StreamDecoder, SampleIndexWrapsWithoutLoss) {
    std::vector<std::uint8_t> s;
    append(s, wire(samples_at(0xFFFFFFF6u, 10), 0)); // 0xFFFFFFF6..0xFFFFFFFF
    append(s, wire(samples_at(0u, 10), 1));
    append(s, wire(samples_at(10u, 10), 2));
    StreamDecoder decoder;
    FrameCollector sink;
    decoder.feed(s.data(), s.size(), sink);
    EXPECT_EQ(decoder.counters().samples_lost, 0u);
    EXPECT_EQ(decoder.counters().index_restarts, 0u);
}

TEST(StreamDecoder, CountsLostSamplesAcrossTheWrap) {
    std::vector<std::uint8_t> s;
    append(s, wire(samples_at(0xFFFFFFF0u, 10), 0)); // ends before 0xFFFFFFFA
    append(s, wire(samples_at(4u, 10), 1));          // 0xFFFFFFFA..3 lost: 10 samples
    StreamDecoder decoder;
    FrameCollector sink;
    decoder.feed(s.data(), s.size(), sink);
    EXPECT_EQ(decoder.counters().samples_lost, 10u);
}

TEST(StreamDecoder, CountsLostSamplesWhenASamplesFrameIsCorrupted) {
    std::vector<std::uint8_t> s;
    append(s, wire(samples_at(0, 20), 0));
    auto bad = wire(samples_at(20, 20), 1);
    bad[bad.size() / 2] ^= 0x10;
    append(s, bad);
    append(s, wire(samples_at(40, 20), 2));
    StreamDecoder decoder;
    FrameCollector sink;
    decoder.feed(s.data(), s.size(), sink);
    EXPECT_EQ(decoder.counters().frames_ok, 2u);
    EXPECT_EQ(decoder.counters().samples_lost, 20u);
    EXPECT_EQ(decoder.counters().seq_gaps, 1u);
    EXPECT_EQ(decoder.counters().crc_errors + decoder.counters().cobs_errors, 1u);
}

TEST(StreamDecoder, CountsAnIndexRestartNotALoss) {
    std::vector<std::uint8_t> s;
    append(s, wire(samples_at(5000, 10), 100));
    append(s, wire(samples_at(0, 10), 0)); // device power-cycled
    StreamDecoder decoder;
    FrameCollector sink;
    decoder.feed(s.data(), s.size(), sink);
    EXPECT_EQ(decoder.counters().samples_lost, 0u);
    EXPECT_EQ(decoder.counters().index_restarts, 1u);
}

TEST(StreamDecoder, ResetContinuityForgetsSeqAndIndex) {
    StreamDecoder decoder;
    FrameCollector sink;
    auto a = wire(samples_at(0, 10), 0);
    decoder.feed(a.data(), a.size(), sink);
    decoder.reset_continuity();
    auto b = wire(samples_at(500, 10), 77);
    decoder.feed(b.data(), b.size(), sink);
    EXPECT_EQ(decoder.counters().samples_lost, 0u);
    EXPECT_EQ(decoder.counters().seq_gaps, 0u);
}

} // namespace
} // namespace algoproto
