#include "algosim/WireFaults.h"

namespace algosim {
namespace {
constexpr std::uint64_t kFaultStream = 4;
}

WireFaults::WireFaults(double drop_rate, double corrupt_rate, std::uint64_t seed)
    : drop_rate_(drop_rate), corrupt_rate_(corrupt_rate), random_(seed, kFaultStream) {}

bool WireFaults::pass(std::uint8_t& byte) {
    // No draws when faults are off, so enabling them is the only thing that changes a run.
    if (drop_rate_ > 0.0 && random_.uniform() < drop_rate_) {
        ++dropped_;
        return false;
    }
    if (corrupt_rate_ > 0.0 && random_.uniform() < corrupt_rate_) {
        byte ^= static_cast<std::uint8_t>(1u << (random_.next_u64() % 8));
        ++corrupted_;
    }
    return true;
}

} // namespace algosim
