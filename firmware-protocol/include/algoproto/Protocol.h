#pragma once
// Constants of the Algoscope native wire protocol, version 1. SPEC.md is the authority;
// every number here is named there with its byte offset and meaning.
#include <cstddef>
#include <cstdint>

namespace algoproto {

inline constexpr std::uint8_t kProtocolMajor = 1; ///< `ver` byte of every frame
/// Reported in DEVICE_INFO only. Minor 1 added CUE / CUE_SHOWN, the cue capability and the
/// EVENT edge time.
inline constexpr std::uint8_t kProtocolMinor = 1;

inline constexpr std::uint8_t kFrameDelimiter = 0x00;
inline constexpr std::size_t kHeaderBytes = 4; ///< ver u8 | type u8 | seq u16
inline constexpr std::size_t kCrcBytes = 2;
inline constexpr std::size_t kMaxFrameBytes = 255; ///< decoded: header + payload + crc
inline constexpr std::size_t kMinFrameBytes = kHeaderBytes + kCrcBytes;
inline constexpr std::size_t kMaxPayloadBytes = kMaxFrameBytes - kHeaderBytes - kCrcBytes;
/// COBS-encoded maximum frame plus its 0x00 delimiter: the buffer size for any encoder.
inline constexpr std::size_t kMaxEncodedFrameBytes = kMaxFrameBytes + kMaxFrameBytes / 254 + 2;

/// Message types. Device -> host use 0x01..0x7F, host -> device (commands) 0x80..0xFF.
enum class MessageType : std::uint8_t {
    Samples = 0x01,
    Event = 0x02,
    Status = 0x03,
    DeviceInfo = 0x04,
    Pong = 0x05,
    Ack = 0x06,
    Nack = 0x07,
    CueShown = 0x08,
    GetInfo = 0x81,
    Start = 0x82,
    Stop = 0x83,
    Tare = 0x84,
    Ping = 0x85,
    Cue = 0x86,
};

/// True for the types this version defines (hosts ignore the others).
bool is_known_type(std::uint8_t type);
/// True for host -> device commands (type >= 0x80).
constexpr bool is_command_type(std::uint8_t type) {
    return type >= 0x80;
}
/// "SAMPLES", "START", ... or "UNKNOWN".
const char* type_name(std::uint8_t type);

/// SAMPLES header size and the most int24 samples one frame holds.
inline constexpr std::size_t kSamplesHeaderBytes = 12;
inline constexpr std::size_t kSampleBytes = 3;
inline constexpr std::size_t kMaxSamplesPerFrame =
    (kMaxPayloadBytes - kSamplesHeaderBytes) / kSampleBytes; // 79

/// 24-bit signed ADC range.
inline constexpr std::int32_t kAdcMaxCounts = 0x7FFFFF;
inline constexpr std::int32_t kAdcMinCounts = -0x800000;

/// SAMPLES flags (OR over the samples of the frame).
enum SampleFlags : std::uint8_t {
    kFlagOperatorButton = 1u << 0,
    kFlagPatientButton = 1u << 1,
    kFlagOverload = 1u << 2,
    kFlagAdcSaturated = 1u << 3,
};

/// EVENT `button` values (same bits as the SAMPLES button flags).
enum Button : std::uint8_t {
    kOperatorButton = 1u << 0,
    kPatientButton = 1u << 1,
};

/// STATUS `state` bits.
enum StatusState : std::uint8_t {
    kStateStreaming = 1u << 0,
    kStateTaring = 1u << 1,
};

/// STATUS `error_bits`: conditions seen since the previous STATUS (latched, then cleared).
enum ErrorBits : std::uint16_t {
    kErrorAdcFault = 1u << 0,     ///< the ADC did not deliver a reading
    kErrorAdcSaturated = 1u << 1, ///< a reading hit the 24-bit limit
    kErrorOverload = 1u << 2,     ///< force above the device's full scale
    kErrorBatteryLow = 1u << 3,
    kErrorTxOverflow = 1u << 4,     ///< frames dropped because the UART buffer was full
    kErrorRxBadFrame = 1u << 5,     ///< a host frame failed COBS/CRC/length checks
    kErrorSamplesSkipped = 1u << 6, ///< the main loop fell behind and skipped samples
};

/// DEVICE_INFO `capabilities` bits.
enum Capabilities : std::uint8_t {
    kCapOperatorButton = 1u << 0,
    kCapPatientButton = 1u << 1,
    kCapBattery = 1u << 2,
    kCapTare = 1u << 3,
    kCapClockSync = 1u << 4, ///< answers PING with PONG
    kCapAutostart = 1u << 5, ///< streams at power-up without START
    kCapCue = 1u << 6,       ///< gives a cue (LED and/or buzzer) on CUE, stamped in device time
};

/// CUE `outputs`: what the device switches on for a cue (reaction-time tests).
enum CueOutputs : std::uint8_t {
    kCueLed = 1u << 0,
    kCueBuzzer = 1u << 1,
};

/// NACK reasons.
enum class NackCode : std::uint8_t {
    UnknownCommand = 1,
    PayloadTooShort = 2,
    BadArgument = 3,        ///< e.g. rate or batch out of range
    Busy = 4,               ///< e.g. TARE while a tare is running, CUE while a cue shows
    NotSupported = 5,       ///< capability missing
    TareFailed = 6,         ///< ADC saturated or failing during tare
    UnsupportedVersion = 7, ///< the command frame's `ver` is not 1
};
const char* to_string(NackCode code);

/// Limits of START.
inline constexpr std::uint16_t kMinRateHz = 16; ///< period_us must fit in u16
inline constexpr std::uint8_t kMinBatch = 1;
inline constexpr std::size_t kSerialNumberBytes = 16;

} // namespace algoproto
