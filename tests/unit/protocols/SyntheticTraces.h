#pragma once
// Deterministic synthetic algometer traces for the protocol-engine tests and benchmark:
// ramps and holds with physiological tremor (8-12 Hz, a few kPa), sensor noise and slow
// hand wander, all from a seeded RNG so every run sees the same numbers.
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "algocore/Buttons.h"
#include "algocore/Sample.h"

namespace synth {

constexpr double kPi = 3.14159265358979323846;
/// 1 cm² probe: force_n = pressure_kpa × area_cm2 / 10.
constexpr double kProbeAreaCm2 = 1.0;

inline algocore::Sample sample_at(double t_s, double pressure_kpa, std::uint8_t buttons = 0) {
    algocore::Sample s;
    s.t_s = t_s;
    s.pressure_kpa = pressure_kpa;
    s.force_n = pressure_kpa * kProbeAreaCm2 / 10.0;
    s.buttons = buttons;
    return s;
}

/// Hand tremor and noise added to an intended pressure.
struct Tremor {
    double amplitude_kpa = 3.0; ///< peak amplitude of the 8-12 Hz component
    double frequency_hz = 10.0;
    double phase = 0.0;
    double noise_kpa = 0.3;  ///< white sensor noise (SD)
    double wander_pct = 1.0; ///< slow wander peak amplitude, % of the level (holds)
    double wander_hz[2] = {0.07, 0.23};
    double wander_phase[2] = {0.0, 0.0};

    /// Random tremor: frequency 8-12 Hz, amplitude 2-4 kPa, random phases.
    static Tremor random(std::mt19937_64& rng) {
        std::uniform_real_distribution<double> freq(8.0, 12.0);
        std::uniform_real_distribution<double> amp(2.0, 4.0);
        std::uniform_real_distribution<double> phase(0.0, 2.0 * kPi);
        std::uniform_real_distribution<double> slow(0.05, 0.3);
        Tremor t;
        t.frequency_hz = freq(rng);
        t.amplitude_kpa = amp(rng);
        t.phase = phase(rng);
        t.wander_hz[0] = slow(rng);
        t.wander_hz[1] = slow(rng);
        t.wander_phase[0] = phase(rng);
        t.wander_phase[1] = phase(rng);
        return t;
    }

    /// Additive tremor + noise at t_s (independent of the level).
    double tremor_kpa(double t_s, std::mt19937_64& rng) const {
        std::normal_distribution<double> noise(0.0, noise_kpa > 0.0 ? noise_kpa : 1e-12);
        return amplitude_kpa * std::sin(2.0 * kPi * frequency_hz * t_s + phase) + noise(rng);
    }
    /// Multiplicative slow wander factor at t_s (1 ± wander_pct/100).
    double wander_factor(double t_s) const {
        const double w = 0.5 * (std::sin(2.0 * kPi * wander_hz[0] * t_s + wander_phase[0]) +
                                std::sin(2.0 * kPi * wander_hz[1] * t_s + wander_phase[1]));
        return 1.0 + wander_pct / 100.0 * w;
    }
};

/// A PPT ramp: approach to contact, linear ramp at rate_kpa_s from t_start_s, optional
/// patient button held from the first sample at/above button_at_kpa, then a short overshoot
/// (reaction time) and release.
struct RampScript {
    double sample_rate_hz = 1000.0;
    double t_start_s = 1.0; ///< ramp starts here (pressure 0 before)
    double rate_kpa_s = 50.0;
    double button_at_kpa = 400.0; ///< <= 0: never press
    double reaction_s = 1.2;      ///< keeps ramping this long after the button
    double release_s = 0.5;       ///< linear fall to 0 after the peak
    double off_s = 0.5;           ///< probe off the skin (0 kPa) after the release
    double max_kpa = 1e9;         ///< ramp stops rising here (for cut-off scripts)
};

/// Generates the ramp; tremor is added only while the probe is on the skin.
inline std::vector<algocore::Sample> make_ramp(const RampScript& script, const Tremor& tremor,
                                               std::mt19937_64& rng) {
    std::vector<algocore::Sample> out;
    const double dt = 1.0 / script.sample_rate_hz;
    bool pressed = false;
    double press_t_s = -1.0;
    double peak_kpa = 0.0;
    double peak_t_s = -1.0;
    for (long i = 0;; ++i) {
        const double t = static_cast<double>(i) * dt;
        double intended = 0.0;
        if (t >= script.t_start_s)
            intended = std::min(script.max_kpa, script.rate_kpa_s * (t - script.t_start_s));
        if (press_t_s >= 0.0 && t - press_t_s > script.reaction_s) {
            if (peak_t_s < 0.0) {
                peak_t_s = t;
                peak_kpa = intended;
            }
            intended = std::max(0.0, peak_kpa * (1.0 - (t - peak_t_s) / script.release_s));
        }
        double p = intended;
        if (intended > 0.0) p = std::max(0.0, intended + tremor.tremor_kpa(t, rng));
        if (script.button_at_kpa > 0.0 && !pressed && p >= script.button_at_kpa &&
            press_t_s < 0.0) {
            pressed = true;
            press_t_s = t;
        }
        std::uint8_t buttons = pressed && peak_t_s < 0.0 ? algocore::kPatientButton : 0;
        out.push_back(sample_at(t, p, buttons));
        if (peak_t_s >= 0.0 && t > peak_t_s + script.release_s + script.off_s) break;
        if (t > script.t_start_s + 120.0) break; // safety for scripts that never press
    }
    return out;
}

/// A steady hold at level_kpa for duration_s with tremor and wander; if decay_onset_s >= 0,
/// the intended level falls linearly by decay_pct over decay_s from that moment (a release).
struct HoldScript {
    double sample_rate_hz = 1000.0;
    double level_kpa = 300.0;
    double duration_s = 60.0;
    double decay_onset_s = -1.0;
    double decay_pct = 10.0;
    double decay_s = 5.0;
};

inline double hold_level_kpa(const HoldScript& script, double t_s) {
    if (script.decay_onset_s < 0.0 || t_s < script.decay_onset_s) return script.level_kpa;
    const double progress = std::min(1.0, (t_s - script.decay_onset_s) / script.decay_s);
    return script.level_kpa * (1.0 - script.decay_pct / 100.0 * progress);
}

inline std::vector<algocore::Sample> make_hold(const HoldScript& script, const Tremor& tremor,
                                               std::mt19937_64& rng) {
    std::vector<algocore::Sample> out;
    const double dt = 1.0 / script.sample_rate_hz;
    const long n = static_cast<long>(script.duration_s * script.sample_rate_hz);
    out.reserve(static_cast<std::size_t>(n));
    for (long i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) * dt;
        const double p =
            hold_level_kpa(script, t) * tremor.wander_factor(t) + tremor.tremor_kpa(t, rng);
        out.push_back(sample_at(t, p));
    }
    return out;
}

} // namespace synth
