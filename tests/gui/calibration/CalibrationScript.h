#pragma once
// Scripted device readings for the calibration tests: a load held on the probe for a while,
// with a small zero-mean ripple, as the live feed would deliver them.
#include <cmath>

#include "algogui/calibration/CalibrationWizard.h"

namespace calibration_script {

/// The device the tests calibrate: reading (counts) = 1000 + 2000·F + 3·F², F in newtons.
inline double true_reading(double force_n) {
    return 1000.0 + 2000.0 * force_n + 3.0 * force_n * force_n;
}

/// Feeds `duration_s` at 100 Hz of a steady load: readings alternate ±ripple around the true
/// reading (+ reading_offset), the force likewise by ±0.01 N.
inline double hold_load(algogui::calibration::CalibrationWizard& wizard, double t0_s,
                        double force_n, double duration_s = 1.2, double ripple = 0.0,
                        double reading_offset = 0.0) {
    const int n = static_cast<int>(std::lround(duration_s * 100.0)) & ~1;
    for (int i = 0; i < n; ++i) {
        const double sign = (i % 2 == 0) ? 1.0 : -1.0;
        wizard.add_reading(t0_s + i * 0.01, true_reading(force_n) + reading_offset + sign * ripple,
                           force_n + sign * 0.01);
    }
    return t0_s + n * 0.01;
}

} // namespace calibration_script
