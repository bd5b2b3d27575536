#include "algocore/acquisition/SerialTransport.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/serial_port.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <climits>
#include <deque>
#include <vector>

#include "algocore/acquisition/StablePortName.h"

namespace algocore {
namespace {

namespace asio = boost::asio;
using boost::system::error_code;

constexpr std::size_t kReadBufferBytes = 4096;
// Bytes waiting to be written, at most (commands are a few bytes; see write()).
constexpr std::size_t kMaxPendingWriteBytes = 64 * 1024;
// How often the device node is checked: a vanished USB adapter is noticed within this even
// when the kernel delivers no read error.
constexpr auto kPresenceCheckPeriod = std::chrono::milliseconds(100);

// Errors that mean the device itself went away (unplugged, pty closed) rather than a fault.
bool means_vanished(const error_code& ec) {
    return ec == asio::error::eof || ec.value() == EIO || ec.value() == ENXIO ||
           ec.value() == ENODEV || ec == asio::error::bad_descriptor;
}

// State shared with in-flight handlers, so a handler completing after close() (with
// operation_aborted) finds live memory and does nothing.
struct SerialState {
    SerialState(asio::io_context& io, SerialPortSettings s)
        : port(io), presence_timer(io), settings(std::move(s)) {}
    asio::serial_port port;
    asio::steady_timer presence_timer;
    SerialPortSettings settings;
    std::string os_path;
    std::array<std::uint8_t, kReadBufferBytes> buffer{};
    std::deque<std::vector<std::uint8_t>> write_queue;
    std::size_t write_queue_bytes = 0;
    bool writing = false;
    bool closed = false;
    Transport::ChunkHandler on_chunk;
    Transport::ErrorHandler on_error;
};

class SerialTransport final : public Transport {
public:
    explicit SerialTransport(std::shared_ptr<SerialState> state) : state_(std::move(state)) {}
    ~SerialTransport() override { close(); }

    std::string describe() const override {
        return state_->settings.path + " @ " + std::to_string(state_->settings.baud) +
               " 8N1, flow control " + to_string(state_->settings.flow_control);
    }

    void start(ChunkHandler on_chunk, ErrorHandler on_error) override {
        state_->on_chunk = std::move(on_chunk);
        state_->on_error = std::move(on_error);
        read_next(state_);
        check_presence(state_);
    }

    void write(std::span<const std::uint8_t> bytes) override {
        if (state_->closed || bytes.empty()) return;
        // A device that reads nothing cannot make us hold more than this for it: what it has
        // not taken is old news (a poll, a re-arm), and the driver asks again on a timeout.
        if (state_->write_queue_bytes + bytes.size() > kMaxPendingWriteBytes) return;
        state_->write_queue_bytes += bytes.size();
        state_->write_queue.emplace_back(bytes.begin(), bytes.end());
        if (!state_->writing) write_next(state_);
    }

    void discard_input() override {
        if (!state_->closed) ::tcflush(state_->port.native_handle(), TCIFLUSH);
    }

    void close() override { close_state(*state_); }

private:
    static void close_state(SerialState& s) {
        if (s.closed) return;
        s.closed = true;
        error_code ignored;
        s.presence_timer.cancel();
        s.port.cancel(ignored);
        s.port.close(ignored);
        s.write_queue.clear();
        s.write_queue_bytes = 0;
    }

    // Report once, then stop: never retry a failed read in a loop.
    static void fail(const std::shared_ptr<SerialState>& s, TransportError error,
                     const std::string& message) {
        if (s->closed) return;
        close_state(*s);
        if (s->on_error) s->on_error(error, message);
    }

    static void read_next(const std::shared_ptr<SerialState>& s) {
        s->port.async_read_some(asio::buffer(s->buffer), [s](const error_code& ec, std::size_t n) {
            if (s->closed || ec == asio::error::operation_aborted) return;
            // Time is stamped once, here, at arrival.
            const SteadyTime arrival = SteadyClock::now();
            if (ec) {
                const bool vanished = means_vanished(ec);
                fail(s, vanished ? TransportError::Vanished : TransportError::IoError,
                     s->settings.path + (vanished ? ": device vanished (" : ": read failed (") +
                         ec.message() + ")");
                return;
            }
            if (n > 0 && s->on_chunk)
                s->on_chunk(ByteChunk{arrival, std::span<const std::uint8_t>(s->buffer.data(), n)});
            if (!s->closed) read_next(s);
        });
    }

    static void write_next(const std::shared_ptr<SerialState>& s) {
        s->writing = true;
        asio::async_write(
            s->port, asio::buffer(s->write_queue.front()), [s](const error_code& ec, std::size_t) {
                s->writing = false;
                if (s->closed || ec == asio::error::operation_aborted) return;
                if (ec) {
                    fail(s, means_vanished(ec) ? TransportError::Vanished : TransportError::IoError,
                         s->settings.path + ": write failed: " + ec.message());
                    return;
                }
                s->write_queue_bytes -= s->write_queue.front().size();
                s->write_queue.pop_front();
                if (!s->write_queue.empty()) write_next(s);
            });
    }

