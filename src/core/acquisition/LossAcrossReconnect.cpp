#include "algocore/acquisition/LossAcrossReconnect.h"

#include <cmath>

namespace algocore {

void LossAcrossReconnect::link_lost(double rate_hz) {
    // A second loss before any sample came back is the same gap.
    if (!gap_open_) rate_hz_ = rate_hz;
    gap_open_ = have_last_;
}

void LossAcrossReconnect::on_sample(const RawSample& sample, std::string_view device_serial) {
    if (gap_open_) {
        gap_open_ = false;
        // Signed 32-bit distance: the index wraps, and a device that restarted counts from 0.
        const auto distance = static_cast<std::int32_t>(sample.device_index - last_.device_index);
        const bool same_device = !device_serial.empty() && device_serial == last_serial_;
        if (sample.has_device_index && last_.has_device_index && same_device && distance > 0) {
            exact_ += static_cast<std::uint32_t>(distance) - 1u;
        } else if (rate_hz_ > 0.0) {
            const double gap_s = seconds_between(last_.t, sample.t);
            const double missing = std::round(gap_s * rate_hz_) - 1.0;
            if (missing >= 1.0) estimated_ += static_cast<std::uint64_t>(missing);
        }
    }
    have_last_ = true;
    last_ = sample;
    last_serial_.assign(device_serial);
}

} // namespace algocore
