#pragma once
// One JSON object per line for samples and link events: the output of `algoscope-cli stream`
// and `replay`, and a format scripts can read line by line.
//   {"t":1.234500,"force_n":12.3456,"pressure_kpa":123.456,"raw":120000,"buttons":0,"flags":0,"cal":0}
//   {"event":"connected","t":0.052000,"message":"Algoscope native v1.0"}
//   {"event":"button","t":3.100000,"button":"patient","pressed":true,"device_index":3100}
#include <atomic>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

#include "algocore/LinkEvent.h"
#include "algocore/Sample.h"
#include "algocore/SteadyTime.h"
#include "algocore/acquisition/Acquisition.h"

namespace algocore {

/// A sample as one JSON line (no newline). "raw" is null when the device gives no counts;
/// "gap":true appears on the first sample after a hole in the stream.
std::string to_json_line(const Sample& sample);

/// An event as one JSON line (no newline); t is seconds since session_start.
std::string to_json_line(const LinkEvent& event, SteadyTime session_start);

/// When print_json_lines stops.
struct JsonLinesLimits {
    std::optional<double> duration_s;               ///< stop after this long; none = until told
    const std::atomic<bool>* interrupted = nullptr; ///< stop when this becomes true (Ctrl-C)
};

/// How printing ended.
enum class JsonLinesEnd : std::uint8_t {
    DurationReached,
    Interrupted,
    SessionEnded,  ///< end of a replay, or stop()
    SessionFailed, ///< a permanent error ended the session (status().last_error says what)
    LinkLost,      ///< the device vanished and reconnection is off
};

/// Drain `acquisition`'s rings to `out` every ~10 ms until a limit or the session's end,
/// flushing after each batch, and drain what remains at the end.
JsonLinesEnd print_json_lines(Acquisition& acquisition, std::ostream& out,
                              const JsonLinesLimits& limits);

} // namespace algocore
