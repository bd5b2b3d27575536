#include "algotest/SimulatedTraces.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "algocal/Units.h"
#include "algocore/Buttons.h"
#include "algocore/RawSample.h"
#include "algocore/calibration/Calibrator.h"
#include "algosim/BuiltinScenarios.h"
#include "algosim/LoadCell.h"
#include "algosim/SimulatedHand.h"

namespace algotest {

namespace {

using namespace std::chrono;

/// Rest at the start of a trace that the tare is taken from (the session's own tare).
constexpr int kTareSamples = 100;

struct Physics {
    std::unique_ptr<algosim::Scenario> scenario;
    algosim::SimulatedHand hand;
    algosim::LoadCell load_cell;
    Physics(const SimulatedTraceOptions& o)
        : scenario(algosim::make_builtin_scenario(o.scenario, o.seed)),
          hand(algosim::HandSteadiness{}, o.seed), load_cell(algosim::LoadCellSpec{}, o.seed) {
        if (!scenario) {
            std::fprintf(stderr, "unknown scenario %s\n", o.scenario.c_str());
            std::abort();
        }
    }
    // Pressure the hand applies at t_s and the scenario's buttons then.
    double applied_kpa(double t_s, std::uint8_t& buttons) {
        const algosim::ScenarioState state = scenario->state_at(t_s);
        buttons =
            static_cast<std::uint8_t>((state.patient_button ? algocore::kPatientButton : 0) |
                                      (state.operator_button ? algocore::kOperatorButton : 0));
        return scenario->human_hand() ? hand.applied_kpa(t_s, state.pressure_kpa)
                                      : state.pressure_kpa;
    }
};

algocore::SteadyTime session_start() {
    return algocore::SteadyTime{} + hours{1};
}

// The median untared force of the first samples: what a tare at rest would subtract.
double tare_of(const std::vector<algocore::RawSample>& raw, const algocore::Calibrator& cal) {
    std::vector<double> forces;
    for (std::size_t i = 0; i < raw.size() && i < kTareSamples; ++i)
        forces.push_back(cal.untared_force_n(raw[i]));
    if (forces.empty()) return 0.0;
    std::nth_element(forces.begin(), forces.begin() + forces.size() / 2, forces.end());
    return forces[forces.size() / 2];
}

std::vector<algocore::Sample> calibrate(const std::vector<algocore::RawSample>& raw,
                                        const SimulatedTraceOptions& o) {
    algocore::Calibrator cal;
    cal.set_session_start(session_start());
    cal.set_probe_area_cm2(o.probe_area_cm2);
    const double tare_n = tare_of(raw, cal);
    cal.set_tare_offset_n(tare_n);
    std::vector<algocore::Sample> out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (o.retare_n != 0.0 && i == raw.size() / 2) cal.set_tare_offset_n(tare_n + o.retare_n);
        out.push_back(cal.apply(raw[i]));
    }
    return out;
}

} // namespace

std::vector<algocore::Sample> simulated_native_samples(const SimulatedTraceOptions& o) {
    Physics physics(o);
    const double newtons_per_count = 1.0 / static_cast<double>(o.counts_per_newton);
    const auto count = static_cast<std::size_t>(o.duration_s * o.rate_hz);
    const double period_us = 1e6 / o.rate_hz;
    // Host offset of the device clock, and its rate against the host (the fitted mapping).
    const double host_offset_ns = 3.2e9 + 417.0;
    const double host_ns_per_us = 1000.0 * (1.0 + o.clock_drift_ppm * 1e-6);
    std::vector<algocore::RawSample> raw;
    raw.reserve(count);
    bool gap = false;
    for (std::size_t i = 0; i < count; ++i) {
        if (o.lost_every > 0 && i > 0 && i % o.lost_every == 0 && i + o.lost_run < count) {
            i += o.lost_run;
            gap = true;
        }
        const double device_us = std::floor(static_cast<double>(i) * period_us);
        const double t_s = o.start_s + device_us * 1e-6;
        algocore::RawSample r;
        const double kpa = physics.applied_kpa(t_s, r.buttons);
        const auto adc =
            physics.load_cell.convert(algosim::force_n_from_pressure(kpa, o.probe_area_cm2));
        r.t = session_start() +
              nanoseconds(std::llround(host_offset_ns + device_us * host_ns_per_us));
        r.raw_counts = adc.counts;
        r.has_raw = true;
        r.force_n = static_cast<double>(adc.counts) * newtons_per_count;
        r.flags = static_cast<std::uint8_t>((adc.saturated ? algocore::kAdcSaturated : 0) |
                                            (gap ? algocore::kGapBefore : 0));
        gap = false;
        raw.push_back(r);
    }
    return calibrate(raw, o);
}

std::vector<algocore::Sample> simulated_gauge_samples(const SimulatedTraceOptions& o, int decimals,
                                                      double jitter_us) {
    Physics physics(o);
    std::mt19937_64 random(o.seed);
    std::uniform_real_distribution<double> jitter(-jitter_us, jitter_us);
    const auto count = static_cast<std::size_t>(o.duration_s * o.rate_hz);
    const double period_us = 1e6 / o.rate_hz;
    std::vector<algocore::RawSample> raw;
    raw.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const double t_s = o.start_s + static_cast<double>(i) * period_us * 1e-6;
        algocore::RawSample r;
        const double kpa = physics.applied_kpa(t_s, r.buttons);
        const double force_n = algosim::force_n_from_pressure(kpa, o.probe_area_cm2) + 0.05;
        // The gauge prints its reading; the driver parses the text and converts the unit.
        char text[32];
        const double per_lbf = algocal::newtons_per(algocal::ForceUnit::kPoundForce);
        std::snprintf(text, sizeof text, "%.*f", decimals, force_n / per_lbf);
        r.force_n = std::strtod(text, nullptr) * per_lbf;
        r.t =
            session_start() + seconds{2} +
            nanoseconds(std::llround((static_cast<double>(i) * period_us + jitter(random)) * 1e3));
        raw.push_back(r);
    }
    return calibrate(raw, o);
}

} // namespace algotest
