#pragma once
// Measures how many readings per second actually arrive, over consecutive one-second windows.
#include <cstdint>

#include "algocore/SteadyTime.h"

namespace algocore {

/// Readings per second over the last completed window (1 s by default).
class RateMeter {
public:
    explicit RateMeter(double window_s = 1.0) : window_s_(window_s) {}

    void reset(SteadyTime now) {
        window_start_ = now;
        count_ = 0;
        started_ = true;
    }

    /// One reading arrived at `t`.
    void record(SteadyTime t) {
        update(t);
        ++count_;
    }

    /// Close the window when it is over (call from ticks so silence reads as 0 Hz).
    void update(SteadyTime now) {
        if (!started_) reset(now);
        const double elapsed_s = seconds_between(window_start_, now);
        if (elapsed_s < window_s_) return;
        // A long gap (silence) closes the window with the readings it had over its real span.
        rate_hz_ = static_cast<double>(count_) / elapsed_s;
        windows_completed_++;
        window_start_ = now;
        count_ = 0;
    }

    /// Rate over the last completed window; 0 before the first one completes.
    double rate_hz() const { return rate_hz_; }
    std::uint64_t windows_completed() const { return windows_completed_; }

private:
    double window_s_;
    SteadyTime window_start_{};
    std::uint64_t count_ = 0;
    double rate_hz_ = 0.0;
    std::uint64_t windows_completed_ = 0;
    bool started_ = false;
};

} // namespace algocore
