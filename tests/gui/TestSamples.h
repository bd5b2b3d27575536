#pragma once
// Builds calibrated samples for the GUI tests (as the acquisition would deliver them).
#include "algocore/Sample.h"

inline algocore::Sample sample_at(double t_s, double pressure_kpa, std::uint8_t buttons = 0) {
    algocore::Sample s;
    s.t_s = t_s;
    s.pressure_kpa = pressure_kpa;
    s.force_n = pressure_kpa / 10.0; // 1 cm² tip
    s.buttons = buttons;
    return s;
}
