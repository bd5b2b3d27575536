#include "algoproto/StreamDecoder.h"

#include <cstring>

#include "algoproto/Crc16.h"

namespace algoproto {

const char* to_string(DecodeError error) {
    switch (error) {
    case DecodeError::Cobs: return "bad COBS framing (frame cut short)";
    case DecodeError::Crc: return "CRC mismatch";
    case DecodeError::Oversize: return "frame longer than 255 bytes";
    case DecodeError::Short: return "frame shorter than header and CRC";
    case DecodeError::UnsupportedVersion:
        return "device speaks an unsupported protocol major version: update Algoscope or the "
               "device firmware";
    }
    return "unknown decode error";
}

namespace {

// Appends `text` to out[0..capacity-1) at `*at`, always leaving room for the terminator.
void append(char* out, std::size_t capacity, std::size_t* at, const char* text) {
    while (*text != '\0' && *at + 1 < capacity) {
        out[(*at)++] = *text++;
    }
}

} // namespace

const char* describe_unsupported_version(std::uint8_t major, char* out, std::size_t capacity) {
    if (out == nullptr || capacity == 0) {
        return out;
    }
    // Formatted by hand: snprintf is too heavy for the firmware build.
    char number[4] = {};
    std::size_t digits = 0;
    char reversed[3];
    std::uint8_t v = major;
    do {
        reversed[digits++] = static_cast<char>('0' + v % 10);
        v = static_cast<std::uint8_t>(v / 10);
    } while (v != 0);
    for (std::size_t i = 0; i < digits; ++i) {
        number[i] = reversed[digits - 1 - i];
    }
    char own[4] = {static_cast<char>('0' + kProtocolMajor), '\0', '\0', '\0'};
    std::size_t at = 0;
    append(out, capacity, &at, "device speaks Algoscope protocol major version ");
    append(out, capacity, &at, number);
    append(out, capacity, &at, ", this build understands only version ");
    append(out, capacity, &at, own);
    append(out, capacity, &at, ": update Algoscope or the device firmware");
    out[at] = '\0';
    return out;
}

void StreamDecoder::reset_continuity() {
    have_seq_ = false;
    have_index_ = false;
}

void StreamDecoder::feed(const std::uint8_t* data, std::size_t size, FrameHandler& handler) {
    counters_.bytes += size;
    if (at_start_ && size > 0) {
        const void* zero = std::memchr(data, kFrameDelimiter, size);
        start_bytes_ +=
            zero ? static_cast<std::size_t>(static_cast<const std::uint8_t*>(zero) - data) : size;
    }
    const std::uint8_t* p = data;
    const std::uint8_t* const end = data + size;
    while (p < end) {
        if (discarding_) {
            // After an error nothing counts until the next delimiter.
            const void* zero = std::memchr(p, kFrameDelimiter, static_cast<std::size_t>(end - p));
            if (zero == nullptr) {
                return;
            }
            p = static_cast<const std::uint8_t*>(zero) + 1;
            end_of_frame(handler);
            continue;
        }
        if (block_remaining_ == 0) {
            // A code byte or the delimiter.
            const std::uint8_t code = *p++;
            if (code == kFrameDelimiter) {
                end_of_frame(handler);
                continue;
            }
            in_frame_ = true;
            if (zero_pending_) {
                if (frame_size_ >= kMaxFrameBytes) {
                    fail(DecodeError::Oversize, 0, handler);
                    continue;
                }
                frame_[frame_size_++] = 0;
            }
            block_remaining_ = static_cast<std::uint8_t>(code - 1);
            // A full block (code 0xFF) implies no zero after it.
            zero_pending_ = code != 0xFF;
            continue;
        }
        // Data bytes of the current block: copy as many as this chunk holds.
        std::size_t n = static_cast<std::size_t>(end - p);
        if (n > block_remaining_) {
            n = block_remaining_;
        }
        const void* zero = std::memchr(p, kFrameDelimiter, n);
        if (zero != nullptr) {
            // The delimiter came before the block was complete.
            fail(DecodeError::Cobs, 0, handler);
            p = static_cast<const std::uint8_t*>(zero) + 1;
            end_of_frame(handler);
            continue;
        }
        if (frame_size_ + n > kMaxFrameBytes) {
            fail(DecodeError::Oversize, 0, handler);
            continue;
        }
        std::memcpy(frame_ + frame_size_, p, n);
        frame_size_ += n;
        p += n;
        block_remaining_ = static_cast<std::uint8_t>(block_remaining_ - n);
    }
}

void StreamDecoder::fail(DecodeError error, std::uint8_t detail, FrameHandler& handler) {
    discarding_ = true;
    // A partial frame before the first delimiter is what joining a stream mid-frame looks
    // like, not a line error. A good frame of another major version is never partial.
    if (at_start_ && error != DecodeError::UnsupportedVersion) {
        return;
    }
    switch (error) {
    case DecodeError::Cobs: ++counters_.cobs_errors; break;
    case DecodeError::Crc: ++counters_.crc_errors; break;
    case DecodeError::Oversize: ++counters_.oversize_frames; break;
    case DecodeError::Short: ++counters_.short_frames; break;
    case DecodeError::UnsupportedVersion: ++counters_.unsupported_version; break;
    }
    handler.on_error(error, detail);
}

void StreamDecoder::end_of_frame(FrameHandler& handler) {
    // Called at a delimiter: check the collected frame (unless it already failed).
    if (!discarding_ && in_frame_) {
        if (frame_size_ < kMinFrameBytes) {
            fail(DecodeError::Short, 0, handler);
        } else {
            const std::size_t body = frame_size_ - kCrcBytes;
            const auto wire_crc =
                static_cast<std::uint16_t>(frame_[body] | (frame_[body + 1] << 8));
            if (crc16_ccitt_false(frame_, body) != wire_crc) {
                fail(DecodeError::Crc, 0, handler);
            } else if (frame_[0] != kProtocolMajor) {
                fail(DecodeError::UnsupportedVersion, frame_[0], handler);
            } else {
                Frame frame;
                frame.version = frame_[0];
                frame.type = frame_[1];
                frame.seq = static_cast<std::uint16_t>(frame_[2] | (frame_[3] << 8));
                frame.payload = frame_ + kHeaderBytes;
                frame.payload_size = body - kHeaderBytes;
                track_continuity(frame);
                ++counters_.frames_ok;
                handler.on_frame(frame);
            }
        }
    }
    if (at_start_) {
        if (discarding_) {
            counters_.skipped_at_start += start_bytes_;
        }
        at_start_ = false;
    }
    frame_size_ = 0;
    block_remaining_ = 0;
    zero_pending_ = false;
    in_frame_ = false;
    discarding_ = false;
}

void StreamDecoder::track_continuity(const Frame& frame) {
    if (have_seq_ && frame.seq != next_seq_) {
        ++counters_.seq_gaps;
    }
    have_seq_ = true;
    next_seq_ = static_cast<std::uint16_t>(frame.seq + 1);

    // SAMPLES: first_index u32 at offset 0, count u8 at offset 10.
    if (frame.type != static_cast<std::uint8_t>(MessageType::Samples) ||
        frame.payload_size < kSamplesHeaderBytes) {
        return;
    }
    const std::uint8_t* p = frame.payload;
    const std::uint32_t first_index =
        static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
        (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
    const std::uint8_t count = p[10];
    if (have_index_) {
        // Signed distance, so the index may wrap at 2^32.
        const auto gap = static_cast<std::int32_t>(first_index - next_index_);
        if (gap > 0) {
            counters_.samples_lost += static_cast<std::uint32_t>(gap);
        } else if (gap < 0) {
            ++counters_.index_restarts;
        }
    }
    have_index_ = true;
    next_index_ = first_index + count;
}

} // namespace algoproto
