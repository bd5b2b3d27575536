#pragma once
// Test helper: the host end of a simulated algometer. Opens the device path like a serial
// port (raw, non-blocking) and decodes everything with algoproto's StreamDecoder.
#include <algoproto/Encode.h>
#include <algoproto/Parse.h>
#include <algoproto/StreamDecoder.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <poll.h>
#include <string>
#include <termios.h>
#include <unistd.h>
#include <vector>

namespace simtest {

/// Frames the host received, by kind.
struct Received : algoproto::FrameHandler {
    std::vector<algoproto::Samples> samples;
    std::vector<algoproto::Event> events;
    std::vector<algoproto::Ack> acks;
    std::vector<algoproto::Status> statuses;
    std::vector<algoproto::DeviceInfo> infos;
    void on_frame(const algoproto::Frame& frame) override {
        using algoproto::MessageType;
        switch (static_cast<MessageType>(frame.type)) {
        case MessageType::Samples: samples.push_back(parsed<algoproto::Samples>(frame)); break;
        case MessageType::Event: events.push_back(parsed<algoproto::Event>(frame)); break;
        case MessageType::Ack: acks.push_back(parsed<algoproto::Ack>(frame)); break;
        case MessageType::Status: statuses.push_back(parsed<algoproto::Status>(frame)); break;
        case MessageType::DeviceInfo: infos.push_back(parsed<algoproto::DeviceInfo>(frame)); break;
        default: break;
        }
    }
    template <class Message> static Message parsed(const algoproto::Frame& frame) {
        Message message;
        if (algoproto::parse(frame.payload, frame.payload_size, message) !=
            algoproto::ParseStatus::Ok) {
            ADD_FAILURE() << "unparsable frame of type " << int(frame.type);
        }
        return message;
    }
    std::size_t sample_count() const {
        std::size_t n = 0;
        for (const auto& s : samples)
            n += s.count;
        return n;
    }
};

class HostPort {
public:
    explicit HostPort(const std::string& path) {
        fd_ = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK);
        if (fd_ >= 0) {
            termios attributes{};
            ::tcgetattr(fd_, &attributes);
            ::cfmakeraw(&attributes);
            ::tcsetattr(fd_, TCSANOW, &attributes);
        }
    }
    ~HostPort() {
        if (fd_ >= 0) ::close(fd_);
    }
    bool is_open() const { return fd_ >= 0; }

    /// Read and decode for `duration`; returns false when the device vanished (EIO/hangup).
    bool pump(std::chrono::milliseconds duration) {
        const auto end = std::chrono::steady_clock::now() + duration;
        std::array<std::uint8_t, 4096> buffer{};
        while (std::chrono::steady_clock::now() < end) {
            pollfd entry{fd_, POLLIN, 0};
            ::poll(&entry, 1, 5);
            const ssize_t n = ::read(fd_, buffer.data(), buffer.size());
            if (n > 0) {
                decoder.feed(buffer.data(), static_cast<std::size_t>(n), received);
            } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
                return false;
            }
        }
        return true;
    }

    /// Read until `done()` holds or the timeout passes.
    template <class Done> bool pump_until(Done done, std::chrono::milliseconds timeout) {
        const auto end = std::chrono::steady_clock::now() + timeout;
        while (!done() && std::chrono::steady_clock::now() < end) {
            if (!pump(std::chrono::milliseconds(5))) return done();
        }
        return done();
    }

    template <class Command> void send(const Command& command) {
        std::array<std::uint8_t, algoproto::kMaxEncodedFrameBytes> wire{};
        const std::size_t size = algoproto::encode(command, tx_seq_++, wire.data(), wire.size());
        ASSERT_GT(size, 0u);
        ASSERT_EQ(::write(fd_, wire.data(), size), static_cast<ssize_t>(size));
    }

    algoproto::StreamDecoder decoder;
    Received received;

private:
    int fd_ = -1;
    std::uint16_t tx_seq_ = 0;
};

} // namespace simtest
