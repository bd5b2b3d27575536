#pragma once
// The examiner's hand: what actually reaches the probe when a person means to apply a
// pressure. On top of the intended pressure it adds physiological tremor (8–12 Hz, a few kPa,
// growing with the force) and a slow wandering drift, both only while the tip is in contact.
#include <cstdint>

#include "algosim/SeededRandom.h"

namespace algosim {

/// How unsteady the simulated hand is.
struct HandSteadiness {
    /// Tremor centre frequency and the band it wanders in (physiological tremor, 8–12 Hz).
    double tremor_centre_hz = 10.0;
    double tremor_min_hz = 8.0;
    double tremor_max_hz = 12.0;
    /// Tremor peak amplitude = base + fraction × intended pressure.
    double tremor_base_kpa = 0.8;
    double tremor_fraction = 0.012;
    /// Drift: a slow random deviation with this standard deviation (base + fraction ×
    /// pressure) and correlation time.
    double drift_base_kpa = 1.0;
    double drift_fraction = 0.015;
    double drift_correlation_s = 4.0;
    /// Below this intended pressure the simulated hand adds no tremor and no drift (the tip
    /// barely touches). A property of the simulated hand, not the program's contact pressure
    /// (algocore::protocols::kProbeOnSkinKpa).
    double steady_below_kpa = 2.0;
};

/// Adds tremor and drift to an intended pressure; deterministic for a seed and time series.
class SimulatedHand {
public:
    SimulatedHand(const HandSteadiness& steadiness, std::uint64_t seed);

    /// Pressure actually applied at t_s (non-decreasing between calls) when the examiner means
    /// to apply intended_kpa. Never negative.
    double applied_kpa(double t_s, double intended_kpa);

    const HandSteadiness& steadiness() const { return steadiness_; }

private:
    // One step of an Ornstein–Uhlenbeck process with exact discretisation, so the statistics
    // do not depend on the sample rate.
    double relax(double value, double mean, double sigma, double tau_s, double dt_s);

    HandSteadiness steadiness_;
    SeededRandom random_;
    double last_t_s_ = 0.0;
    bool started_ = false;
    double tremor_phase_rad_ = 0.0;
    double tremor_hz_ = 10.0;
    double tremor_gain_ = 1.0; // slow amplitude modulation around 1
    double drift_unit_ = 0.0;  // drift in units of its standard deviation
};

} // namespace algosim
