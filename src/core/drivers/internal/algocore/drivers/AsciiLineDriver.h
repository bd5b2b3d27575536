#pragma once
// Generic ASCII devices (DIY boards, Arduino + HX711): one number per line, streamed
// unprompted, in a configured unit and scale; CR, LF or CRLF line endings. Sends nothing.
#include "algocore/drivers/AsciiGaugeDriver.h"
#include "algocore/drivers/DriverFactory.h"

namespace algocore {

/// Listens to a device that prints one number per line.
class AsciiLineDriver final : public AsciiGaugeDriver {
public:
    explicit AsciiLineDriver(const DriverOptions& options);

protected:
    GaugeReply parse_line(std::string_view line) const override;

private:
    algocal::ForceUnit unit_;
    double scale_;
};

} // namespace algocore
