#pragma once
// Deterministic random numbers for the simulator. Standard library distributions differ
// between implementations; this one gives the same sequence for a seed everywhere, so a
// `--seed` run can be reproduced on any machine.
#include <cstdint>

namespace algosim {

/// xoshiro256** generator seeded through splitmix64, with uniform and normal draws.
class SeededRandom {
public:
    /// `stream` separates independent processes (noise, tremor, faults) that share one seed.
    explicit SeededRandom(std::uint64_t seed, std::uint64_t stream = 0);

    /// Next raw 64-bit value.
    std::uint64_t next_u64();

    /// Uniform in [0, 1).
    double uniform();

    /// Uniform in [low, high).
    double uniform(double low, double high) { return low + (high - low) * uniform(); }

    /// Standard normal (mean 0, standard deviation 1), Box–Muller.
    double normal();

private:
    std::uint64_t state_[4]{};
    double spare_normal_ = 0.0;
    bool has_spare_normal_ = false;
};

} // namespace algosim
