#pragma once
// Host time. Every byte chunk is stamped once, at arrival, with this clock; nothing
// downstream re-stamps (ARCHITECTURE.md "Time is stamped once").
#include <chrono>

namespace algocore {

using SteadyClock = std::chrono::steady_clock;
using SteadyTime = SteadyClock::time_point;

/// Seconds between two host instants, as a double.
inline double seconds_between(SteadyTime from, SteadyTime to) {
    return std::chrono::duration<double>(to - from).count();
}

} // namespace algocore
