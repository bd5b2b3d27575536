#pragma once
// When to try reopening a lost port: soon at first (a replugged cable is usually back within
// a second), then backing off so a gauge left unplugged costs a few opens per second at most.
// Pure state over given instants, so it is tested with a fake clock.
#include <chrono>

#include "algocore/SteadyTime.h"

namespace algocore {

/// Backoff state for reconnection attempts.
class ReconnectSchedule {
public:
    using Duration = SteadyClock::duration;

    /// Attempts start `first_delay` after the loss and double up to `max_delay`.
    explicit ReconnectSchedule(Duration first_delay = std::chrono::milliseconds(50),
                               Duration max_delay = std::chrono::milliseconds(500));

    /// The link was lost at `now`: the first attempt is due at now + first_delay.
    void link_lost(SteadyTime now);
    /// True while waiting for the device and an attempt is due at `now`.
    bool attempt_due(SteadyTime now) const;
    /// An attempt at `now` failed: the next one waits twice as long (capped).
    void attempt_failed(SteadyTime now);
    /// The link is back: forget the backoff.
    void connected();

    bool waiting() const { return waiting_; }
    SteadyTime next_attempt() const { return next_attempt_; }
    Duration current_delay() const { return delay_; }
    int failed_attempts() const { return failed_attempts_; }
    /// When the link was lost (valid while waiting).
    SteadyTime lost_at() const { return lost_at_; }

private:
    Duration first_delay_;
    Duration max_delay_;
    Duration delay_;
    SteadyTime next_attempt_{};
    SteadyTime lost_at_{};
    bool waiting_ = false;
    int failed_attempts_ = 0;
};

} // namespace algocore
