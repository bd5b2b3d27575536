#pragma once
// Imada DS2 / DST / DSV gauges, polled with "D" + CR.
#include "algocore/drivers/AsciiGaugeDriver.h"
#include "algocore/drivers/DriverFactory.h"

namespace algocore {

/// Polls an Imada gauge as fast as it answers, one request in flight.
class ImadaDriver final : public AsciiGaugeDriver {
public:
    /// The fastest a DS2 answers "D" polls.
    static constexpr double kMaxPollRateHz = 10.0;
    explicit ImadaDriver(const DriverOptions& options);

protected:
    GaugeReply parse_line(std::string_view line) const override;
};

} // namespace algocore
