#include "algocore/drivers/ShimpoDriver.h"

#include "algocore/drivers/ShimpoParser.h"

namespace algocore {
namespace {

AsciiGaugeConfig shimpo_config(const DriverOptions& options) {
    AsciiGaugeConfig c;
    c.name = "shimpo";
    c.model = "Shimpo gauge";
    c.baud = options.baud;
    // The echo of the command comes back before each reading.
    c.typical_reply_bytes = sizeof("BA\r+0012.3 N\r") - 1;
    c.max_poll_rate_hz = ShimpoDriver::kMaxPollRateHz;
    if (options.shimpo_continuous) {
        c.stream_start = "BB\r";
        c.stream_stop = "AB\r";
        c.rearm_when_silent = true;
        c.nominal_stream_rate_hz = ShimpoDriver::kContinuousRateHz;
    } else {
        c.poll_command = "BA\r";
    }
    return c;
}

} // namespace

ShimpoDriver::ShimpoDriver(const DriverOptions& options)
    : AsciiGaugeDriver(shimpo_config(options)), unit_when_omitted_(options.unit_when_omitted) {}

GaugeReply ShimpoDriver::parse_line(std::string_view line) const {
    return parse_shimpo_line(line, unit_when_omitted_);
}

} // namespace algocore
