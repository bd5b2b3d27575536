#pragma once
// Samples a device took while its link was down: counted when the link comes back. The
// native protocol numbers every sample, so across a reconnect the loss is exact (the index
// gap, when the same device comes back without restarting). A streaming gauge has no such
// number: its loss is estimated from the length of the gap times the rate it had reached, and
// kept apart as an estimate. A polled gauge is priced at rate 0: it measures only when asked.
#include <cstdint>
#include <string>
#include <string_view>

#include "algocore/RawSample.h"

namespace algocore {

/// Counts what a link loss swallowed. I/O thread only.
class LossAcrossReconnect {
public:
    /// Every sample delivered, with the serial of the device that sent it ("" when unknown).
    void on_sample(const RawSample& sample, std::string_view device_serial);
    /// The link dropped; `rate_hz` is the sample rate reached before it (0 when unknown).
    /// The next on_sample closes the gap.
    void link_lost(double rate_hz);

    /// Samples lost across reconnects, counted from the device's own sample index.
    std::uint64_t exact() const { return exact_; }
    /// Samples lost across reconnects, estimated from gap length × rate (no sample index,
    /// another device, or a device that restarted while away).
    std::uint64_t estimated() const { return estimated_; }

private:
    bool have_last_ = false;
    RawSample last_{};
    std::string last_serial_;
    bool gap_open_ = false;
    double rate_hz_ = 0.0;
    std::uint64_t exact_ = 0;
    std::uint64_t estimated_ = 0;
};

} // namespace algocore
