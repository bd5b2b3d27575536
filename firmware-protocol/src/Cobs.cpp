#include "algoproto/Cobs.h"

namespace algoproto {

CobsResult cobs_encode(const std::uint8_t* in, std::size_t size, std::uint8_t* out,
                       std::size_t out_capacity) {
    if (out_capacity < cobs_max_encoded_size(size)) {
        return {CobsStatus::OutputTooSmall, 0};
    }
    // Each block is a code byte (1 + number of non-zero bytes that follow) and those bytes;
    // a block shorter than 254 data bytes stands for a 0x00 after it.
    std::size_t code_at = 0;
    std::size_t write = 1;
    std::uint8_t code = 1;
    for (std::size_t i = 0; i < size; ++i) {
        if (in[i] == 0) {
            out[code_at] = code;
            code_at = write++;
            code = 1;
            continue;
        }
        out[write++] = in[i];
        if (++code == 0xFF) {
            out[code_at] = code;
            code_at = write++;
            code = 1;
        }
    }
    out[code_at] = code;
    return {CobsStatus::Ok, write};
}

CobsResult cobs_decode(const std::uint8_t* in, std::size_t size, std::uint8_t* out,
                       std::size_t out_capacity) {
    std::size_t read = 0;
    std::size_t write = 0;
    while (read < size) {
        const std::uint8_t code = in[read++];
        if (code == 0) {
            return {CobsStatus::ZeroInInput, 0};
        }
        const std::size_t run = code - 1u;
        if (read + run > size) {
            return {CobsStatus::Truncated, 0};
        }
        if (write + run > out_capacity) {
            return {CobsStatus::OutputTooSmall, 0};
        }
        for (std::size_t i = 0; i < run; ++i) {
            if (in[read] == 0) {
                return {CobsStatus::ZeroInInput, 0};
            }
            out[write++] = in[read++];
        }
        // A short block implies a zero, except at the very end of the data.
        if (code != 0xFF && read < size) {
            if (write >= out_capacity) {
                return {CobsStatus::OutputTooSmall, 0};
            }
            out[write++] = 0;
        }
    }
    return {CobsStatus::Ok, write};
}

} // namespace algoproto
