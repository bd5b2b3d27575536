#include "algotest/Mark10Emulator.h"

#include <cstdio>
#include <string>

namespace algotest {

Mark10Emulator::Mark10Emulator(algocal::ForceUnit unit, std::string unit_spelling, int decimals)
    : unit_(unit), unit_spelling_(std::move(unit_spelling)), decimals_(decimals) {}

std::string Mark10Emulator::answer(std::string_view command) {
    if (command != "?") return "*10\r\n";
    if (error_code_ != 0) return "*" + std::to_string(error_code_) + "\r\n";
    if (overloaded()) return "OVER\r\n";
    // Compression prints without a sign, tension with '-'.
    char text[48];
    std::snprintf(text, sizeof text, "%.*f", decimals_, force_n() / algocal::newtons_per(unit_));
    std::string line = text;
    if (!unit_spelling_.empty()) line += " " + unit_spelling_;
    return line + "\r\n";
}

} // namespace algotest
