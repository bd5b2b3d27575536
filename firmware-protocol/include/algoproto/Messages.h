#pragma once
// One plain struct per message. Field names carry units; layouts are in SPEC.md.
#include <cstdint>

#include "algoproto/Protocol.h"

namespace algoproto {

/// SAMPLES (0x01): a batch of consecutive raw samples.
struct Samples {
    std::uint32_t first_index = 0; ///< running index of counts[0]; wraps at 2^32
    std::uint32_t t0_us = 0;       ///< device clock at counts[0]; wraps at 2^32
    std::uint16_t period_us = 0;   ///< time between consecutive samples
    std::uint8_t count = 0;        ///< samples in `counts` (1..kMaxSamplesPerFrame)
    std::uint8_t flags = 0;        ///< SampleFlags
    /// Net ADC counts (ADC reading minus the device's current zero), int24 on the wire.
    std::int32_t counts[kMaxSamplesPerFrame] = {};
};

/// EVENT (0x02): a debounced button change, sent at once.
struct Event {
    std::uint32_t index = 0;  ///< first sample index that reflects the new state
    std::uint32_t t_us = 0;   ///< device clock when the change was accepted
    std::uint8_t button = 0;  ///< Button bit
    std::uint8_t pressed = 0; ///< 1 pressed, 0 released
    std::uint8_t buttons = 0; ///< all buttons held after this change (Button bits)
    /// Device clock when the raw level first took its new state (the start of the debounce
    /// interval): the instant of the press itself. Appended in protocol 1.1.
    std::uint32_t edge_t_us = 0;
    /// False when the sender is a 1.0 device (no edge time on the wire): edge_t_us is then
    /// set to t_us by the parser.
    bool has_edge_time = true;
};

/// STATUS (0x03): 1 Hz heartbeat.
struct Status {
    std::uint32_t uptime_ms = 0;
    std::uint32_t overflow_frames = 0; ///< frames dropped on the device since power-up
    std::uint16_t battery_mv = 0;      ///< 0 when unknown / no battery
    std::uint8_t battery_percent = 0;  ///< 255 when unknown
    std::uint8_t state = 0;            ///< StatusState bits
    std::uint16_t error_bits = 0;      ///< ErrorBits seen since the previous STATUS
    std::uint16_t rate_hz = 0;         ///< configured sample rate
    std::uint8_t batch = 0;            ///< configured samples per SAMPLES frame
    std::int32_t zero_counts = 0;      ///< current zero (factory or last tare), ADC counts
};

/// DEVICE_INFO (0x04): identity and factory calibration. Sent at power-up and on GET_INFO.
struct DeviceInfo {
    std::uint8_t protocol_major = kProtocolMajor;
    std::uint8_t protocol_minor = kProtocolMinor;
    std::uint8_t firmware_major = 0;
    std::uint8_t firmware_minor = 0;
    std::uint8_t firmware_patch = 0;
    std::uint8_t capabilities = 0;                   ///< Capabilities bits
    char serial_number[kSerialNumberBytes + 1] = {}; ///< ASCII, NUL-terminated here
    std::uint16_t adc_nominal_rate_hz = 0;           ///< default / nominal sample rate
    std::uint16_t max_rate_hz = 0;                   ///< highest START rate accepted
    float counts_per_newton = 0;                     ///< factory gain (net counts per N)
    std::int32_t zero_offset_counts = 0;             ///< factory zero, ADC counts
    float probe_area_cm2 = 0;                        ///< area of the fitted probe tip
    float full_scale_n = 0;                          ///< overload threshold
};

/// PONG (0x05): answer to PING for clock sync.
struct Pong {
    std::uint64_t host_time = 0;   ///< PING's host_time, echoed unchanged
    std::uint32_t device_t_us = 0; ///< device clock when PING was handled
};

/// ACK (0x06): a command was accepted (and, for TARE, completed).
struct Ack {
    std::uint16_t command_seq = 0;
    std::uint8_t command_type = 0;
};

/// NACK (0x07): a command was refused.
struct Nack {
    std::uint16_t command_seq = 0;
    std::uint8_t command_type = 0;
    NackCode code = NackCode::UnknownCommand;
};

/// CUE_SHOWN (0x08): the device switched its cue on (answer to CUE, sent before the ACK).
struct CueShown {
    std::uint16_t cue_id = 0; ///< CUE's cue_id, echoed
    std::uint32_t index = 0;  ///< index of the next sample to be taken when the cue went on
    std::uint32_t t_us = 0;   ///< device clock when the cue went on
    std::uint8_t outputs = 0; ///< CueOutputs actually switched on
};

/// GET_INFO (0x81): ask for DEVICE_INFO. No payload.
struct GetInfo {};

/// START (0x82): stream SAMPLES at `rate_hz` with `batch` samples per frame.
struct Start {
    std::uint16_t rate_hz = 0;
    std::uint8_t batch = 0;
};

/// STOP (0x83): stop streaming (the partial batch is sent first). No payload.
struct Stop {};

/// TARE (0x84): take the current load as zero. ACKed when the tare is done.
struct Tare {};

/// PING (0x85): the device answers PONG then ACK.
struct Ping {
    std::uint64_t host_time = 0; ///< opaque to the device, echoed in PONG
};

/// CUE (0x86): give a cue now (LED and/or buzzer) for `duration_ms`; the device answers
/// CUE_SHOWN (stamped in device time) then ACK.
struct Cue {
    std::uint16_t cue_id = 0;      ///< chosen by the host, echoed in CUE_SHOWN
    std::uint8_t outputs = 0;      ///< CueOutputs wanted (the device uses those it has)
    std::uint16_t duration_ms = 0; ///< how long the cue stays on, 1..10000 ms
};

} // namespace algoproto
