#pragma once
// The calibrated sample every consumer sees: plot, protocol engines, recorder, CLI.
#include <cstdint>

#include "algocore/Buttons.h"

namespace algocore {

/// Id of a calibration record; 0 means the device's factory calibration.
using CalibrationId = std::uint64_t;
inline constexpr CalibrationId kFactoryCalibration = 0;

/// One calibrated sample. Time is seconds since the session start on the host steady clock.
/// Raw counts stay beside the calibrated value so a session can be recomputed after a
/// re-calibration. Trivially copyable (crosses threads through an SpscRing).
struct Sample {
    double t_s = 0.0;            ///< seconds since session start (host steady clock)
    double force_n = 0.0;        ///< force in newtons, after calibration and tare
    double pressure_kpa = 0.0;   ///< force / probe area, kPa (N/cm² × 10)
    std::int32_t raw_counts = 0; ///< device ADC counts where the device gives them
    bool has_raw = false;
    std::uint8_t buttons = 0;                           ///< ButtonBit set
    std::uint8_t flags = 0;                             ///< SampleFlag set
    CalibrationId calibration_id = kFactoryCalibration; ///< record that produced force_n
};

} // namespace algocore
