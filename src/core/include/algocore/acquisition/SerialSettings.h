#pragma once
// Serial line settings shared by the acquisition config and the serial transport.
#include <cstdint>
#include <string>

namespace algocore {

/// Serial flow control; set explicitly on every open (never inherited from the last user).
enum class FlowControl : std::uint8_t { None, Hardware, Software };

/// How to open one serial port. Data format is always 8N1 (every supported gauge uses it).
struct SerialPortSettings {
    std::string path; ///< /dev/ttyUSB0, /dev/serial/by-id/..., a pseudo-terminal
    unsigned baud = 115200;
    FlowControl flow_control = FlowControl::None;
};

/// "none", "hardware" or "software".
const char* to_string(FlowControl flow);

/// True for the baud rates the serial transport can set (the POSIX standard rates).
bool is_supported_baud(unsigned baud);

} // namespace algocore
