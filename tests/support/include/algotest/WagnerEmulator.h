#pragma once
// Wagner FDX / FDIX serial behaviour: "?" → "- 23.02 lbf\r\n"; FDIX continuous output with
// "C<rate>" (points per second), "CB" begin, "CE" end; power_cycle() forgets the mode.
#include "algotest/GaugeEmulator.h"

namespace algotest {

/// Emulated Wagner FDIX (also answers like an FDX).
class WagnerEmulator final : public GaugeEmulator {
public:
    std::string advance_to(double t_s) override;
    /// The gauge restarts: continuous output stops and the rate returns to its default.
    void power_cycle();
    bool streaming() const { return streaming_; }
    int rate_hz() const { return rate_hz_; }
    /// One reading line as the gauge prints it.
    std::string reading_line() const;

protected:
    std::string answer(std::string_view command) override;

private:
    static constexpr int kDefaultRateHz = 10;
    int rate_hz_ = kDefaultRateHz;
    bool streaming_ = false;
    double now_s_ = 0.0;
    double next_output_s_ = 0.0;
};

} // namespace algotest
