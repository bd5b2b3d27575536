#pragma once
// How the acquisition loop gets a fresh transport each time it (re)connects. The serial
// opener opens a port path; the replay opener plays a capture; tests hand in their own.
#include <memory>
#include <string>

#include "algocore/Transport.h"

namespace boost::asio {
class io_context;
} // namespace boost::asio

namespace algocore {

/// A transport, or the reason it could not be opened.
struct OpenedTransport {
    std::unique_ptr<Transport> transport; ///< null when opening failed
    std::string error;                    ///< clear message for the user when it failed
    /// True when retrying cannot help (bad path syntax, replay file unreadable, bad baud):
    /// the acquisition gives up instead of reconnecting.
    bool permanent = false;
};

/// Opens the link to the device on the I/O thread's io_context. Called once at start and
/// again on every reconnection attempt, always from the I/O thread.
class TransportOpener {
public:
    virtual ~TransportOpener() = default;
    /// What is being opened ("/dev/ttyUSB0 @ 115200 8N1", "replay of run.algocap").
    virtual std::string describe() const = 0;
    virtual OpenedTransport open(boost::asio::io_context& io) = 0;
    /// True when a lost link may come back (a serial port can be replugged, a replay cannot).
    virtual bool can_reconnect() const { return true; }
};

} // namespace algocore
