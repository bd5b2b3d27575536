#include "algocore/drivers/DeviceClock.h"

#include <Eigen/Dense>
#include <chrono>
#include <cmath>

namespace algocore {

void DeviceClock::reset() {
    have_reference_ = false;
    bins_.clear();
    intercept_s_ = 0.0;
    rate_ = 1.0;
}

double DeviceClock::unwrap_s(std::uint32_t device_us) const {
    // Signed distance from the latest raw value: correct across the 2^32 µs wrap (71 min)
    // as long as the two are within ±35 min of each other.
    const auto delta = static_cast<std::int32_t>(device_us - latest_raw_us_);
    const std::int64_t unwrapped = latest_unwrapped_us_ + delta;
    return static_cast<double>(unwrapped - device_reference_us_) * 1e-6;
}

void DeviceClock::observe(std::uint32_t device_us, SteadyTime arrival) {
    if (!have_reference_) {
        have_reference_ = true;
        host_reference_ = arrival;
        device_reference_us_ = 0;
        latest_unwrapped_us_ = 0;
        latest_raw_us_ = device_us;
        bins_.clear();
        bins_.push_back({0.0, 0.0});
        intercept_s_ = 0.0;
        rate_ = 1.0;
        return;
    }
    const double device_s = unwrap_s(device_us);
    const auto delta = static_cast<std::int32_t>(device_us - latest_raw_us_);
    if (delta > 0) {
        latest_unwrapped_us_ += delta;
        latest_raw_us_ = device_us;
    }
    const double host_s = seconds_between(host_reference_, arrival);
    const double offset_s = host_s - device_s;

    // One point per bin: the least delayed arrival is the closest to the true offset.
    if (!bins_.empty() && device_s < bins_.back().device_s + kBinS) {
        if (offset_s < bins_.back().offset_s) bins_.back() = {device_s, offset_s};
    } else {
        bins_.push_back({device_s, offset_s});
    }
    while (!bins_.empty() && bins_.front().device_s < device_s - kWindowS)
        bins_.pop_front();
    refit();
}

void DeviceClock::refit() {
    const auto n = static_cast<Eigen::Index>(bins_.size());
    if (bins_.size() < kMinBinsForRate) {
        // Too short to see drift: the offset is the lowest delay seen so far.
        double lowest = bins_.front().offset_s;
        for (const auto& b : bins_)
            lowest = std::min(lowest, b.offset_s);
        intercept_s_ = lowest;
        rate_ = 1.0;
        return;
    }
    // Least squares of offset = c0 + c1 * device_s over the per-bin minima...
    Eigen::MatrixXd a(n, 2);
    Eigen::VectorXd y(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        a(i, 0) = 1.0;
        a(i, 1) = bins_[static_cast<std::size_t>(i)].device_s;
        y(i) = bins_[static_cast<std::size_t>(i)].offset_s;
    }
    Eigen::Vector2d c = a.colPivHouseholderQr().solve(y);
    // ...then moved down onto the envelope: no point may lie below the line (a point below
    // would have arrived before it was sent), so the line touches the least delayed one.
    const Eigen::VectorXd residual = y - a * c;
    c(0) += residual.minCoeff();
    intercept_s_ = c(0);
    rate_ = 1.0 + c(1);
}

SteadyTime DeviceClock::to_host(std::uint32_t device_us) const {
    if (!have_reference_) return SteadyTime{};
    const double device_s = unwrap_s(device_us);
    const double host_s = intercept_s_ + rate_ * device_s;
    return host_reference_ +
           std::chrono::duration_cast<SteadyClock::duration>(std::chrono::duration<double>(host_s));
}

} // namespace algocore
