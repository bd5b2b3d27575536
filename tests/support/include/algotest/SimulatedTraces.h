#pragma once
// Traces as acquisition records them, for the trace-format tests and benchmarks: the
// simulator's scenario, hand and load cell give ADC counts at the device's sample times; the
// native driver's arithmetic turns counts into factory newtons; device time is mapped to host
// nanoseconds with a drifting clock (as the driver's fitted clock does); the real Calibrator
// applies the tare and the probe area. Gauge-style traces print a reading with a fixed number
// of decimals in a unit and parse it back, stamped at arrival with jitter and no raw counts.
#include <cstdint>
#include <string>
#include <vector>

#include "algocore/Sample.h"

namespace algotest {

/// What to simulate.
struct SimulatedTraceOptions {
    std::string scenario = "ppt-ramp"; ///< a built-in simulator scenario
    double start_s = 0.0;              ///< where in the scenario the trace begins
    double duration_s = 10.0;
    unsigned rate_hz = 1000;
    std::uint64_t seed = 1;
    double probe_area_cm2 = 1.0;
    float counts_per_newton = 8000.0f; ///< what the device reports (the load cell's gain)
    double clock_drift_ppm = 23.4567;  ///< device clock against the host clock (fitted)
    /// Samples lost on the link: every lost_every-th frame of lost_run samples (0 = none).
    unsigned lost_every = 0;
    unsigned lost_run = 0;
    /// A new tare taken half-way through, this many newtons above the first (0 = none).
    double retare_n = 0.0;
};

/// Samples of a native-protocol device (raw counts, factory calibration, tare).
std::vector<algocore::Sample> simulated_native_samples(const SimulatedTraceOptions& options);

/// Samples of a force gauge that prints `decimals` digits in pound-force at about rate_hz,
/// stamped at arrival (±jitter_us); no raw counts.
std::vector<algocore::Sample> simulated_gauge_samples(const SimulatedTraceOptions& options,
                                                      int decimals, double jitter_us);

} // namespace algotest
