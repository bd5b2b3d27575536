#pragma once
// Test helper: a FrameHandler that keeps copies of every decoded frame and error.
#include <cstdint>
#include <utility>
#include <vector>

#include "algoproto/Encode.h"
#include "algoproto/StreamDecoder.h"

namespace algoproto::test {

struct CollectedFrame {
    std::uint8_t type = 0;
    std::uint16_t seq = 0;
    std::vector<std::uint8_t> payload;
};

class FrameCollector : public FrameHandler {
public:
    void on_frame(const Frame& frame) override {
        frames.push_back(
            {frame.type, frame.seq,
             std::vector<std::uint8_t>(frame.payload, frame.payload + frame.payload_size)});
    }
    void on_error(DecodeError error, std::uint8_t detail) override {
        errors.emplace_back(error, detail);
    }

    std::vector<CollectedFrame> frames;
    std::vector<std::pair<DecodeError, std::uint8_t>> errors;
};

/// One encoded message as a byte vector.
template <class Message> std::vector<std::uint8_t> wire(const Message& message, std::uint16_t seq) {
    std::vector<std::uint8_t> out(kMaxEncodedFrameBytes);
    out.resize(encode(message, seq, out.data(), out.size()));
    return out;
}

inline void append(std::vector<std::uint8_t>& to, const std::vector<std::uint8_t>& bytes) {
    to.insert(to.end(), bytes.begin(), bytes.end());
}

} // namespace algoproto::test
