#pragma once
// A DIY board (Arduino + HX711) printing one number per line at a fixed rate, unprompted.
#include <string>

#include "algotest/GaugeEmulator.h"

namespace algotest {

/// Emulated streaming ASCII device. The number printed is force_n / newtons_per_count.
class AsciiLineEmulator final : public GaugeEmulator {
public:
    AsciiLineEmulator(double rate_hz = 80.0, std::string line_ending = "\r\n",
                      double newtons_per_count = 1.0, int decimals = 3);
    std::string advance_to(double t_s) override;
    std::string reading_line() const;

protected:
    std::string answer(std::string_view) override { return {}; }

private:
    double rate_hz_;
    std::string line_ending_;
    double newtons_per_count_;
    int decimals_;
    double now_s_ = 0.0;
    double next_output_s_ = 0.0;
};

} // namespace algotest
