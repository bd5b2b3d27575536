#pragma once
// The device end of a virtual serial link. The simulator writes what the device sends and
// reads what the host sends; the host opens device_path() as an ordinary serial port.
// On POSIX this is a pseudo-terminal (PseudoTerminal); a Windows port (com0com pair)
// would be one more implementation of this interface in its own file.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace algosim {

/// Outcome of one non-blocking read or write on the device end.
enum class PortIoStatus : std::uint8_t {
    Ok,         ///< `bytes` were transferred (may be fewer than asked for a write)
    WouldBlock, ///< nothing to read / the host's receive buffer is full
    Closed,     ///< the port was closed (the device vanished)
    Error       ///< any other OS error; see `message`
};

/// Result of PortIoStatus plus the number of bytes moved.
struct PortIoResult {
    PortIoStatus status = PortIoStatus::Ok;
    std::size_t bytes = 0;
    std::string message;
};

/// Device end of a virtual serial port (non-blocking, raw bytes, no line discipline).
class VirtualSerialPort {
public:
    virtual ~VirtualSerialPort() = default;

    /// Path the host opens: the link path when one was requested, else the OS device path.
    virtual std::string device_path() const = 0;

    /// The OS device path itself (e.g. /dev/pts/7), even when a link exists.
    virtual std::string os_device_path() const = 0;

    /// Read what the host sent, up to into.size() bytes; never blocks.
    virtual PortIoResult read(std::span<std::uint8_t> into) = 0;

    /// Send bytes towards the host; never blocks, may accept only a prefix.
    virtual PortIoResult write(std::span<const std::uint8_t> bytes) = 0;

    /// Wait until the host sent something or the timeout passed; true when readable.
    virtual bool wait_readable(std::chrono::milliseconds timeout) = 0;

    /// Close the device end (and remove the link): the host sees the device vanish.
    virtual void close() = 0;

    /// False after close().
    virtual bool is_open() const = 0;
};

/// Result of opening a virtual serial port: the port, or an error message.
struct OpenPortResult {
    std::unique_ptr<VirtualSerialPort> port;
    std::string error;
};

/// Open the platform's virtual serial port; with a non-empty link_path also create a symlink
/// (or the platform's alias) there. Never throws.
OpenPortResult open_virtual_serial_port(const std::string& link_path);

} // namespace algosim
