#pragma once
// Connects a driver and an emulator on a simulated clock, with a delay in each direction
// and optional random extra delay on the way to the host (USB jitter). Deterministic:
// no threads, no real time. Bytes can also be cut into chunks of a chosen size.
#include <cstdint>
#include <deque>
#include <random>
#include <string>

#include "algocore/Driver.h"
#include "algotest/GaugeEmulator.h"
#include "algotest/RecordingLink.h"

namespace algotest {

/// Simulated serial line between a Driver (host) and a GaugeEmulator (device).
class VirtualWire {
public:
    struct Options {
        double step_s = 0.001; ///< tick and delivery granularity
        double to_device_delay_s = 0.001;
        double to_host_delay_s = 0.002;
        double to_host_jitter_s = 0.0;   ///< extra delay, exponential with this mean
        std::size_t max_chunk_bytes = 0; ///< 0: deliver what is due as one chunk
        std::uint32_t seed = 1;
    };

    VirtualWire(algocore::Driver& driver, GaugeEmulator& device, Options options);
    VirtualWire(algocore::Driver& driver, GaugeEmulator& device)
        : VirtualWire(driver, device, Options{}) {}

    /// Start the driver at t = 0.
    void start();
    /// Advance simulated time by `seconds`, delivering bytes and ticking the driver.
    void run_for(double seconds);
    /// Bytes that reach the host now, as if the device had sent them (garbage injection).
    void inject_to_host(const std::string& bytes);

    double now_s() const { return now_s_; }
    algocore::SteadyTime host_time(double t_s) const;
    RecordingLink& link() { return link_; }

private:
    struct InFlight {
        double due_s;
        std::string bytes;
    };
    void deliver_to_host(const std::string& bytes);

    algocore::Driver& driver_;
    GaugeEmulator& device_;
    Options options_;
    RecordingLink link_;
    std::deque<InFlight> to_device_;
    std::deque<InFlight> to_host_;
    double now_s_ = 0.0;
    double last_host_due_s_ = 0.0;
    std::mt19937 random_;
};

} // namespace algotest
