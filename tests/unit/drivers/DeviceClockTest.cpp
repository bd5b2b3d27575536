// The device → host clock fit: known drift and offset are recovered despite jitter.
#include <gtest/gtest.h>

#include <chrono>
#include <random>

#include "algocore/drivers/DeviceClock.h"

using namespace algocore;

namespace {

SteadyTime at(double host_s) {
    return SteadyTime{} + std::chrono::hours(10) +
           std::chrono::duration_cast<SteadyClock::duration>(std::chrono::duration<double>(host_s));
}

// Device clock running `ppm` fast, starting at `offset_us` when the host is at 0.
std::uint32_t device_us(double host_s, double ppm, double offset_us) {
    return static_cast<std::uint32_t>(
        static_cast<std::uint64_t>(std::llround(offset_us + host_s * 1e6 * (1 + ppm * 1e-6))));
}

} // namespace

TEST(DeviceClock, RecoversA50ppmDriftAndTheOffsetDespiteJitter) {
    DeviceClock clock;
    std::mt19937 random(7);
    std::exponential_distribution<double> jitter(1.0 / 0.004); // mean 4 ms extra delay
    const double ppm = 50.0, offset_us = 123'456'789.0, fixed_delay_s = 0.001;
    for (double host_s = 0; host_s < 30.0; host_s += 0.01) {
        clock.observe(device_us(host_s, ppm, offset_us),
                      at(host_s + fixed_delay_s + jitter(random)));
    }
    EXPECT_NEAR(clock.drift_ppm(), -ppm, 2.0);
    // Mapped times land on the true host time plus the fixed delay, within 0.3 ms.
    for (double host_s : {20.0, 25.0, 29.9}) {
        const double mapped_s =
            seconds_between(at(0), clock.to_host(device_us(host_s, ppm, offset_us)));
        EXPECT_NEAR(mapped_s, host_s + fixed_delay_s, 0.0003) << "at " << host_s;
    }
}

TEST(DeviceClock, HandlesTheDeviceClockWrappingAround) {
    DeviceClock clock;
    // Start 2 s before the u32 µs counter wraps.
    const double offset_us = 4294967296.0 - 2e6;
    for (double host_s = 0; host_s < 6.0; host_s += 0.01) {
        const auto d = static_cast<std::uint32_t>(
            static_cast<std::uint64_t>(std::llround(offset_us + host_s * 1e6)) & 0xFFFFFFFFu);
        clock.observe(d, at(host_s + 0.001));
    }
    const auto d5 = static_cast<std::uint32_t>(
        static_cast<std::uint64_t>(std::llround(offset_us + 5.0 * 1e6)) & 0xFFFFFFFFu);
    EXPECT_NEAR(seconds_between(at(0), clock.to_host(d5)), 5.001, 1e-4);
    EXPECT_NEAR(clock.drift_ppm(), 0.0, 1.0);
}

TEST(DeviceClock, BeforeEnoughDataTheOffsetComesFromTheLeastDelayedArrival) {
    DeviceClock clock;
    clock.observe(1000, at(1.010));
    clock.observe(11000, at(1.012));  // 2 ms late
    clock.observe(21000, at(1.0205)); // 0.5 ms late: the best so far
    EXPECT_NEAR(seconds_between(at(0), clock.to_host(21000)), 1.0205, 1e-6);
    EXPECT_NEAR(seconds_between(at(0), clock.to_host(1000)), 1.0005, 1e-6);
}
