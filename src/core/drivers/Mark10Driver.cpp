#include "algocore/drivers/Mark10Driver.h"

#include "algocore/drivers/Mark10Parser.h"

namespace algocore {
namespace {

AsciiGaugeConfig mark10_config(const DriverOptions& options) {
    AsciiGaugeConfig c;
    c.name = "mark10";
    c.model = "Mark-10 gauge";
    c.baud = options.baud;
    // "Request the displayed reading", terminated by CR.
    c.poll_command = "?\r";
    c.max_poll_rate_hz = Mark10Driver::kMaxPollRateHz;
    c.typical_reply_bytes = sizeof("-18.78 lbF\r\n") - 1;
    return c;
}

} // namespace

Mark10Driver::Mark10Driver(const DriverOptions& options)
    : AsciiGaugeDriver(mark10_config(options)), unit_when_omitted_(options.unit_when_omitted) {}

GaugeReply Mark10Driver::parse_line(std::string_view line) const {
    return parse_mark10_line(line, unit_when_omitted_);
}

} // namespace algocore
