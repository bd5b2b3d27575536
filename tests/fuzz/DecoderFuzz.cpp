// Fuzzes StreamDecoder with arbitrary bytes split at an arbitrary point, parses every frame
// with the parser of its type, and checks that each good frame survives re-encoding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "algoproto/Cobs.h"
#include "algoproto/Encode.h"
#include "algoproto/Parse.h"
#include "algoproto/StreamDecoder.h"

namespace {

using namespace algoproto;

void check(bool ok) {
    if (!ok) {
        std::abort();
    }
}

template <class Message> void parse_as(const Frame& frame) {
    Message m{};
    const ParseStatus status = parse(frame.payload, frame.payload_size, m);
    check(status == ParseStatus::Ok || status == ParseStatus::TooShort ||
          status == ParseStatus::Invalid);
}

// Every good frame, re-encoded and decoded again, must come back byte for byte.
class ReencodingSink : public FrameHandler {
public:
    void on_frame(const Frame& frame) override {
        ++frames;
        check(frame.version == kProtocolMajor);
        check(frame.payload_size <= kMaxPayloadBytes);
        switch (static_cast<MessageType>(frame.type)) {
        case MessageType::Samples: parse_as<Samples>(frame); break;
        case MessageType::Event: parse_as<Event>(frame); break;
        case MessageType::Status: parse_as<Status>(frame); break;
        case MessageType::DeviceInfo: parse_as<DeviceInfo>(frame); break;
        case MessageType::Pong: parse_as<Pong>(frame); break;
        case MessageType::Ack: parse_as<Ack>(frame); break;
        case MessageType::Nack: parse_as<Nack>(frame); break;
        case MessageType::Start: parse_as<Start>(frame); break;
        case MessageType::Ping: parse_as<Ping>(frame); break;
        default: break;
        }
        std::uint8_t wire[kMaxEncodedFrameBytes];
        const std::size_t n = encode_frame(frame.type, frame.seq, frame.payload, frame.payload_size,
                                           wire, sizeof(wire));
        check(n > 0);
        StreamDecoder again;
        Echo echo(frame);
        again.feed(wire, n, echo);
        check(echo.matched);
    }

    std::size_t frames = 0;

private:
    class Echo : public FrameHandler {
    public:
        explicit Echo(const Frame& expected) : expected_(expected) {}
        void on_frame(const Frame& frame) override {
            matched = frame.type == expected_.type && frame.seq == expected_.seq &&
                      frame.payload_size == expected_.payload_size &&
                      std::memcmp(frame.payload, expected_.payload, frame.payload_size) == 0;
        }
        bool matched = false;

    private:
        const Frame& expected_;
    };
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const std::size_t cut = data[0] % size;
    StreamDecoder decoder;
    ReencodingSink sink;
    decoder.feed(data + 1, cut > 0 ? cut - 1 : 0, sink);
    decoder.feed(data + (cut > 0 ? cut : 1), size - (cut > 0 ? cut : 1), sink);
    const DecoderCounters& c = decoder.counters();
    check(c.frames_ok == sink.frames);
    check(c.bytes == size - 1);

    // Whole-block COBS must round-trip anything.
    if (size <= 1024) {
        std::uint8_t encoded[cobs_max_encoded_size(1024)];
        std::uint8_t decoded[1024];
        const CobsResult e = cobs_encode(data, size, encoded, sizeof(encoded));
        check(e.status == CobsStatus::Ok);
        check(std::memchr(encoded, 0, e.size) == nullptr);
        const CobsResult d = cobs_decode(encoded, e.size, decoded, sizeof(decoded));
        check(d.status == CobsStatus::Ok && d.size == size);
        check(std::memcmp(decoded, data, size) == 0);
    }
    return 0;
}
