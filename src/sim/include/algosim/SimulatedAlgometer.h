#pragma once
// A complete simulated algometer: the reference firmware core running on a simulated HAL
// (load cell and hand physics, scripted buttons, real-time clock) behind a virtual serial
// port. The GUI's built-in "Simulated algometer" and the integration tests run it
// in-process and open device_path() as an ordinary serial port; algoscope-sim is a thin
// command-line wrapper around it.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "algosim/ReactingSubject.h"

namespace algosim {

/// Faults injected between the firmware's UART and the host.
struct FaultOptions {
    /// Probability that a device→host byte is dropped (0..1).
    double drop_rate = 0.0;
    /// Probability that a device→host byte has one bit flipped (0..1).
    double corrupt_rate = 0.0;
    /// Close the port at this time after start (the device vanishes from the host).
    std::optional<double> disconnect_at_s;
    /// With disconnect_at_s: come back this many seconds later (same link path, fresh port).
    std::optional<double> reconnect_after_s;
    /// Re-create the firmware core at this time (sequence numbers restart, streaming stops
    /// unless autostart).
    std::optional<double> power_cycle_at_s;
};

/// Everything that configures a simulated algometer.
struct SimulatedAlgometerOptions {
    /// Sample rate used by autostart (the host's START command chooses its own), 16..2000 Hz.
    unsigned rate_hz = 1000;
    /// Samples per SAMPLES frame used by autostart (1..79); 0 picks about 50 frames/s.
    unsigned batch = 0;
    /// Seed of every random process (noise, tremor, drift, scenario variation, faults).
    std::uint64_t seed = 1;
    /// Stream SAMPLES from power-up without waiting for START (like a data logger).
    bool autostart = false;
    /// Built-in scenario name (see scenario_names()); ignored when scenario_file is set.
    std::string scenario = "ppt-ramp";
    /// CSV keyframe file (t_s,pressure_kpa,patient_button,operator_button); overrides scenario.
    std::string scenario_file;
    /// Contact area of the simulated probe tip in cm² (1 cm² = the standard algometer tip).
    double probe_area_cm2 = 1.0;
    /// How the subject answers the device's reaction-time cue (CUE) with the patient button.
    ReactionTime reaction;
    /// Faults to inject.
    FaultOptions faults;
    /// Also expose the device at this path (a symlink on POSIX); empty for none.
    std::string link_path;
    /// Called from the simulator thread on notable events ("disconnected", "reconnected: pty:
    /// /dev/pts/9", "power-cycled"). Must not block.
    std::function<void(const std::string& event)> on_event;
};

/// Counters of a running simulator, for tests and the CLI's closing summary.
struct SimulatedAlgometerStats {
    std::uint64_t samples_taken = 0;     ///< ADC conversions taken by the firmware
    std::uint64_t bytes_sent = 0;        ///< bytes that reached the port
    std::uint64_t bytes_dropped = 0;     ///< injected drops
    std::uint64_t bytes_corrupted = 0;   ///< injected corruptions
    std::uint64_t bytes_received = 0;    ///< host→device bytes fed to the firmware
    std::uint64_t tx_overflow_bytes = 0; ///< bytes the UART refused because the host was slow
    std::uint32_t power_cycles = 0;
    std::uint32_t disconnects = 0;
};

/// The simulated device. start() spawns its thread; stop() or the destructor ends it.
class SimulatedAlgometer {
public:
    explicit SimulatedAlgometer(SimulatedAlgometerOptions options);
    ~SimulatedAlgometer();
    SimulatedAlgometer(const SimulatedAlgometer&) = delete;
    SimulatedAlgometer& operator=(const SimulatedAlgometer&) = delete;

    /// Validate the options, load the scenario, open the port and start the thread.
    /// Returns an empty string on success, else a message for the user.
    std::string start();

    /// Stop the thread and close the port (the device vanishes). Safe to call twice.
    void stop();

    /// True between a successful start() and stop().
    bool running() const;

    /// Path the host opens (the link path when one was given); empty before start().
    std::string device_path() const;

    /// The OS device path (e.g. /dev/pts/7) even when a link was given.
    std::string os_device_path() const;

    /// A snapshot of the counters (thread-safe); after stop(), the final counts.
    SimulatedAlgometerStats stats() const;

    /// Names accepted by SimulatedAlgometerOptions::scenario.
    static std::vector<std::string> scenario_names();

    /// Check options without starting; empty string when valid, else a message.
    static std::string validate(const SimulatedAlgometerOptions& options);

private:
    class Runner;
    SimulatedAlgometerOptions options_;
    std::unique_ptr<Runner> runner_;
    SimulatedAlgometerStats final_stats_;
};

} // namespace algosim
