#include "algocore/drivers/ImadaDriver.h"

#include "algocore/drivers/ImadaParser.h"

namespace algocore {
namespace {

AsciiGaugeConfig imada_config(const DriverOptions& options) {
    AsciiGaugeConfig c;
    c.name = "imada";
    c.model = "Imada gauge";
    c.baud = options.baud;
    // "D" asks for the displayed value.
    c.poll_command = "D\r";
    c.max_poll_rate_hz = ImadaDriver::kMaxPollRateHz;
    c.typical_reply_bytes = sizeof("+012.34NTO\r\n") - 1;
    return c;
}

} // namespace

ImadaDriver::ImadaDriver(const DriverOptions& options) : AsciiGaugeDriver(imada_config(options)) {}

GaugeReply ImadaDriver::parse_line(std::string_view line) const {
    return parse_imada_line(line);
}

} // namespace algocore
