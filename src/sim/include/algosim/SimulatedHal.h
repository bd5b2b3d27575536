#pragma once
// The reference firmware core's hardware, simulated: a clock the simulator advances, the ADC
// reading a simulated load cell pressed by a simulated hand following a scenario, buttons
// from the scenario, and a UART with a bounded transmit buffer that the simulator drains
// into the virtual serial port. When the host does not read, the port backs up, the buffer
// fills, and the firmware counts the frames it had to drop (device-side overflow).
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "algoproto/firmware/Hal.h"
#include "algosim/LoadCell.h"
#include "algosim/ReactingSubject.h"
#include "algosim/Scenario.h"
#include "algosim/SimulatedHand.h"
#include "algosim/VirtualSerialPort.h"
#include "algosim/WireFaults.h"

namespace algosim {

/// Hal over simulated physics. Not thread-safe: one simulator thread owns it.
class SimulatedHal final : public algoproto::firmware::Hal {
public:
    /// All references must outlive the HAL.
    SimulatedHal(Scenario& scenario, SimulatedHand& hand, LoadCell& load_cell,
                 double probe_area_cm2, WireFaults& faults, std::size_t tx_capacity_bytes);

    /// Move simulated time to `scenario_us` since the simulation began (never backwards).
    void advance_to(std::uint64_t scenario_us);

    /// Power-up: the device clock restarts at zero and the transmit buffer is emptied.
    void power_up();

    /// The subject who answers the device's cue with the patient button (none: cues go
    /// unanswered). Must outlive the HAL.
    void set_subject(ReactingSubject* subject) { subject_ = subject; }

    /// Send buffered bytes to the port, as many as it takes. With no open port (device
    /// unplugged) the bytes go nowhere. Returns the number of bytes the port accepted.
    std::size_t drain_to(VirtualSerialPort* port);

    std::uint32_t micros() override;
    bool read_adc(std::int32_t& counts) override;
    std::uint8_t read_buttons() override;
    bool uart_write(const std::uint8_t* data, std::size_t size) override;
    std::uint16_t battery_mv() override;
    std::uint8_t battery_percent() override;
    /// The simulated device has an LED and a buzzer.
    std::uint8_t cue_outputs_available() override;
    void set_cue_outputs(std::uint8_t outputs) override;

    /// Bytes waiting in the transmit buffer.
    std::size_t tx_pending() const { return tx_.size(); }
    /// Bytes of frames refused because the transmit buffer was full.
    std::uint64_t tx_overflow_bytes() const { return tx_overflow_bytes_; }
    /// Pressure on the probe at the last ADC reading (for tests and diagnostics).
    double last_applied_kpa() const { return last_applied_kpa_; }
    /// Cue outputs switched on now.
    std::uint8_t cue_outputs() const { return cue_outputs_; }

private:
    Scenario& scenario_;
    SimulatedHand& hand_;
    LoadCell& load_cell_;
    double probe_area_cm2_;
    WireFaults& faults_;
    std::size_t tx_capacity_bytes_;
    std::vector<std::uint8_t> tx_;
    std::uint64_t tx_overflow_bytes_ = 0;
    std::uint64_t now_us_ = 0;
    std::uint64_t power_up_us_ = 0;
    double last_applied_kpa_ = 0.0;
    ReactingSubject* subject_ = nullptr;
    std::uint8_t cue_outputs_ = 0;
};

} // namespace algosim
