#include "algocore/drivers/WagnerDriver.h"

#include <string>

#include "algocore/drivers/WagnerParser.h"

namespace algocore {
namespace {

AsciiGaugeConfig wagner_config(const DriverOptions& options, std::string name) {
    AsciiGaugeConfig c;
    c.name = std::move(name);
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

WagnerDriver::WagnerDriver(const DriverOptions& options) : WagnerDriver(options, "wagner") {}

WagnerDriver::WagnerDriver(const DriverOptions& options, std::string name)
    : AsciiGaugeDriver(wagner_config(options, std::move(name))),
      unit_when_omitted_(options.unit_when_omitted) {}

std::unique_ptr<WagnerDriver> WagnerDriver::fdix_continuous(DriverOptions options) {
    // Chosen by name, the gauge may just have been switched on: its rate is unknown, so the
    // driver sets one (auto-detection of a gauge already streaming keeps the gauge's own).
    options.wagner_continuous = true;
    if (options.wagner_rate_hz == 0) options.wagner_rate_hz = kFdixDefaultRateHz;
    return std::unique_ptr<WagnerDriver>(new WagnerDriver(options, "wagner-fdix"));
}

GaugeReply WagnerDriver::parse_line(std::string_view line) const {
    return parse_wagner_line(line, unit_when_omitted_);
}

} // namespace algocore
