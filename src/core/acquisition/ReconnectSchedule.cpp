#include "algocore/acquisition/ReconnectSchedule.h"

#include <algorithm>

namespace algocore {

ReconnectSchedule::ReconnectSchedule(Duration first_delay, Duration max_delay)
    : first_delay_(first_delay), max_delay_(std::max(first_delay, max_delay)), delay_(first_delay) {
}

void ReconnectSchedule::link_lost(SteadyTime now) {
    waiting_ = true;
    failed_attempts_ = 0;
    delay_ = first_delay_;
    lost_at_ = now;
    next_attempt_ = now + delay_;
}

bool ReconnectSchedule::attempt_due(SteadyTime now) const {
    return waiting_ && now >= next_attempt_;
}

void ReconnectSchedule::attempt_failed(SteadyTime now) {
    if (!waiting_) return;
    ++failed_attempts_;
    delay_ = std::min(delay_ * 2, max_delay_);
    next_attempt_ = now + delay_;
}

void ReconnectSchedule::connected() {
    waiting_ = false;
    failed_attempts_ = 0;
    delay_ = first_delay_;
}

} // namespace algocore
