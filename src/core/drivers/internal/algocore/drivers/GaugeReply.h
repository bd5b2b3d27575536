#pragma once
// What one line from a commercial force gauge means, as decided by a dialect's parser.
#include <optional>
#include <string>

#include "algocal/Units.h"

namespace algocore {

/// One decoded gauge line. Parsers are pure functions of the line text: no I/O, no time.
struct GaugeReply {
    enum class Kind : unsigned char {
        Reading,     ///< a force value (possibly an overload)
        DeviceError, ///< the gauge answered with an error code
        Echo,        ///< the gauge echoed one of our commands
        Unparsable,  ///< not a line this dialect produces (noise, wrong baud, other device)
    };
    Kind kind = Kind::Unparsable;
    /// Force in newtons, compression positive (the gauges print tension as negative).
    double force_n = 0.0;
    /// The gauge says it is overloaded: force_n is the last value it could show (a bound).
    bool overload = false;
    /// False for a bare overload marker ("OVER") that carries no number.
    bool has_value = true;
    /// Unit the gauge printed, empty when it printed none (numeric-only output).
    std::optional<algocal::ForceUnit> unit;
    int error_code = 0;  ///< for DeviceError (e.g. Mark-10 *10 → 10)
    char mode = 0;       ///< dialect-specific mode letter (Imada: 'T' real time, 'P' peak)
    char judgement = 0;  ///< dialect-specific comparator letter (Imada)
    std::string message; ///< DeviceError meaning, or why the line is unparsable
};

inline GaugeReply unparsable_reply(std::string why) {
    GaugeReply r;
    r.kind = GaugeReply::Kind::Unparsable;
    r.message = std::move(why);
    return r;
}

} // namespace algocore
