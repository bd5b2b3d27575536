#include "algotest/ShimpoEmulator.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace algotest {

ShimpoEmulator::ShimpoEmulator(bool echo_on_own_line, double stream_rate_hz)
    : echo_on_own_line_(echo_on_own_line), stream_rate_hz_(stream_rate_hz) {}

std::string ShimpoEmulator::reading_line() const {
    if (overloaded()) return "OVER\r";
    char text[48];
    std::snprintf(text, sizeof text, "%c%07.2f N\r", force_n() < 0 ? '-' : '+',
                  std::fabs(force_n()));
    return text;
}

std::string ShimpoEmulator::answer(std::string_view command) {
    std::string echo(command);
    if (echo_on_own_line_) echo += "\r";
    if (command == "BA") return echo + reading_line();
    if (command == "BB") {
        streaming_ = true;
        next_output_s_ = now_s_;
        return echo_on_own_line_ ? echo : echo + "\r";
    }
    if (command == "AB") {
        streaming_ = false;
        return echo_on_own_line_ ? echo : echo + "\r";
    }
    return echo_on_own_line_ ? echo : echo + "\r";
}

std::string ShimpoEmulator::advance_to(double t_s) {
    std::string out;
    if (t_s < now_s_) return out;
    now_s_ = t_s;
    if (!streaming_ || !answering()) {
        next_output_s_ = now_s_;
        return out;
    }
    while (next_output_s_ <= now_s_) {
        out += reading_line();
        next_output_s_ += 1.0 / stream_rate_hz_;
    }
    return out;
}

} // namespace algotest
