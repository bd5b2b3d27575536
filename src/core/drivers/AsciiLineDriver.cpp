#include "algocore/drivers/AsciiLineDriver.h"

#include "algocore/drivers/AsciiNumberParser.h"

namespace algocore {
namespace {

AsciiGaugeConfig ascii_config(const DriverOptions& options) {
    AsciiGaugeConfig c;
    c.name = "ascii";
    c.model = "ASCII device";
    c.baud = options.baud;
    // Nothing to send: the device streams by itself. No re-arming either, since we do not
    // know a command that would restart it.
    c.line_ending = options.ascii_line_ending;
    return c;
}

} // namespace

AsciiLineDriver::AsciiLineDriver(const DriverOptions& options)
    : AsciiGaugeDriver(ascii_config(options)), unit_(options.ascii_unit),
      scale_(options.ascii_scale) {}

GaugeReply AsciiLineDriver::parse_line(std::string_view line) const {
    return parse_ascii_number_line(line, unit_, scale_);
}

} // namespace algocore
