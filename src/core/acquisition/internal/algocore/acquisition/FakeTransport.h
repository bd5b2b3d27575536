#pragma once
// In-memory transport for unit tests. A FakeLine is the test's end of the wire: it feeds
// bytes, makes the device vanish or return, and records what the host wrote. It can be used
// from the test thread while the acquisition's I/O thread owns the transport.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "algocore/SteadyTime.h"
#include "algocore/Transport.h"
#include "algocore/acquisition/TransportOpener.h"

namespace boost::asio {
class io_context;
} // namespace boost::asio

namespace algocore {

class FakeTransport;

/// The test's end of a fake serial line. Thread-safe.
class FakeLine : public std::enable_shared_from_this<FakeLine> {
public:
    /// Deliver bytes to the open transport (stamped `arrival`, default: now). Dropped, and
    /// false returned, when no transport is open.
    bool feed(std::span<const std::uint8_t> bytes, SteadyTime arrival = SteadyClock::now());
    bool feed_text(const std::string& text) {
        return feed({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
    }
    /// The device vanishes: the open transport reports Vanished and later opens fail until
    /// set_present(true).
    void vanish(const std::string& reason = "device unplugged");
    void set_present(bool present);
    bool present() const;
    /// Fail the next opens with a permanent error (e.g. "not a serial port").
    void set_open_error(const std::string& error, bool permanent);

    /// Everything the host wrote, in order, since the line was made.
    std::vector<std::uint8_t> written() const;
    std::string written_text() const;
    /// Number of successful opens (1 + reconnections) and discard_input() calls.
    int opens() const;
    int discards() const;
    bool is_open() const;

private:
    bool post_to_open(std::function<void(FakeTransport&)> fn);
    friend class FakeTransport;
    friend class FakeOpener;
    mutable std::mutex mutex_;
    FakeTransport* open_ = nullptr;         // guarded by mutex_; the transport unregisters on close
    boost::asio::io_context* io_ = nullptr; // guarded by mutex_; the open transport's context
    std::uint64_t generation_ = 0;          // guarded by mutex_; bumped by every start
    std::vector<std::uint8_t> written_;
    bool present_ = true;
    std::string open_error_;
    bool open_error_permanent_ = false;
    int opens_ = 0;
    int discards_ = 0;
};

/// Opens FakeTransports on a FakeLine.
class FakeOpener final : public TransportOpener {
public:
    explicit FakeOpener(std::shared_ptr<FakeLine> line) : line_(std::move(line)) {}
    std::string describe() const override { return "fake line"; }
    OpenedTransport open(boost::asio::io_context& io) override;

private:
    std::shared_ptr<FakeLine> line_;
};

} // namespace algocore
