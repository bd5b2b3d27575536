#pragma once
// The hardware the firmware core needs. A real board implements it over its ADC, GPIO, UART
// and timer; the simulator and the tests implement it in software. Every function is inline
// or pure so implementations may be compiled with or without RTTI.
#include <cstddef>
#include <cstdint>

namespace algoproto::firmware {

class Hal {
public:
    virtual ~Hal() = default;

    /// Free-running microsecond clock; wraps at 2^32. The core's only notion of time.
    virtual std::uint32_t micros() = 0;

    /// One ADC conversion as a sign-extended 24-bit value (-0x800000..0x7FFFFF).
    /// Returns false when the ADC has no valid reading (fault).
    virtual bool read_adc(std::int32_t& counts) = 0;

    /// Raw (undebounced) button levels: Button bits (bit0 operator, bit1 patient), 1 = pressed.
    virtual std::uint8_t read_buttons() = 0;

    /// Queue a complete frame for the UART. All or nothing: returns false, writing nothing,
    /// when the transmit buffer has no room (the core drops the frame and counts it).
    virtual bool uart_write(const std::uint8_t* data, std::size_t size) = 0;

    /// Battery voltage in millivolts, 0 when there is no battery / unknown.
    virtual std::uint16_t battery_mv() { return 0; }
    /// Battery charge 0..100, 255 when unknown.
    virtual std::uint8_t battery_percent() { return 255; }

    /// Cue outputs (CueOutputs bits: LED, buzzer) a board has; the core switches on only
    /// these. A board without any need not override this or set_cue_outputs().
    virtual std::uint8_t cue_outputs_available() { return 0; }
    /// Switch the cue outputs to exactly `outputs` (0 = all off), at once: the core stamps the
    /// cue with micros() right after this returns.
    virtual void set_cue_outputs(std::uint8_t outputs) { (void)outputs; }
};

} // namespace algoproto::firmware
