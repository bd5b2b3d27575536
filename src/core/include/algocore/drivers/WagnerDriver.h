#pragma once
// Wagner FDX / FDIX gauges: "?" polled, or FDIX continuous output (C<rate>, CB ... CE).
#include "algocore/drivers/AsciiGaugeDriver.h"
#include "algocore/drivers/DriverFactory.h"

namespace algocore {

/// Reads a Wagner gauge; in continuous mode re-arms output after 200 ms of silence.
class WagnerDriver final : public AsciiGaugeDriver {
public:
    /// The fastest an FDX answers "?" polls.
    static constexpr double kMaxPollRateHz = 20.0;
    explicit WagnerDriver(const DriverOptions& options);

protected:
    GaugeReply parse_line(std::string_view line) const override;
    std::string_view assumed_unit_name() const override { return to_string(unit_when_omitted_); }

private:
    ForceUnit unit_when_omitted_;
};

} // namespace algocore
