#pragma once
// Static description of one device, fixed at build or production time.
#include <cstdint>

namespace algoproto::firmware {

/// Identity, factory calibration and defaults of a device. `serial_number` is ASCII, at most
/// 16 characters are sent.
struct DeviceConfig {
    const char* serial_number = "";
    std::uint8_t firmware_major = 0;
    std::uint8_t firmware_minor = 0;
    std::uint8_t firmware_patch = 0;
    std::uint8_t capabilities = 0;       ///< algoproto::Capabilities bits
    float counts_per_newton = 1.0f;      ///< factory gain, net counts per newton
    std::int32_t zero_offset_counts = 0; ///< factory zero, ADC counts
    float probe_area_cm2 = 1.0f;
    float full_scale_n = 0.0f;                ///< overload above this force; 0 = never
    std::uint16_t adc_nominal_rate_hz = 1000; ///< rate used at power-up
    std::uint16_t max_rate_hz = 2000;
    std::uint8_t default_batch = 10;
    bool autostart = false;            ///< stream at power-up without START
    std::uint32_t debounce_us = 20000; ///< a button level must hold this long
    std::uint16_t battery_low_mv = 0;  ///< below this STATUS sets kErrorBatteryLow
};

} // namespace algoproto::firmware
