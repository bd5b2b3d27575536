#include "algotest/ImadaEmulator.h"

#include <cmath>
#include <cstdio>

namespace algotest {

ImadaEmulator::ImadaEmulator(algocal::ForceUnit unit, char mode, char judgement)
    : unit_(unit), mode_(mode), judgement_(judgement) {}

std::string ImadaEmulator::answer(std::string_view command) {
    if (command != "D") return {};
    const double value = force_n() / algocal::newtons_per(unit_);
    const char unit_letter = unit_ == algocal::ForceUnit::kKilogramForce ? 'K'
                             : unit_ == algocal::ForceUnit::kPoundForce  ? 'O'
                                                                         : 'N';
    char text[48];
    std::snprintf(text, sizeof text, "%c%06.2f%c%c%c\r\n", value < 0 ? '-' : '+', std::fabs(value),
                  unit_letter, mode_, judgement_);
    return text;
}

} // namespace algotest
