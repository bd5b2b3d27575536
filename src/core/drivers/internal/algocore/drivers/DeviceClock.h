#pragma once
// Maps a device's microsecond clock to host steady time. The device clock drifts (tens of
// ppm) and every arrival is late by a random USB/driver delay, so a plain average would be
// biased by the jitter. The fit uses the lower envelope of the delays: in each short bin it
// keeps the pair that arrived soonest after its device time, then fits a line through those
// minima over a sliding window.
#include <cstdint>
#include <deque>

#include "algocore/SteadyTime.h"

namespace algocore {

/// Drift-correcting linear map from device time (µs, u32 wrapping) to host time.
class DeviceClock {
public:
    /// Width of a bin that contributes one (lowest-delay) point to the fit.
    static constexpr double kBinS = 0.5;
    /// Span of device time the fit looks back over.
    static constexpr double kWindowS = 30.0;
    /// Bins needed before the rate is fitted (until then the rate is taken as exactly 1).
    static constexpr std::size_t kMinBinsForRate = 4;

    /// Forget everything (new connection, device restarted).
    void reset();

    /// A device instant (`device_us`, the device clock's u32 µs) observed at host `arrival`.
    /// Arrival is never earlier than the device instant.
    void observe(std::uint32_t device_us, SteadyTime arrival);

    /// Host time of a device instant (u32 µs; wraps handled relative to the latest observed).
    /// Before any observation: SteadyTime{}.
    SteadyTime to_host(std::uint32_t device_us) const;

    bool has_fit() const { return have_reference_; }
    /// Fitted host seconds per device second minus 1, in ppm (device clock slow → positive).
    double drift_ppm() const { return (rate_ - 1.0) * 1e6; }
    /// Points currently in the fit.
    std::size_t points() const { return bins_.size(); }

private:
    struct Bin {
        double device_s; ///< relative to the reference
        double offset_s; ///< host_s - device_s, smallest in the bin (least delayed)
    };
    double unwrap_s(std::uint32_t device_us) const;
    void refit();

    bool have_reference_ = false;
    SteadyTime host_reference_{};
    std::int64_t device_reference_us_ = 0; ///< unwrapped device µs at the reference
    std::int64_t latest_unwrapped_us_ = 0;
    std::uint32_t latest_raw_us_ = 0;

    std::deque<Bin> bins_;
    double intercept_s_ = 0.0; ///< host_s at device_s = 0 (relative to the references)
    double rate_ = 1.0;        ///< host seconds per device second
};

} // namespace algocore
