#pragma once
#include <cstdint>

namespace algocore {

/// Bits of Sample::buttons / RawSample::buttons; same meaning as the wire SAMPLES flags.
enum ButtonBit : std::uint8_t {
    kOperatorButton = 1u << 0,
    kPatientButton = 1u << 1,
};

/// Bits of Sample::flags / RawSample::flags.
enum SampleFlag : std::uint8_t {
    kOverload = 1u << 0,     ///< the device reports overload
    kAdcSaturated = 1u << 1, ///< ADC at full scale: the force is a lower bound
    kGapBefore = 1u << 2,    ///< samples were lost (or the link was down) just before this one
    kOutOfCalibratedRange = 1u << 3, ///< reading outside the active calibration's range
};

} // namespace algocore
