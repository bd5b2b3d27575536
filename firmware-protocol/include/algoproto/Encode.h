#pragma once
// Encoders: each writes one complete wire frame (COBS block + 0x00) into the caller's buffer
// and returns its size, or 0 when `capacity` is too small or the message is invalid.
// kMaxEncodedFrameBytes always suffices.
#include <cstddef>
#include <cstdint>

#include "algoproto/Messages.h"

namespace algoproto {

/// Any frame: header, payload (size <= kMaxPayloadBytes), CRC, COBS, delimiter.
std::size_t encode_frame(std::uint8_t type, std::uint16_t seq, const std::uint8_t* payload,
                         std::size_t payload_size, std::uint8_t* out, std::size_t capacity);

/// Same, with an explicit `ver` byte (tests of version handling only).
std::size_t encode_frame_with_version(std::uint8_t version, std::uint8_t type, std::uint16_t seq,
                                      const std::uint8_t* payload, std::size_t payload_size,
                                      std::uint8_t* out, std::size_t capacity);

std::size_t encode(const Samples& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity);
std::size_t encode(const Event& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity);
std::size_t encode(const Status& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity);
std::size_t encode(const DeviceInfo& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity);
std::size_t encode(const Pong& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity);
std::size_t encode(const Ack& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity);
std::size_t encode(const Nack& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity);
std::size_t encode(const GetInfo& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity);
std::size_t encode(const Start& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity);
std::size_t encode(const Stop& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity);
std::size_t encode(const Tare& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity);
std::size_t encode(const Ping& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity);
std::size_t encode(const CueShown& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity);
std::size_t encode(const Cue& m, std::uint16_t seq, std::uint8_t* out, std::size_t capacity);

} // namespace algoproto
