#include "algotest/AsciiLineEmulator.h"

#include <cstdio>

namespace algotest {

AsciiLineEmulator::AsciiLineEmulator(double rate_hz, std::string line_ending,
                                     double newtons_per_count, int decimals)
    : rate_hz_(rate_hz), line_ending_(std::move(line_ending)),
      newtons_per_count_(newtons_per_count), decimals_(decimals) {}

std::string AsciiLineEmulator::reading_line() const {
    char text[48];
    std::snprintf(text, sizeof text, "%.*f", decimals_, force_n() / newtons_per_count_);
    return text + line_ending_;
}

std::string AsciiLineEmulator::advance_to(double t_s) {
    std::string out;
    if (t_s < now_s_) return out;
    now_s_ = t_s;
    if (!answering()) {
        next_output_s_ = now_s_;
        return out;
    }
    while (next_output_s_ <= now_s_) {
        out += reading_line();
        next_output_s_ += 1.0 / rate_hz_;
    }
    return out;
}

} // namespace algotest
