#pragma once
// Payload parsers: one per message. They accept payloads longer than this version's layout
// (fields appended by a later minor version are ignored) and refuse shorter ones.
#include <cstddef>
#include <cstdint>

#include "algoproto/Messages.h"

namespace algoproto {

enum class ParseStatus : std::uint8_t {
    Ok,
    TooShort, ///< payload shorter than the fields this version defines
    Invalid,  ///< a field out of range (e.g. SAMPLES count 0 or > kMaxSamplesPerFrame)
};
const char* to_string(ParseStatus status);

/// Payload sizes of this version (the minimum a parser accepts).
inline constexpr std::size_t kEventBytes = 11;     ///< 1.0 layout (no edge time)
inline constexpr std::size_t kEventEdgeBytes = 15; ///< 1.1 layout (edge_t_us appended)
inline constexpr std::size_t kCueShownBytes = 11;
inline constexpr std::size_t kCueBytes = 5;
/// Longest cue a device accepts (a cue is a brief stimulus, not a lamp).
inline constexpr std::uint16_t kMaxCueDurationMs = 10000;
inline constexpr std::size_t kStatusBytes = 22;
inline constexpr std::size_t kDeviceInfoBytes = 42;
inline constexpr std::size_t kPongBytes = 12;
inline constexpr std::size_t kAckBytes = 3;
inline constexpr std::size_t kNackBytes = 4;
inline constexpr std::size_t kStartBytes = 3;
inline constexpr std::size_t kPingBytes = 8;

ParseStatus parse(const std::uint8_t* payload, std::size_t size, Samples& out);
ParseStatus parse(const std::uint8_t* payload, std::size_t size, Event& out);
ParseStatus parse(const std::uint8_t* payload, std::size_t size, Status& out);
ParseStatus parse(const std::uint8_t* payload, std::size_t size, DeviceInfo& out);
ParseStatus parse(const std::uint8_t* payload, std::size_t size, Pong& out);
ParseStatus parse(const std::uint8_t* payload, std::size_t size, Ack& out);
ParseStatus parse(const std::uint8_t* payload, std::size_t size, Nack& out);
ParseStatus parse(const std::uint8_t* payload, std::size_t size, GetInfo& out);
ParseStatus parse(const std::uint8_t* payload, std::size_t size, Start& out);
ParseStatus parse(const std::uint8_t* payload, std::size_t size, Stop& out);
ParseStatus parse(const std::uint8_t* payload, std::size_t size, Tare& out);
ParseStatus parse(const std::uint8_t* payload, std::size_t size, Ping& out);
ParseStatus parse(const std::uint8_t* payload, std::size_t size, CueShown& out);
ParseStatus parse(const std::uint8_t* payload, std::size_t size, Cue& out);

} // namespace algoproto
