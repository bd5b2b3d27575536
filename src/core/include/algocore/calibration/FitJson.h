#pragma once
// The JSON summary of a polynomial fit printed by `algoscope-cli calibrate fit --json`:
// {"degree":N,"coefficients":[c0..cN],"std_errors":[...],"residual_sd":...,"r_squared":...,
//  "n":...}, doubles in shortest round-trip form (full double precision).
#include <string>

#include "algocal/PolynomialFit.h"

namespace algocore {

/// One-line JSON (no trailing newline).
std::string polynomial_fit_to_json(const algocal::PolynomialFit& fit);

} // namespace algocore
