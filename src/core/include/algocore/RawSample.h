#pragma once
// What a driver produces: one reading in the device's own (factory) calibration.
#include <cstdint>

#include "algocore/Buttons.h"
#include "algocore/SteadyTime.h"

namespace algocore {

/// One reading decoded from the wire, before the active calibration record and probe area
/// are applied. Trivially copyable so it can cross threads through an SpscRing.
struct RawSample {
    SteadyTime t{};       ///< host time: arrival, or device time mapped to host time
    double force_n = 0.0; ///< force from the device's factory calibration (or gauge unit → N)
    std::int32_t raw_counts = 0;    ///< ADC counts where the device gives them
    bool has_raw = false;           ///< raw_counts is meaningful
    std::uint8_t buttons = 0;       ///< ButtonBit set
    std::uint8_t flags = 0;         ///< SampleFlag set
    std::uint32_t device_index = 0; ///< device running sample index (native protocol), else 0
    bool has_device_index = false;  ///< device_index is meaningful (losses can be exact)
};

} // namespace algocore
