#include "algoproto/Parse.h"

#include "ByteOrder.h"

namespace algoproto {

using namespace detail;

const char* to_string(ParseStatus status) {
    switch (status) {
    case ParseStatus::Ok: return "ok";
    case ParseStatus::TooShort: return "payload shorter than the message layout";
    case ParseStatus::Invalid: return "payload field out of range";
    }
    return "unknown parse status";
}

ParseStatus parse(const std::uint8_t* payload, std::size_t size, Samples& out) {
    if (size < kSamplesHeaderBytes) {
        return ParseStatus::TooShort;
    }
    const std::uint8_t* p = payload;
    out.first_index = get_u32(p);
    out.t0_us = get_u32(p);
    out.period_us = get_u16(p);
    out.count = get_u8(p);
    out.flags = get_u8(p);
    if (out.count == 0 || out.count > kMaxSamplesPerFrame) {
        return ParseStatus::Invalid;
    }
    if (size < kSamplesHeaderBytes + out.count * kSampleBytes) {
        return ParseStatus::TooShort;
    }
    for (std::size_t i = 0; i < out.count; ++i) {
        out.counts[i] = get_i24(p);
    }
    return ParseStatus::Ok;
}

ParseStatus parse(const std::uint8_t* payload, std::size_t size, Event& out) {
    if (size < kEventBytes) {
        return ParseStatus::TooShort;
    }
    const std::uint8_t* p = payload;
    out.index = get_u32(p);
    out.t_us = get_u32(p);
    out.button = get_u8(p);
    out.pressed = get_u8(p);
    out.buttons = get_u8(p);
    // A 1.0 device sends no edge time: the accepted instant is all that is known.
    out.has_edge_time = size >= kEventEdgeBytes;
    out.edge_t_us = out.has_edge_time ? get_u32(p) : out.t_us;
    return ParseStatus::Ok;
}

ParseStatus parse(const std::uint8_t* payload, std::size_t size, Status& out) {
    if (size < kStatusBytes) {
        return ParseStatus::TooShort;
    }
    const std::uint8_t* p = payload;
    out.uptime_ms = get_u32(p);
    out.overflow_frames = get_u32(p);
    out.battery_mv = get_u16(p);
    out.battery_percent = get_u8(p);
    out.state = get_u8(p);
    out.error_bits = get_u16(p);
    out.rate_hz = get_u16(p);
    out.batch = get_u8(p);
    get_u8(p); // reserved
    out.zero_counts = get_i32(p);
    return ParseStatus::Ok;
}

ParseStatus parse(const std::uint8_t* payload, std::size_t size, DeviceInfo& out) {
    if (size < kDeviceInfoBytes) {
        return ParseStatus::TooShort;
    }
    const std::uint8_t* p = payload;
    out.protocol_major = get_u8(p);
    out.protocol_minor = get_u8(p);
    out.firmware_major = get_u8(p);
    out.firmware_minor = get_u8(p);
    out.firmware_patch = get_u8(p);
    out.capabilities = get_u8(p);
    for (std::size_t i = 0; i < kSerialNumberBytes; ++i) {
        out.serial_number[i] = static_cast<char>(get_u8(p));
    }
    out.serial_number[kSerialNumberBytes] = '\0';
    out.adc_nominal_rate_hz = get_u16(p);
    out.max_rate_hz = get_u16(p);
    out.counts_per_newton = get_f32(p);
    out.zero_offset_counts = get_i32(p);
    out.probe_area_cm2 = get_f32(p);
    out.full_scale_n = get_f32(p);
    return ParseStatus::Ok;
}

ParseStatus parse(const std::uint8_t* payload, std::size_t size, Pong& out) {
    if (size < kPongBytes) {
        return ParseStatus::TooShort;
    }
    const std::uint8_t* p = payload;
    out.host_time = get_u64(p);
    out.device_t_us = get_u32(p);
    return ParseStatus::Ok;
}

ParseStatus parse(const std::uint8_t* payload, std::size_t size, Ack& out) {
    if (size < kAckBytes) {
        return ParseStatus::TooShort;
    }
    const std::uint8_t* p = payload;
    out.command_seq = get_u16(p);
    out.command_type = get_u8(p);
    return ParseStatus::Ok;
}

ParseStatus parse(const std::uint8_t* payload, std::size_t size, Nack& out) {
    if (size < kNackBytes) {
        return ParseStatus::TooShort;
    }
    const std::uint8_t* p = payload;
    out.command_seq = get_u16(p);
    out.command_type = get_u8(p);
    // Codes a later version adds are passed through; to_string() names them "unknown".
    out.code = static_cast<NackCode>(get_u8(p));
    return ParseStatus::Ok;
}

ParseStatus parse(const std::uint8_t*, std::size_t, GetInfo&) {
    return ParseStatus::Ok;
}

ParseStatus parse(const std::uint8_t* payload, std::size_t size, Start& out) {
    if (size < kStartBytes) {
        return ParseStatus::TooShort;
    }
    const std::uint8_t* p = payload;
    out.rate_hz = get_u16(p);
    out.batch = get_u8(p);
    return ParseStatus::Ok;
}

ParseStatus parse(const std::uint8_t*, std::size_t, Stop&) {
    return ParseStatus::Ok;
}

ParseStatus parse(const std::uint8_t*, std::size_t, Tare&) {
    return ParseStatus::Ok;
}

ParseStatus parse(const std::uint8_t* payload, std::size_t size, Ping& out) {
    if (size < kPingBytes) {
        return ParseStatus::TooShort;
    }
    const std::uint8_t* p = payload;
    out.host_time = get_u64(p);
    return ParseStatus::Ok;
}

ParseStatus parse(const std::uint8_t* payload, std::size_t size, CueShown& out) {
    if (size < kCueShownBytes) {
        return ParseStatus::TooShort;
    }
    const std::uint8_t* p = payload;
    out.cue_id = get_u16(p);
    out.index = get_u32(p);
    out.t_us = get_u32(p);
    out.outputs = get_u8(p);
    return ParseStatus::Ok;
}

ParseStatus parse(const std::uint8_t* payload, std::size_t size, Cue& out) {
    if (size < kCueBytes) {
        return ParseStatus::TooShort;
    }
    const std::uint8_t* p = payload;
    out.cue_id = get_u16(p);
    out.outputs = get_u8(p);
    out.duration_ms = get_u16(p);
    return ParseStatus::Ok;
}

} // namespace algoproto
