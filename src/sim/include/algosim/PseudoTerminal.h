#pragma once
// POSIX pseudo-terminal used as a virtual serial port: the simulator holds the master, the
// host opens the slave (/dev/pts/N) like a USB serial adapter.
#include <string>

#include "algosim/VirtualSerialPort.h"

namespace algosim {

/// Pseudo-terminal master in raw, non-blocking mode, with an optional symlink to the slave.
class PseudoTerminal final : public VirtualSerialPort {
public:
    /// Open a pty; with a non-empty link_path also (re)point a symlink there at the slave.
    /// An existing file at link_path that is not a symlink is refused.
    static OpenPortResult open(const std::string& link_path = {});

    ~PseudoTerminal() override;
    PseudoTerminal(const PseudoTerminal&) = delete;
    PseudoTerminal& operator=(const PseudoTerminal&) = delete;

    std::string device_path() const override;
    std::string os_device_path() const override { return slave_path_; }
    PortIoResult read(std::span<std::uint8_t> into) override;
    PortIoResult write(std::span<const std::uint8_t> bytes) override;
    bool wait_readable(std::chrono::milliseconds timeout) override;
    void close() override;
    bool is_open() const override { return master_fd_ >= 0; }

    /// The master file descriptor (for poll loops); -1 once closed.
    int master_fd() const { return master_fd_; }

private:
    PseudoTerminal(int master_fd, int slave_keepalive_fd, std::string slave_path,
                   std::string link_path);

    int master_fd_ = -1;
    int slave_keepalive_fd_ = -1;
    std::string slave_path_;
    std::string link_path_;
};

} // namespace algosim
