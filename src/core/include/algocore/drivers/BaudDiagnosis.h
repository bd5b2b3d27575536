#pragma once
// Tells a wrong baud rate apart from a silent device: bytes keep arriving but none of them
// forms a valid reading. Shared by every driver.
#include <optional>
#include <string>

#include "algocore/SteadyTime.h"

namespace algocore {

/// Watches for "bytes but nothing valid" and produces the message once per episode.
class BaudDiagnosis {
public:
    /// How long bytes may arrive without one valid reading before we blame the baud rate.
    static constexpr double kNoValidDataLimitS = 1.5;

    explicit BaudDiagnosis(unsigned baud) : baud_(baud) {}

    void reset() {
        invalid_since_.reset();
        reported_ = false;
    }
    /// Bytes arrived at `t` (valid or not).
    void on_bytes(SteadyTime t) {
        if (!invalid_since_) invalid_since_ = t;
    }
    /// Something parsed: the baud rate is right.
    void on_valid() {
        invalid_since_.reset();
        reported_ = false;
    }
    /// The message to report now, once per episode; empty otherwise.
    std::optional<std::string> check(SteadyTime now) {
        if (reported_ || !invalid_since_) return std::nullopt;
        if (seconds_between(*invalid_since_, now) < kNoValidDataLimitS) return std::nullopt;
        reported_ = true;
        return "no valid data at " + std::to_string(baud_) +
               " baud \u2014 check the gauge's baud setting";
    }

private:
    unsigned baud_;
    std::optional<SteadyTime> invalid_since_;
    bool reported_ = false;
};

} // namespace algocore
