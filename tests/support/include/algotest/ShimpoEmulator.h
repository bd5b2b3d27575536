#pragma once
// Shimpo FGV serial behaviour: echoes every command, "BA" → one reading, "BB" continuous
// output, "AB" stop. Lines end with CR.
#include "algotest/GaugeEmulator.h"

namespace algotest {

/// Emulated Shimpo FGV.
class ShimpoEmulator final : public GaugeEmulator {
public:
    /// echo_on_own_line false puts the reading right after the echo ("BA+0012.30 N").
    explicit ShimpoEmulator(bool echo_on_own_line = true, double stream_rate_hz = 10.0);
    std::string advance_to(double t_s) override;
    bool streaming() const { return streaming_; }
    std::string reading_line() const;

protected:
    std::string answer(std::string_view command) override;

private:
    bool echo_on_own_line_;
    double stream_rate_hz_;
    bool streaming_ = false;
    double now_s_ = 0.0;
    double next_output_s_ = 0.0;
};

} // namespace algotest
