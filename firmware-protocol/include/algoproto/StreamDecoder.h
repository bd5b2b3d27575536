#pragma once
// Streaming frame decoder: takes byte chunks of any size (a frame may be split anywhere),
// undoes COBS incrementally, checks length, CRC and version, and hands each good frame to a
// FrameHandler. After any error it resynchronises at the next 0x00. No heap, no exceptions.
#include <cstddef>
#include <cstdint>

#include "algoproto/Protocol.h"

namespace algoproto {

/// A decoded, CRC-checked frame. `payload` points into the decoder and is valid only during
/// the FrameHandler call.
struct Frame {
    std::uint8_t version = 0;
    std::uint8_t type = 0; ///< MessageType value; unknown types are delivered too
    std::uint16_t seq = 0;
    const std::uint8_t* payload = nullptr;
    std::size_t payload_size = 0;
};

/// Why a frame was dropped.
enum class DecodeError : std::uint8_t {
    Cobs,               ///< bad COBS block (truncated code run)
    Crc,                ///< CRC mismatch
    Oversize,           ///< decoded frame longer than kMaxFrameBytes
    Short,              ///< decoded frame shorter than header + CRC
    UnsupportedVersion, ///< CRC good but `ver` is not kProtocolMajor
};
/// A sentence for the user, e.g. for UnsupportedVersion: "device speaks protocol major
/// version N; this host understands only version 1 (update Algoscope or the firmware)"
/// without the number (see describe_unsupported_version for the full text).
const char* to_string(DecodeError error);

/// Writes "device speaks Algoscope protocol major version <major>, this build understands
/// only version 1: update Algoscope or the device firmware" into `out` (NUL-terminated,
/// truncated to `capacity`). Returns `out`.
const char* describe_unsupported_version(std::uint8_t major, char* out, std::size_t capacity);

/// Receives decoded frames and errors. All functions are inline so classes deriving from
/// it may be compiled with or without RTTI.
class FrameHandler {
public:
    virtual ~FrameHandler() = default;
    virtual void on_frame(const Frame& frame) = 0;
    /// `detail` is the `ver` byte for UnsupportedVersion, else 0.
    virtual void on_error(DecodeError error, std::uint8_t detail) {
        (void)error;
        (void)detail;
    }
};

/// Counters since construction (or reset_counters()).
struct DecoderCounters {
    std::uint64_t bytes = 0;     ///< bytes fed
    std::uint64_t frames_ok = 0; ///< frames delivered to on_frame
    std::uint64_t crc_errors = 0;
    std::uint64_t cobs_errors = 0;
    std::uint64_t oversize_frames = 0;
    std::uint64_t short_frames = 0;
    std::uint64_t unsupported_version = 0;
    std::uint64_t seq_gaps = 0;         ///< times `seq` was not previous + 1
    std::uint64_t samples_lost = 0;     ///< from SAMPLES first_index gaps
    std::uint64_t index_restarts = 0;   ///< first_index went backwards (device restarted)
    std::uint64_t skipped_at_start = 0; ///< bytes of a partial first frame (joined mid-stream)
};

class StreamDecoder {
public:
    StreamDecoder() = default;

    /// Decode `size` bytes; calls handler.on_frame for each complete good frame.
    void feed(const std::uint8_t* data, std::size_t size, FrameHandler& handler);

    const DecoderCounters& counters() const { return counters_; }
    void reset_counters() { counters_ = DecoderCounters{}; }

    /// Forget seq and first_index history (new connection / device power-cycle known to the
    /// caller), so the next frame is not counted as a gap.
    void reset_continuity();

private:
    void end_of_frame(FrameHandler& handler);
    void track_continuity(const Frame& frame);
    void fail(DecodeError error, std::uint8_t detail, FrameHandler& handler);

    std::uint8_t frame_[kMaxFrameBytes] = {};
    std::size_t frame_size_ = 0;
    std::uint8_t block_remaining_ = 0; ///< data bytes left in the current COBS block
    bool zero_pending_ = false;        ///< a COBS block < 0xFF ended: 0x00 before next data
    bool in_frame_ = false;            ///< bytes seen since the last delimiter
    bool discarding_ = false;          ///< error seen: skip to the next 0x00
    bool at_start_ = true;             ///< no delimiter seen yet
    std::size_t start_bytes_ = 0;      ///< bytes of the first (possibly partial) frame

    bool have_seq_ = false;
    std::uint16_t next_seq_ = 0;
    bool have_index_ = false;
    std::uint32_t next_index_ = 0;

    DecoderCounters counters_;
};

} // namespace algoproto
