#include "algoproto/Encode.h"

#include <cstring>

#include "ByteOrder.h"
#include "algoproto/Cobs.h"
#include "algoproto/Crc16.h"
#include "algoproto/Parse.h"

namespace algoproto {

using namespace detail;

std::size_t encode_frame_with_version(std::uint8_t version, std::uint8_t type, std::uint16_t seq,
                                      const std::uint8_t* payload, std::size_t payload_size,
                                      std::uint8_t* out, std::size_t capacity) {
    if (payload_size > kMaxPayloadBytes || (payload_size > 0 && payload == nullptr)) {
        return 0;
    }
    // Assemble the decoded frame, append the CRC over ver..payload, then stuff it.
    std::uint8_t frame[kMaxFrameBytes];
    std::uint8_t* p = frame;
    put_u8(p, version);
    put_u8(p, type);
    put_u16(p, seq);
    if (payload_size > 0) {
        std::memcpy(p, payload, payload_size);
        p += payload_size;
    }
    const std::uint16_t crc = crc16_ccitt_false(frame, static_cast<std::size_t>(p - frame));
    put_u16(p, crc);
    const auto frame_size = static_cast<std::size_t>(p - frame);
    if (capacity < 1) {
        return 0;
    }
    const CobsResult stuffed = cobs_encode(frame, frame_size, out, capacity - 1);
    if (stuffed.status != CobsStatus::Ok) {
        return 0;
    }
    out[stuffed.size] = kFrameDelimiter;
    return stuffed.size + 1;
}

std::size_t encode_frame(std::uint8_t type, std::uint16_t seq, const std::uint8_t* payload,
                         std::size_t payload_size, std::uint8_t* out, std::size_t capacity) {
    return encode_frame_with_version(kProtocolMajor, type, seq, payload, payload_size, out,
                                     capacity);
}

namespace {

std::size_t finish(MessageType type, std::uint16_t seq, const std::uint8_t* payload,
                   const std::uint8_t* end, std::uint8_t* out, std::size_t capacity) {
    return encode_frame(static_cast<std::uint8_t>(type), seq, payload,
                        static_cast<std::size_t>(end - payload), out, capacity);
}

} // namespace

std::size_t encode(const Samples& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity) {
    if (m.count == 0 || m.count > kMaxSamplesPerFrame) {
        return 0;
    }
    std::uint8_t payload[kMaxPayloadBytes];
    std::uint8_t* p = payload;
    put_u32(p, m.first_index);
    put_u32(p, m.t0_us);
    put_u16(p, m.period_us);
    put_u8(p, m.count);
    put_u8(p, m.flags);
    for (std::size_t i = 0; i < m.count; ++i) {
        put_i24(p, m.counts[i]);
    }
    return finish(MessageType::Samples, seq, payload, p, out, capacity);
}

std::size_t encode(const Event& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity) {
    std::uint8_t payload[kEventEdgeBytes];
    std::uint8_t* p = payload;
    put_u32(p, m.index);
    put_u32(p, m.t_us);
    put_u8(p, m.button);
    put_u8(p, m.pressed);
    put_u8(p, m.buttons);
    put_u32(p, m.has_edge_time ? m.edge_t_us : m.t_us);
    return finish(MessageType::Event, seq, payload, p, out, capacity);
}

std::size_t encode(const Status& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity) {
    std::uint8_t payload[kStatusBytes];
    std::uint8_t* p = payload;
    put_u32(p, m.uptime_ms);
    put_u32(p, m.overflow_frames);
    put_u16(p, m.battery_mv);
    put_u8(p, m.battery_percent);
    put_u8(p, m.state);
    put_u16(p, m.error_bits);
    put_u16(p, m.rate_hz);
    put_u8(p, m.batch);
    put_u8(p, 0); // reserved
    put_i32(p, m.zero_counts);
    return finish(MessageType::Status, seq, payload, p, out, capacity);
}

std::size_t encode(const DeviceInfo& m, std::uint16_t seq, std::uint8_t* out,
                   std::size_t capacity) {
    std::uint8_t payload[kDeviceInfoBytes];
    std::uint8_t* p = payload;
    put_u8(p, m.protocol_major);
    put_u8(p, m.protocol_minor);
    put_u8(p, m.firmware_major);
    put_u8(p, m.firmware_minor);
    put_u8(p, m.firmware_patch);
    put_u8(p, m.capabilities);
    // Serial number: ASCII, padded with 0x00 to 16 bytes.
    bool ended = false;
    for (std::size_t i = 0; i < kSerialNumberBytes; ++i) {
        ended = ended || m.serial_number[i] == '\0';
        put_u8(p, ended ? 0 : static_cast<std::uint8_t>(m.serial_number[i]));
    }
    put_u16(p, m.adc_nominal_rate_hz);
    put_u16(p, m.max_rate_hz);
    put_f32(p, m.counts_per_newton);
    put_i32(p, m.zero_offset_counts);
    put_f32(p, m.probe_area_cm2);
    put_f32(p, m.full_scale_n);
    return finish(MessageType::DeviceInfo, seq, payload, p, out, capacity);
}

std::size_t encode(const Pong& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity) {
    std::uint8_t payload[kPongBytes];
    std::uint8_t* p = payload;
    put_u64(p, m.host_time);
    put_u32(p, m.device_t_us);
    return finish(MessageType::Pong, seq, payload, p, out, capacity);
}

std::size_t encode(const Ack& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity) {
    std::uint8_t payload[kAckBytes];
    std::uint8_t* p = payload;
    put_u16(p, m.command_seq);
    put_u8(p, m.command_type);
    return finish(MessageType::Ack, seq, payload, p, out, capacity);
}

std::size_t encode(const Nack& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity) {
    std::uint8_t payload[kNackBytes];
    std::uint8_t* p = payload;
    put_u16(p, m.command_seq);
    put_u8(p, m.command_type);
    put_u8(p, static_cast<std::uint8_t>(m.code));
    return finish(MessageType::Nack, seq, payload, p, out, capacity);
}

std::size_t encode(const GetInfo&, std::uint16_t seq, std::uint8_t* out, std::size_t capacity) {
    return encode_frame(static_cast<std::uint8_t>(MessageType::GetInfo), seq, nullptr, 0, out,
                        capacity);
}

std::size_t encode(const Start& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity) {
    std::uint8_t payload[kStartBytes];
    std::uint8_t* p = payload;
    put_u16(p, m.rate_hz);
    put_u8(p, m.batch);
    return finish(MessageType::Start, seq, payload, p, out, capacity);
}

std::size_t encode(const Stop&, std::uint16_t seq, std::uint8_t* out, std::size_t capacity) {
    return encode_frame(static_cast<std::uint8_t>(MessageType::Stop), seq, nullptr, 0, out,
                        capacity);
}

std::size_t encode(const Tare&, std::uint16_t seq, std::uint8_t* out, std::size_t capacity) {
    return encode_frame(static_cast<std::uint8_t>(MessageType::Tare), seq, nullptr, 0, out,
                        capacity);
}

std::size_t encode(const Ping& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity) {
    std::uint8_t payload[kPingBytes];
    std::uint8_t* p = payload;
    put_u64(p, m.host_time);
    return finish(MessageType::Ping, seq, payload, p, out, capacity);
}

std::size_t encode(const CueShown& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity) {
    std::uint8_t payload[kCueShownBytes];
    std::uint8_t* p = payload;
    put_u16(p, m.cue_id);
    put_u32(p, m.index);
    put_u32(p, m.t_us);
    put_u8(p, m.outputs);
    return finish(MessageType::CueShown, seq, payload, p, out, capacity);
}

std::size_t encode(const Cue& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity) {
    std::uint8_t payload[kCueBytes];
    std::uint8_t* p = payload;
    put_u16(p, m.cue_id);
    put_u8(p, m.outputs);
    put_u16(p, m.duration_ms);
    return finish(MessageType::Cue, seq, payload, p, out, capacity);
}

} // namespace algoproto