    static void check_presence(const std::shared_ptr<SerialState>& s) {
        s->presence_timer.expires_after(kPresenceCheckPeriod);
        s->presence_timer.async_wait([s](const error_code& ec) {
            if (s->closed || ec) return;
            struct stat info {};
            if (::stat(s->os_path.c_str(), &info) != 0) {
                fail(s, TransportError::Vanished, s->settings.path + ": device node is gone");
                return;
            }
            check_presence(s);
        });
    }

    std::shared_ptr<SerialState> state_;
};

asio::serial_port_base::flow_control::type asio_flow(FlowControl flow) {
    switch (flow) {
    case FlowControl::Hardware: return asio::serial_port_base::flow_control::hardware;
    case FlowControl::Software: return asio::serial_port_base::flow_control::software;
    case FlowControl::None: break;
    }
    return asio::serial_port_base::flow_control::none;
}

std::string open_hint(int error) {
    if (error == EACCES)
        return " (permission denied: add your user to the 'dialout' group, then log in again)";
    if (error == ENOENT)
        return " (no such port: is the device plugged in? see `algoscope-cli ports`)";
    if (error == EBUSY) return " (the port is in use by another program)";
    return "";
}

} // namespace

OpenedTransport open_serial_transport(asio::io_context& io, const SerialPortSettings& settings) {
    OpenedTransport result;
    if (settings.path.empty()) {
        result.error = "no serial port given";
        result.permanent = true;
        return result;
    }
    if (!is_supported_baud(settings.baud)) {
        result.error = "baud rate " + std::to_string(settings.baud) +
                       " is not supported (use a standard rate such as 9600 or 115200)";
        result.permanent = true;
        return result;
    }
    auto state = std::make_shared<SerialState>(io, settings);
    char resolved[PATH_MAX];
    state->os_path = ::realpath(settings.path.c_str(), resolved) ? resolved : settings.path;

    error_code ec;
    state->port.open(settings.path, ec);
    if (ec) {
        if (ec.value() == ENOTTY) {
            result.error = settings.path + " is not a serial port";
            result.permanent = true;
            return result;
        }
        result.error = "cannot open " + settings.path + ": " + ec.message() + open_hint(ec.value());
        return result;
    }
    const int fd = state->port.native_handle();
    // A file that is not a terminal cannot be a serial port; retrying will not change that.
    termios probe{};
    if (::tcgetattr(fd, &probe) != 0) {
        result.error = settings.path + " is not a serial port";
        result.permanent = true;
        return result;
    }
    using base = asio::serial_port_base;
    state->port.set_option(base::baud_rate(settings.baud), ec);
    if (!ec) state->port.set_option(base::character_size(8), ec);
    if (!ec) state->port.set_option(base::parity(base::parity::none), ec);
    if (!ec) state->port.set_option(base::stop_bits(base::stop_bits::one), ec);
    if (!ec) state->port.set_option(base::flow_control(asio_flow(settings.flow_control)), ec);
    if (ec) {
        result.error = "cannot configure " + settings.path + " (" + std::to_string(settings.baud) +
                       " 8N1): " + ec.message();
        return result;
    }
    // Keep other programs from opening the port under us. Best effort: not every tty has it.
    ::ioctl(fd, TIOCEXCL);
    // Many boards only talk once DTR is asserted. A pseudo-terminal has no modem lines and
    // refuses the ioctl; that is expected and harmless.
    int dtr = TIOCM_DTR;
    ::ioctl(fd, TIOCMBIS, &dtr);
    // Bytes that waited in the driver before we opened belong to nobody's session.
    ::tcflush(fd, TCIFLUSH);

    result.transport = std::make_unique<SerialTransport>(std::move(state));
    return result;
}

SerialOpener::SerialOpener(SerialPortSettings settings, std::string by_id_dir)
    : settings_(std::move(settings)), by_id_dir_(std::move(by_id_dir)) {}

std::string SerialOpener::describe() const {
    return settings_.path + " @ " + std::to_string(settings_.baud) + " 8N1";
}

OpenedTransport SerialOpener::open(asio::io_context& io) {
    // After a replug the stable name is the device; the kernel name may have moved.
    SerialPortSettings attempt = settings_;
    if (!stable_path_.empty() && stable_path_ != settings_.path && port_node_exists(stable_path_))
        attempt.path = stable_path_;
    OpenedTransport opened = open_serial_transport(io, attempt);
    if (opened.transport && stable_path_.empty())
        stable_path_ = find_stable_port_name(settings_.path, by_id_dir_);
    return opened;
}

} // namespace algocore
