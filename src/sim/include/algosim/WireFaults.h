#pragma once
// Faults on the wire between the device's UART and the host: bytes lost or damaged at a given
// rate, as on a noisy cable or an overrun USB-serial bridge. Deterministic for a seed.
#include <cstdint>

#include "algosim/SeededRandom.h"

namespace algosim {

/// Per-byte drop and corruption, each with its own probability.
class WireFaults {
public:
    /// Rates are probabilities per byte in [0, 1].
    WireFaults(double drop_rate, double corrupt_rate, std::uint64_t seed);

    /// Pass one byte over the wire: false when it is lost, else it may come out with one bit
    /// flipped.
    bool pass(std::uint8_t& byte);

    std::uint64_t dropped() const { return dropped_; }
    std::uint64_t corrupted() const { return corrupted_; }

private:
    double drop_rate_;
    double corrupt_rate_;
    SeededRandom random_;
    std::uint64_t dropped_ = 0;
    std::uint64_t corrupted_ = 0;
};

} // namespace algosim
