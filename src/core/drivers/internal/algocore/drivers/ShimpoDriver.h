#pragma once
// Shimpo FGV / FGE gauges: BA single reading (polled), BB continuous, AB stop. The gauge
// echoes every command; the echo is never read as data.
#include "algocore/drivers/AsciiGaugeDriver.h"
#include "algocore/drivers/DriverFactory.h"

namespace algocore {

/// Reads a Shimpo gauge, polled with BA or in BB continuous output.
class ShimpoDriver final : public AsciiGaugeDriver {
public:
    /// The fastest an FGV answers BA polls.
    static constexpr double kMaxPollRateHz = 10.0;
    /// Rate of BB continuous output (what the FGV documents as its output rate).
    static constexpr double kContinuousRateHz = 10.0;
    explicit ShimpoDriver(const DriverOptions& options);

protected:
    GaugeReply parse_line(std::string_view line) const override;
    std::string_view assumed_unit_name() const override {
        return algocal::symbol(unit_when_omitted_);
    }

private:
    algocal::ForceUnit unit_when_omitted_;
};

} // namespace algocore
