#include "algocore/drivers/WagnerDriver.h"

#include <string>

#include "algocore/drivers/WagnerParser.h"

namespace algocore {
namespace {

AsciiGaugeConfig wagner_config(const DriverOptions& options) {
    AsciiGaugeConfig c;
    c.name = "wagner";
    c.model = options.wagner_continuous ? "Wagner FDIX gauge" : "Wagner FDX gauge";
    c.baud = options.baud;
    c.typical_reply_bytes = sizeof("- 23.02 lbf\r\n") - 1;
    c.max_poll_rate_hz = WagnerDriver::kMaxPollRateHz;
    if (options.wagner_continuous) {
        // Set the output rate, then begin continuous output; both are sent again to re-arm
        // a gauge that power-cycled and forgot its mode.
        // Rate 0 keeps whatever rate the gauge is set to.
        c.stream_start = options.wagner_rate_hz > 0
                             ? "C" + std::to_string(options.wagner_rate_hz) + "\rCB\r"
                             : "CB\r";
        c.stream_stop = "CE\r";
        c.rearm_when_silent = true;
        c.nominal_stream_rate_hz = options.wagner_rate_hz;
    } else {
        c.poll_command = "?\r";
    }
    return c;
}

} // namespace

WagnerDriver::WagnerDriver(const DriverOptions& options)
    : AsciiGaugeDriver(wagner_config(options)), unit_when_omitted_(options.unit_when_omitted) {}

GaugeReply WagnerDriver::parse_line(std::string_view line) const {
    return parse_wagner_line(line, unit_when_omitted_);
}

} // namespace algocore
