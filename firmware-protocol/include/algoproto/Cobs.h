#pragma once
// Consistent Overhead Byte Stuffing: removes every 0x00 from a block so 0x00 can end frames.
// These are whole-block helpers; StreamDecoder decodes COBS incrementally on its own.
#include <cstddef>
#include <cstdint>

namespace algoproto {

/// Worst-case COBS size of `size` input bytes (without the 0x00 delimiter).
constexpr std::size_t cobs_max_encoded_size(std::size_t size) {
    return size + size / 254 + 1;
}

enum class CobsStatus : std::uint8_t {
    Ok,
    OutputTooSmall, ///< the caller's buffer cannot hold the result
    ZeroInInput,    ///< decode: a 0x00 inside the encoded block
    Truncated,      ///< decode: a code byte promises more bytes than the block holds
};

struct CobsResult {
    CobsStatus status = CobsStatus::Ok;
    std::size_t size = 0; ///< bytes written to `out` when status is Ok
};

/// Encode `size` bytes into `out` (no delimiter is appended).
CobsResult cobs_encode(const std::uint8_t* in, std::size_t size, std::uint8_t* out,
                       std::size_t out_capacity);

/// Decode one encoded block (without its 0x00 delimiter) into `out`.
CobsResult cobs_decode(const std::uint8_t* in, std::size_t size, std::uint8_t* out,
                       std::size_t out_capacity);

} // namespace algoproto
