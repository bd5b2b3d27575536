#pragma once
// Serial port transport (Boost.Asio serial_port) and the opener that reopens the same device
// after a replug, by its path or by its stable /dev/serial/by-id name.
#include <memory>
#include <string>

#include "algocore/Transport.h"
#include "algocore/acquisition/SerialSettings.h"
#include "algocore/acquisition/TransportOpener.h"

namespace algocore {

/// Opens `settings.path` on `io`: 8N1 at the given baud, flow control set explicitly, DTR
/// asserted (where the port has modem lines; a pseudo-terminal has none), exclusive access.
/// Reads run continuously with async_read_some into a fixed buffer; each chunk is stamped
/// with steady_clock when its read completes. The port is checked every 100 ms and reported
/// Vanished when its device node is gone even if no read error arrives.
OpenedTransport open_serial_transport(boost::asio::io_context& io,
                                      const SerialPortSettings& settings);

/// Reopens one device on every (re)connection. After the first successful open it learns
/// the port's /dev/serial/by-id name (when the system has one), and on later opens prefers
/// that name, so a gauge that comes back as /dev/ttyUSB1 instead of /dev/ttyUSB0 is found.
class SerialOpener final : public TransportOpener {
public:
    explicit SerialOpener(SerialPortSettings settings, std::string by_id_dir = "/dev/serial/by-id");
    std::string describe() const override;
    OpenedTransport open(boost::asio::io_context& io) override;

    /// The by-id name learned at the first open; empty when the system has none.
    const std::string& stable_path() const { return stable_path_; }

private:
    SerialPortSettings settings_;
    std::string by_id_dir_;
    std::string stable_path_;
};

} // namespace algocore
