#pragma once
// Mark-10 Series 4/5/7 (and rebadged) gauges, polled with "?" + CR.
#include "algocore/drivers/AsciiGaugeDriver.h"
#include "algocore/drivers/DriverFactory.h"

namespace algocore {

/// Polls a Mark-10 as fast as it answers, one request in flight.
class Mark10Driver final : public AsciiGaugeDriver {
public:
    /// The fastest a Mark-10 answers "?" polls (its display update limits it).
    static constexpr double kMaxPollRateHz = 50.0;
    explicit Mark10Driver(const DriverOptions& options);

protected:
    GaugeReply parse_line(std::string_view line) const override;
    std::string_view assumed_unit_name() const override {
        return algocal::symbol(unit_when_omitted_);
    }

private:
    algocal::ForceUnit unit_when_omitted_;
};

} // namespace algocore
