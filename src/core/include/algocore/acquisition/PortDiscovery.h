#pragma once
// Listing the serial ports a device might be on, with the names a person recognises.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace algocore {

/// One serial port as the system describes it.
struct PortInfo {
    /// What to open: the stable /dev/serial/by-id name when there is one, else the kernel
    /// device path.
    std::string path;
    std::string device_path; ///< kernel device node, e.g. /dev/ttyUSB0
    std::string by_id_path;  ///< /dev/serial/by-id/... or empty
    std::string kind;        ///< "usb-serial", "usb-acm", "uart", "other"
    std::optional<std::uint16_t> usb_vid;
    std::optional<std::uint16_t> usb_pid;
    std::string manufacturer;  ///< USB manufacturer string, may be empty
    std::string product;       ///< USB product string, may be empty
    std::string serial_number; ///< USB serial number, may be empty
    std::string driver;        ///< kernel driver (ftdi_sio, cp210x, cdc_acm, ...)
    /// One line for a person: "FT232R USB UART (FTDI, 0403:6001)".
    std::string description() const;
    /// "0403:6001", or empty when not a USB device.
    std::string vid_pid() const;
};

/// Lists serial ports. One implementation per platform.
class PortDiscovery {
public:
    virtual ~PortDiscovery() = default;
    /// Ports present now, sorted by path.
    virtual std::vector<PortInfo> list_ports() const = 0;
};

/// Where the POSIX implementation looks; tests point these at a fake tree.
struct PosixPortRoots {
    std::string dev_dir = "/dev";
    std::string by_id_dir = "/dev/serial/by-id";
    std::string sys_class_tty = "/sys/class/tty";
};

/// Linux: ttyUSB*, ttyACM*, ttyAMA* and ttyS* with a real UART behind them, described from
/// sysfs (USB VID:PID, manufacturer, product, serial, driver) and named by their by-id links.
class PosixPortDiscovery final : public PortDiscovery {
public:
    explicit PosixPortDiscovery(PosixPortRoots roots = {});
    std::vector<PortInfo> list_ports() const override;

private:
    PosixPortRoots roots_;
};

} // namespace algocore
