// Issue 12, item 5: samples lost while the link was down, exact from the native index and
// estimated (and labelled so) for gauges.
#include <gtest/gtest.h>

#include "algocore/acquisition/LossAcrossReconnect.h"

namespace {

using namespace algocore;
using namespace std::chrono_literals;

RawSample native_at(SteadyTime t, std::uint32_t index) {
    RawSample s;
    s.t = t;
    s.device_index = index;
    s.has_device_index = true;
    return s;
}

RawSample gauge_at(SteadyTime t) {
    RawSample s;
    s.t = t;
    return s;
}

TEST(LossAcrossReconnect, TheNativeIndexGapIsCountedExactly) {
    LossAcrossReconnect loss;
    const SteadyTime t0 = SteadyClock::now();
    loss.on_sample(native_at(t0, 999), "SIM-1");
    loss.link_lost(1000.0);
    loss.on_sample(native_at(t0 + 3313ms, 4313), "SIM-1");
    EXPECT_EQ(loss.exact(), 3313u);
    EXPECT_EQ(loss.estimated(), 0u);
    // Consecutive samples afterwards add nothing.
    loss.on_sample(native_at(t0 + 3314ms, 4314), "SIM-1");
    EXPECT_EQ(loss.exact(), 3313u);
}

TEST(LossAcrossReconnect, TheIndexWrapsAround) {
    LossAcrossReconnect loss;
    const SteadyTime t0 = SteadyClock::now();
    loss.on_sample(native_at(t0, 0xFFFFFFF0u), "A");
    loss.link_lost(1000.0);
    loss.on_sample(native_at(t0 + 100ms, 0x10u), "A");
    EXPECT_EQ(loss.exact(), 0x1Fu);
}

TEST(LossAcrossReconnect, AGaugeGapIsEstimatedFromItsLengthAndRate) {
    LossAcrossReconnect loss;
    const SteadyTime t0 = SteadyClock::now();
    loss.on_sample(gauge_at(t0), "");
    loss.link_lost(100.0);
    loss.on_sample(gauge_at(t0 + 2000ms), "");
    EXPECT_EQ(loss.exact(), 0u);
    EXPECT_EQ(loss.estimated(), 199u);
}

TEST(LossAcrossReconnect, ADeviceThatRestartedOrChangedIsOnlyEstimated) {
    LossAcrossReconnect restarted;
    const SteadyTime t0 = SteadyClock::now();
    restarted.on_sample(native_at(t0, 5000), "A");
    restarted.link_lost(1000.0);
    restarted.on_sample(native_at(t0 + 500ms, 3), "A"); // index went back: power cycle
    EXPECT_EQ(restarted.exact(), 0u);
    EXPECT_EQ(restarted.estimated(), 499u);

    LossAcrossReconnect other;
    other.on_sample(native_at(t0, 5000), "A");
    other.link_lost(1000.0);
    other.on_sample(native_at(t0 + 500ms, 90000), "B");
    EXPECT_EQ(other.exact(), 0u);
    EXPECT_EQ(other.estimated(), 499u);
}

TEST(LossAcrossReconnect, NothingIsCountedWithoutALossOrBeforeTheFirstSample) {
    LossAcrossReconnect loss;
    const SteadyTime t0 = SteadyClock::now();
    loss.link_lost(1000.0); // lost before anything arrived
    loss.on_sample(native_at(t0, 50), "A");
    loss.on_sample(native_at(t0 + 10ms, 60), "A"); // a gap inside a connection: the driver's
    EXPECT_EQ(loss.exact(), 0u);
    EXPECT_EQ(loss.estimated(), 0u);
}

} // namespace
