#pragma once
// A simulated strain-gauge load cell behind a 24-bit ADC (HX711/ADS1232 class): counts rise
// linearly with force around a zero offset, with white noise, and clip at the ADC's range.
#include <cstdint>

#include "algosim/SeededRandom.h"

namespace algosim {

/// Electrical characteristics of the simulated load cell and its ADC.
struct LoadCellSpec {
    /// Gain: ADC counts per newton (a 5 kg cell on a 128× PGA gives about 8000).
    double counts_per_n = 8000.0;
    /// Counts at zero force (bridge imbalance).
    std::int32_t zero_offset_counts = 21500;
    /// Root-mean-square noise in counts (about 4 mN at the default gain).
    double noise_counts_rms = 30.0;
    /// Highest count the ADC produces; readings above clip here and are flagged saturated.
    /// Default: the 24-bit full scale. Lower it to simulate a saturating front end.
    std::int32_t max_counts = 8388607;
    /// Lowest count the ADC produces (24-bit negative full scale by default).
    std::int32_t min_counts = -8388608;
};

/// One ADC conversion.
struct AdcReading {
    std::int32_t counts = 0;
    bool saturated = false; ///< the reading clipped at min_counts or max_counts
};

/// Converts applied force to noisy, clipped ADC counts; deterministic for a seed.
class LoadCell {
public:
    LoadCell(const LoadCellSpec& spec, std::uint64_t seed);

    /// One conversion of the given force (newtons; negative = pulling).
    AdcReading convert(double force_n);

    /// The force a noise-free reading of `counts` represents (the ideal inverse).
    double force_n_from_counts(std::int32_t counts) const;

    /// Noise-free counts for a force, before clipping.
    double ideal_counts(double force_n) const;

    const LoadCellSpec& spec() const { return spec_; }

private:
    LoadCellSpec spec_;
    SeededRandom noise_;
};

/// Pressure under a probe tip: 1 N on 1 cm² is 10 kPa.
inline double pressure_kpa_from_force(double force_n, double probe_area_cm2) {
    return force_n * 10.0 / probe_area_cm2;
}

/// Force that gives a pressure under a probe tip.
inline double force_n_from_pressure(double pressure_kpa, double probe_area_cm2) {
    return pressure_kpa * probe_area_cm2 / 10.0;
}

} // namespace algosim
