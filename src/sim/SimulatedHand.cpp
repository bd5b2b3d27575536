#include "algosim/SimulatedHand.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace algosim {
namespace {
constexpr std::uint64_t kHandStream = 2;
// Tremor frequency and amplitude wander slowly (seconds), as in recorded hand tremor.
constexpr double kTremorWanderCorrelationS = 2.0;
constexpr double kTremorFrequencySpreadHz = 0.7;
constexpr double kTremorGainSpread = 0.2;
} // namespace

SimulatedHand::SimulatedHand(const HandSteadiness& steadiness, std::uint64_t seed)
    : steadiness_(steadiness), random_(seed, kHandStream), tremor_hz_(steadiness.tremor_centre_hz) {
    tremor_phase_rad_ = 2.0 * std::numbers::pi * random_.uniform();
    drift_unit_ = random_.normal();
}

double SimulatedHand::relax(double value, double mean, double sigma, double tau_s, double dt_s) {
    const double decay = std::exp(-dt_s / tau_s);
    return mean + (value - mean) * decay +
           sigma * std::sqrt(1.0 - decay * decay) * random_.normal();
}

double SimulatedHand::applied_kpa(double t_s, double intended_kpa) {
    const double dt_s = started_ ? std::max(0.0, t_s - last_t_s_) : 0.0;
    started_ = true;
    last_t_s_ = t_s;

    // The hand's state evolves whether or not the tip touches the skin.
    tremor_hz_ = std::clamp(relax(tremor_hz_, steadiness_.tremor_centre_hz,
                                  kTremorFrequencySpreadHz, kTremorWanderCorrelationS, dt_s),
                            steadiness_.tremor_min_hz, steadiness_.tremor_max_hz);
    tremor_gain_ = std::clamp(
        relax(tremor_gain_, 1.0, kTremorGainSpread, kTremorWanderCorrelationS, dt_s), 0.5, 1.5);
    tremor_phase_rad_ = std::fmod(tremor_phase_rad_ + 2.0 * std::numbers::pi * tremor_hz_ * dt_s,
                                  2.0 * std::numbers::pi);
    drift_unit_ = relax(drift_unit_, 0.0, 1.0, steadiness_.drift_correlation_s, dt_s);

    if (intended_kpa < steadiness_.steady_below_kpa) return std::max(0.0, intended_kpa);
    // Fade tremor and drift in over the first few kPa of contact so the onset is smooth.
    const double contact = std::min(1.0, intended_kpa / (10.0 * steadiness_.steady_below_kpa));
    const double tremor_kpa =
        (steadiness_.tremor_base_kpa + steadiness_.tremor_fraction * intended_kpa) * tremor_gain_ *
        std::sin(tremor_phase_rad_);
    const double drift_kpa =
        (steadiness_.drift_base_kpa + steadiness_.drift_fraction * intended_kpa) * drift_unit_;
    return std::max(0.0, intended_kpa + contact * (tremor_kpa + drift_kpa));
}

} // namespace algosim
