#pragma once
// A byte pipe to a device. Drivers are handed one; they never open ports themselves.
// Implementations: serial (Boost.Asio serial_port; a pseudo-terminal is opened as one),
// replay (a raw capture played with its original timing), in-memory fake (unit tests).
#include <cstdint>
#include <functional>
#include <span>
#include <string>

#include "algocore/SteadyTime.h"

namespace algocore {

/// Bytes as they arrived, stamped once with the host steady clock at arrival.
struct ByteChunk {
    SteadyTime arrival{};
    std::span<const std::uint8_t> bytes;
};

/// Why a transport stopped delivering bytes.
enum class TransportError : std::uint8_t {
    None,
    Vanished,   ///< device unplugged / pty closed / port removed
    IoError,    ///< other read or write failure
    EndOfReplay ///< a replay reached the end of its capture
};

/// Byte transport driven by the I/O thread's io_context. All calls and callbacks happen on
/// the I/O thread.
class Transport {
public:
    using ChunkHandler = std::function<void(const ByteChunk&)>;
    using ErrorHandler = std::function<void(TransportError, const std::string& message)>;

    virtual ~Transport() = default;

    /// Human-readable description, e.g. "/dev/ttyUSB0 @ 115200 8N1".
    virtual std::string describe() const = 0;

    /// Begin continuous reads. on_chunk gets every chunk; on_error once when reading stops.
    virtual void start(ChunkHandler on_chunk, ErrorHandler on_error) = 0;

    /// Queue bytes for the device (asynchronous, order preserved).
    virtual void write(std::span<const std::uint8_t> bytes) = 0;

    /// Discard bytes received but not yet delivered (used between handshake retries).
    virtual void discard_input() = 0;

    /// Stop reading and release the port. Safe to call twice.
    virtual void close() = 0;
};

} // namespace algocore
