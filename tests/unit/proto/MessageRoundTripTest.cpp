#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "FrameCollector.h"
#include "algoproto/Parse.h"

namespace algoproto {
namespace {

using test::FrameCollector;
using test::wire;

// Encodes `message`, decodes it with a fresh StreamDecoder and parses the payload back.
template <class Message> Message round_trip(const Message& message, MessageType type) {
    const auto bytes = wire(message, 0x1234);
    EXPECT_FALSE(bytes.empty());
    EXPECT_EQ(bytes.back(), 0x00);
    StreamDecoder decoder;
    FrameCollector sink;
    decoder.feed(bytes.data(), bytes.size(), sink);
    EXPECT_EQ(sink.frames.size(), 1u);
    Message out{};
    if (sink.frames.size() != 1) {
        return out;
    }
    EXPECT_EQ(sink.frames[0].type, static_cast<std::uint8_t>(type));
    EXPECT_EQ(sink.frames[0].seq, 0x1234);
    const auto& payload = sink.frames[0].payload;
    EXPECT_EQ(parse(payload.data(), payload.size(), out), ParseStatus::Ok);
    return out;
}

Samples full_samples() {
    Samples m;
    m.first_index = 0xFFFFFFF0u;
    m.t0_us = 123456789u;
    m.period_us = 500;
    m.count = kMaxSamplesPerFrame;
    m.flags = kFlagOperatorButton | kFlagAdcSaturated;
    for (std::size_t i = 0; i < m.count; ++i) {
        m.counts[i] = static_cast<std::int32_t>(i * 104729) - 4000000;
    }
    m.counts[0] = kAdcMaxCounts;
    m.counts[1] = kAdcMinCounts;
    m.counts[2] = -1;
    m.counts[3] = 0;
    return m;
}

TEST(MessageRoundTrip, SamplesKeepEveryFieldAndTheInt24Extremes) {
    const Samples in = full_samples();
    const Samples out = round_trip(in, MessageType::Samples);
    EXPECT_EQ(out.first_index, in.first_index);
    EXPECT_EQ(out.t0_us, in.t0_us);
    EXPECT_EQ(out.period_us, in.period_us);
    EXPECT_EQ(out.count, in.count);
    EXPECT_EQ(out.flags, in.flags);
    for (std::size_t i = 0; i < in.count; ++i) {
        EXPECT_EQ(out.counts[i], in.counts[i]) << i;
    }
}

TEST(MessageRoundTrip, AFullSamplesFrameIsTheLargestFrame) {
    const auto bytes = wire(full_samples(), 0);
    // 4 header + 12 + 79*3 payload + 2 CRC = 255 decoded bytes.
    EXPECT_GE(bytes.size(), 255u + 2u);
    EXPECT_LE(bytes.size(), kMaxEncodedFrameBytes);
}

TEST(MessageRoundTrip, Event) {
    Event in;
    in.index = 77;
    in.t_us = 0xDEADBEEF;
    in.button = kPatientButton;
    in.pressed = 1;
    in.buttons = kPatientButton | kOperatorButton;
    in.edge_t_us = 0xDEADBEEF - 20000;
    const Event out = round_trip(in, MessageType::Event);
    EXPECT_EQ(out.index, 77u);
    EXPECT_EQ(out.t_us, 0xDEADBEEFu);
    EXPECT_EQ(out.button, kPatientButton);
    EXPECT_EQ(out.pressed, 1);
    EXPECT_EQ(out.buttons, 3);
    EXPECT_TRUE(out.has_edge_time);
    EXPECT_EQ(out.edge_t_us, 0xDEADBEEFu - 20000u);
}

TEST(MessageRoundTrip, CueAndCueShown) {
    Cue cue;
    cue.cue_id = 0xBEEF;
    cue.outputs = kCueLed | kCueBuzzer;
    cue.duration_ms = 150;
    const Cue cue_out = round_trip(cue, MessageType::Cue);
    EXPECT_EQ(cue_out.cue_id, 0xBEEF);
    EXPECT_EQ(cue_out.outputs, kCueLed | kCueBuzzer);
    EXPECT_EQ(cue_out.duration_ms, 150);

    CueShown shown;
    shown.cue_id = 0xBEEF;
    shown.index = 0xFFFFFFFEu;
    shown.t_us = 123456789u;
    shown.outputs = kCueLed;
    const CueShown shown_out = round_trip(shown, MessageType::CueShown);
    EXPECT_EQ(shown_out.cue_id, 0xBEEF);
    EXPECT_EQ(shown_out.index, 0xFFFFFFFEu);
    EXPECT_EQ(shown_out.t_us, 123456789u);
    EXPECT_EQ(shown_out.outputs, kCueLed);
}

TEST(MessageRoundTrip, Status) {
    Status in;
    in.uptime_ms = 3600000;
    in.overflow_frames = 12;
    in.battery_mv = 3711;
    in.battery_percent = 64;
    in.state = kStateStreaming | kStateTaring;
    in.error_bits = kErrorTxOverflow | kErrorOverload;
    in.rate_hz = 2000;
    in.batch = 20;
    in.zero_counts = -81234;
    const Status out = round_trip(in, MessageType::Status);
    EXPECT_EQ(out.uptime_ms, in.uptime_ms);
    EXPECT_EQ(out.overflow_frames, in.overflow_frames);
    EXPECT_EQ(out.battery_mv, in.battery_mv);
    EXPECT_EQ(out.battery_percent, in.battery_percent);
    EXPECT_EQ(out.state, in.state);
    EXPECT_EQ(out.error_bits, in.error_bits);
    EXPECT_EQ(out.rate_hz, in.rate_hz);
    EXPECT_EQ(out.batch, in.batch);
    EXPECT_EQ(out.zero_counts, in.zero_counts);
}

TEST(MessageRoundTrip, DeviceInfo) {
    DeviceInfo in;
    in.firmware_major = 1;
    in.firmware_minor = 4;
    in.firmware_patch = 2;
    in.capabilities = kCapTare | kCapClockSync | kCapPatientButton;
    std::strcpy(in.serial_number, "ALG-0001-XYZ-987"); // exactly 16 characters
    in.adc_nominal_rate_hz = 1000;
    in.max_rate_hz = 2000;
    in.counts_per_newton = 41943.04f;
    in.zero_offset_counts = -12345;
    in.probe_area_cm2 = 1.0f;
    in.full_scale_n = 200.0f;
    const DeviceInfo out = round_trip(in, MessageType::DeviceInfo);
    EXPECT_EQ(out.protocol_major, kProtocolMajor);
    EXPECT_EQ(out.protocol_minor, kProtocolMinor);
    EXPECT_EQ(out.firmware_major, 1);
    EXPECT_EQ(out.firmware_minor, 4);
    EXPECT_EQ(out.firmware_patch, 2);
    EXPECT_EQ(out.capabilities, in.capabilities);
    EXPECT_STREQ(out.serial_number, "ALG-0001-XYZ-987");
    EXPECT_EQ(out.adc_nominal_rate_hz, 1000);
    EXPECT_EQ(out.max_rate_hz, 2000);
    EXPECT_FLOAT_EQ(out.counts_per_newton, 41943.04f);
    EXPECT_EQ(out.zero_offset_counts, -12345);
    EXPECT_FLOAT_EQ(out.probe_area_cm2, 1.0f);
    EXPECT_FLOAT_EQ(out.full_scale_n, 200.0f);
}

TEST(MessageRoundTrip, DeviceInfoPadsAShortSerialWithZeros) {
    DeviceInfo in;
    std::strcpy(in.serial_number, "SIM-42");
    const DeviceInfo out = round_trip(in, MessageType::DeviceInfo);
    EXPECT_STREQ(out.serial_number, "SIM-42");
}

TEST(MessageRoundTrip, Pong) {
    Pong in;
    in.host_time = 0x0123456789ABCDEFull;
    in.device_t_us = 42;
    const Pong out = round_trip(in, MessageType::Pong);
    EXPECT_EQ(out.host_time, in.host_time);
    EXPECT_EQ(out.device_t_us, 42u);
}

TEST(MessageRoundTrip, AckAndNackCarryTheCommandSeq) {
    Ack ack;
    ack.command_seq = 0xFFFE;
    ack.command_type = static_cast<std::uint8_t>(MessageType::Start);
    const Ack ack_out = round_trip(ack, MessageType::Ack);
    EXPECT_EQ(ack_out.command_seq, 0xFFFE);
    EXPECT_EQ(ack_out.command_type, 0x82);

    Nack nack;
    nack.command_seq = 7;
    nack.command_type = static_cast<std::uint8_t>(MessageType::Tare);
    nack.code = NackCode::Busy;
    const Nack nack_out = round_trip(nack, MessageType::Nack);
    EXPECT_EQ(nack_out.command_seq, 7);
    EXPECT_EQ(nack_out.command_type, 0x84);
    EXPECT_EQ(nack_out.code, NackCode::Busy);
}

TEST(MessageRoundTrip, CommandsWithoutPayload) {
    round_trip(GetInfo{}, MessageType::GetInfo);
    round_trip(Stop{}, MessageType::Stop);
    round_trip(Tare{}, MessageType::Tare);
}

TEST(MessageRoundTrip, StartAndPing) {
    Start start;
    start.rate_hz = 1000;
    start.batch = 10;
    const Start start_out = round_trip(start, MessageType::Start);
    EXPECT_EQ(start_out.rate_hz, 1000);
    EXPECT_EQ(start_out.batch, 10);

    Ping ping;
    ping.host_time = 987654321987ull;
    EXPECT_EQ(round_trip(ping, MessageType::Ping).host_time, 987654321987ull);
}

TEST(MessageParse, AcceptsPayloadsWithAppendedFields) {
    std::vector<std::uint8_t> payload(kStatusBytes + 5, 0xAB);
    Status status;
    EXPECT_EQ(parse(payload.data(), payload.size(), status), ParseStatus::Ok);
    EXPECT_EQ(status.uptime_ms, 0xABABABABu);

    // Build a SAMPLES payload by hand with 4 extra trailing bytes.
    std::vector<std::uint8_t> sp{1, 0, 0, 0, 2,    0,    0,    0, 0xE8, 0x03, 2,
                                 0, 1, 0, 0, 0xFF, 0xFF, 0xFF, 9, 9,    9,    9};
    Samples parsed;
    ASSERT_EQ(parse(sp.data(), sp.size(), parsed), ParseStatus::Ok);
    EXPECT_EQ(parsed.first_index, 1u);
    EXPECT_EQ(parsed.t0_us, 2u);
    EXPECT_EQ(parsed.period_us, 1000);
    EXPECT_EQ(parsed.counts[0], 1);
    EXPECT_EQ(parsed.counts[1], -1);
}

TEST(MessageParse, RefusesShortPayloads) {
    const std::vector<std::uint8_t> payload(64, 0);
    Event event;
    Status status;
    DeviceInfo info;
    Pong pong;
    Ack ack;
    Nack nack;
    Start start;
    Ping ping;
    Samples samples;
    Cue cue;
    CueShown shown;
    EXPECT_EQ(parse(payload.data(), kCueBytes - 1, cue), ParseStatus::TooShort);
    EXPECT_EQ(parse(payload.data(), kCueShownBytes - 1, shown), ParseStatus::TooShort);
    EXPECT_EQ(parse(payload.data(), kEventBytes - 1, event), ParseStatus::TooShort);
    EXPECT_EQ(parse(payload.data(), kStatusBytes - 1, status), ParseStatus::TooShort);
    EXPECT_EQ(parse(payload.data(), kDeviceInfoBytes - 1, info), ParseStatus::TooShort);
    EXPECT_EQ(parse(payload.data(), kPongBytes - 1, pong), ParseStatus::TooShort);
    EXPECT_EQ(parse(payload.data(), kAckBytes - 1, ack), ParseStatus::TooShort);
    EXPECT_EQ(parse(payload.data(), kNackBytes - 1, nack), ParseStatus::TooShort);
    EXPECT_EQ(parse(payload.data(), kStartBytes - 1, start), ParseStatus::TooShort);
    EXPECT_EQ(parse(payload.data(), kPingBytes - 1, ping), ParseStatus::TooShort);
    EXPECT_EQ(parse(payload.data(), kSamplesHeaderBytes - 1, samples), ParseStatus::TooShort);
}

TEST(MessageParse, RefusesSamplesWhoseCountExceedsThePayload) {
    std::vector<std::uint8_t> sp{0, 0, 0, 0, 0, 0, 0, 0, 0xE8, 0x03, 3, 0, 1, 0, 0, 2, 0, 0};
    Samples parsed;
    EXPECT_EQ(parse(sp.data(), sp.size(), parsed), ParseStatus::TooShort);
    sp[10] = 0;
    EXPECT_EQ(parse(sp.data(), sp.size(), parsed), ParseStatus::Invalid);
}

TEST(MessageEncode, RefusesInvalidSamplesAndSmallBuffers) {
    Samples empty;
    std::uint8_t out[kMaxEncodedFrameBytes];
    EXPECT_EQ(encode(empty, 0, out, sizeof(out)), 0u);
    Ack ack;
    EXPECT_EQ(encode(ack, 0, out, 5), 0u);
    EXPECT_GT(encode(ack, 0, out, sizeof(out)), 0u);
    std::uint8_t big[kMaxPayloadBytes + 1] = {};
    EXPECT_EQ(encode_frame(0x01, 0, big, sizeof(big), out, sizeof(out)), 0u);
}

TEST(MessageTypes, NamesAndDirections) {
    EXPECT_STREQ(type_name(0x01), "SAMPLES");
    EXPECT_STREQ(type_name(0x85), "PING");
    EXPECT_STREQ(type_name(0x86), "CUE");
    EXPECT_STREQ(type_name(0x08), "CUE_SHOWN");
    EXPECT_TRUE(is_known_type(0x86));
    EXPECT_TRUE(is_known_type(0x08));
    EXPECT_STREQ(type_name(0x42), "UNKNOWN");
    EXPECT_TRUE(is_known_type(0x84));
    EXPECT_FALSE(is_known_type(0x7F));
    EXPECT_TRUE(is_command_type(0x81));
    EXPECT_FALSE(is_command_type(0x01));
}

} // namespace
} // namespace algoproto
