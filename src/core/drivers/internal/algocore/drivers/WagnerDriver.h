#pragma once
// Wagner FDX / FDIX gauges: "?" polled, or FDIX continuous output (C<rate>, CB ... CE).
#include <memory>
#include <string>

#include "algocore/drivers/AsciiGaugeDriver.h"
#include "algocore/drivers/DriverFactory.h"

namespace algocore {

/// Reads a Wagner gauge; in continuous mode re-arms output after 200 ms of silence.
class WagnerDriver final : public AsciiGaugeDriver {
public:
    /// The fastest an FDX answers "?" polls.
    static constexpr double kMaxPollRateHz = 20.0;
    /// FDIX continuous output rate when chosen by name and none is given, readings/s.
    static constexpr unsigned kFdixDefaultRateHz = 100;
    /// Polled, or continuous when options.wagner_continuous ("wagner").
    explicit WagnerDriver(const DriverOptions& options);
    /// The FDIX's continuous output, set up by the driver itself at options.wagner_rate_hz
    /// (kFdixDefaultRateHz when 0) and re-armed after a power cycle ("wagner-fdix").
    static std::unique_ptr<WagnerDriver> fdix_continuous(DriverOptions options);

protected:
    GaugeReply parse_line(std::string_view line) const override;
    std::string_view assumed_unit_name() const override {
        return algocal::symbol(unit_when_omitted_);
    }

private:
    WagnerDriver(const DriverOptions& options, std::string name);
    algocal::ForceUnit unit_when_omitted_;
};

} // namespace algocore
