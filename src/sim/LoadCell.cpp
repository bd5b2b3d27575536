#include "algosim/LoadCell.h"

#include <cmath>

namespace algosim {
namespace {
constexpr std::uint64_t kNoiseStream = 1;
}

LoadCell::LoadCell(const LoadCellSpec& spec, std::uint64_t seed)
    : spec_(spec), noise_(seed, kNoiseStream) {}

double LoadCell::ideal_counts(double force_n) const {
    return spec_.zero_offset_counts + spec_.counts_per_n * force_n;
}

AdcReading LoadCell::convert(double force_n) {
    const double counts =
        std::round(ideal_counts(force_n) + spec_.noise_counts_rms * noise_.normal());
    AdcReading reading;
    if (counts >= spec_.max_counts) {
        reading.counts = spec_.max_counts;
        reading.saturated = true;
    } else if (counts <= spec_.min_counts) {
        reading.counts = spec_.min_counts;
        reading.saturated = true;
    } else {
        reading.counts = static_cast<std::int32_t>(counts);
    }
    return reading;
}

double LoadCell::force_n_from_counts(std::int32_t counts) const {
    return (counts - spec_.zero_offset_counts) / spec_.counts_per_n;
}

} // namespace algosim
