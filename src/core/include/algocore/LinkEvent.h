#pragma once
// Status of the link to a device, as values (never exceptions or dialogs on the I/O path).
#include <cstdint>
#include <string>

#include "algocore/SteadyTime.h"

namespace algocore {

/// Something that happened on the link, for the banner, the log and the CLI's event lines.
struct LinkEvent {
    enum class Kind : std::uint8_t {
        Connected,    ///< port open and device identified (message: device description)
        Disconnected, ///< port vanished or device stopped answering (message: why)
        Button,       ///< a button changed state (button, pressed, device_index)
        Error,        ///< something went wrong and was counted/recovered (message: what)
        Warning,      ///< worth showing, not an error (e.g. polled rate lower than asked)
        Info,         ///< progress (e.g. "re-arming streaming", "reconnecting in 0.4 s")
        Cue,          ///< the device's reaction-time cue went on (cue_id, device_t_us)
    };
    Kind kind = Kind::Info;
    SteadyTime t{};
    std::string message;
    std::uint8_t button = 0;        ///< ButtonBit, for Kind::Button
    bool pressed = false;           ///< for Kind::Button
    std::uint32_t device_index = 0; ///< sample index the button event refers to (native)
    /// The device's own clock (µs, wrapping u32) of the instant: a cue going on, or the edge
    /// of a button press (native protocol 1.1). Cue and press on this clock give a reaction
    /// time free of host latency.
    std::uint32_t device_t_us = 0;
    bool has_device_time = false;
    std::uint16_t cue_id = 0; ///< for Kind::Cue: the id the host asked the cue with
};

/// Lower-case name used in JSON lines ("connected", "disconnected", "button", ...).
const char* to_string(LinkEvent::Kind kind);

} // namespace algocore
