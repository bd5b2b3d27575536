#pragma once
// Stable names of serial ports: udev's /dev/serial/by-id links survive a replug that moves
// the kernel name (ttyUSB0 → ttyUSB1).
#include <string>

namespace algocore {

/// The link in `by_id_dir` that resolves to the same device as `port_path`; empty when none
/// (no udev, a pseudo-terminal, a built-in UART). When port_path is itself in by_id_dir it
/// is returned as is.
std::string find_stable_port_name(const std::string& port_path,
                                  const std::string& by_id_dir = "/dev/serial/by-id");

/// True when `path` names an existing file (following symlinks): the device is present.
bool port_node_exists(const std::string& path);

} // namespace algocore
