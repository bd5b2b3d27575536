#include <gtest/gtest.h>

#include <cmath>

#include "algocore/acquisition/SamplePipeline.h"

namespace {

using namespace algocore;
using namespace std::chrono_literals;

struct Rings {
    SpscRing<Sample> samples{8};
    SpscRing<LinkEvent> events{8};
};

RawSample raw_at(SteadyTime t, double force_n) {
    RawSample raw;
    raw.t = t;
    raw.force_n = force_n;
    return raw;
}

TEST(SamplePipeline, SamplesCarrySessionTimeForceAndPressure) {
    Rings rings;
    const SteadyTime start = SteadyClock::now();
    SamplePipeline pipeline(rings.samples, rings.events, start);
    pipeline.calibrator().set_probe_area_cm2(0.5);
    pipeline.deliver(raw_at(start + 1500ms, 20.0));
    const auto sample = rings.samples.pop();
    ASSERT_TRUE(sample);
    EXPECT_DOUBLE_EQ(sample->t_s, 1.5);
    EXPECT_DOUBLE_EQ(sample->force_n, 20.0);
    EXPECT_NEAR(sample->pressure_kpa, 400.0, 1e-9); // 20 N on 0.5 cm² = 40 N/cm² = 400 kPa
    EXPECT_EQ(sample->calibration_id, kFactoryCalibration);
    EXPECT_EQ(sample->flags & kGapBefore, 0);
}

TEST(SamplePipeline, FirstSampleAfterAGapIsFlagged) {
    Rings rings;
    const SteadyTime start = SteadyClock::now();
    SamplePipeline pipeline(rings.samples, rings.events, start);
    pipeline.deliver(raw_at(start + 1ms, 1.0));
    pipeline.mark_gap();
    pipeline.deliver(raw_at(start + 2ms, 1.0));
    pipeline.deliver(raw_at(start + 3ms, 1.0));
    EXPECT_EQ(rings.samples.pop()->flags & kGapBefore, 0);
    EXPECT_NE(rings.samples.pop()->flags & kGapBefore, 0);
    EXPECT_EQ(rings.samples.pop()->flags & kGapBefore, 0);
}

TEST(SamplePipeline, AFullRingCountsDropsAndFlagsTheNextDeliveredSample) {
    Rings rings;
    const SteadyTime start = SteadyClock::now();
    SamplePipeline pipeline(rings.samples, rings.events, start);
    for (int i = 0; i < 10; ++i)
        pipeline.deliver(raw_at(start + i * 1ms, i));
    EXPECT_EQ(pipeline.delivered(), 8u);
    EXPECT_EQ(pipeline.sample_drops(), 2u);
    while (rings.samples.pop()) {
    }
    pipeline.deliver(raw_at(start + 20ms, 3.0));
    const auto after = rings.samples.pop();
    ASSERT_TRUE(after);
    EXPECT_NE(after->flags & kGapBefore, 0);
}

TEST(SamplePipeline, TareAtRestTakesTheMedianAndAppliesIt) {
    SpscRing<Sample> samples(1024);
    SpscRing<LinkEvent> events(8);
    const SteadyTime start = SteadyClock::now();
    SamplePipeline pipeline(samples, events, start);
    // 0.5 s at 100 Hz around 1.2 N with tiny alternating noise.
    for (int i = 0; i < 50; ++i)
        pipeline.deliver(raw_at(start + i * 10ms, 1.2 + ((i % 2) ? 0.01 : -0.01)));
    const algocal::TareResult tare = pipeline.take_tare(start + 500ms);
    ASSERT_TRUE(tare.ok) << tare.message;
    EXPECT_NEAR(tare.offset_n, 1.2, 0.011);
    while (samples.pop()) {
    }
    pipeline.deliver(raw_at(start + 510ms, 11.2));
    EXPECT_NEAR(samples.pop()->force_n, 10.0, 0.011);
}

TEST(SamplePipeline, TareIsRefusedWhileTheProbeIsBeingPressed) {
    SpscRing<Sample> samples(1024);
    SpscRing<LinkEvent> events(8);
    const SteadyTime start = SteadyClock::now();
    SamplePipeline pipeline(samples, events, start);
    for (int i = 0; i < 50; ++i)
        pipeline.deliver(raw_at(start + i * 10ms, 0.5 * i)); // ramp
    const algocal::TareResult tare = pipeline.take_tare(start + 500ms);
    EXPECT_FALSE(tare.ok);
    EXPECT_FALSE(tare.message.empty());
    EXPECT_DOUBLE_EQ(pipeline.calibrator().tare_offset_n(), 0.0);
}

TEST(SamplePipeline, TareWithNoRecentSamplesIsRefused) {
    SpscRing<Sample> samples(16);
    SpscRing<LinkEvent> events(8);
    const SteadyTime start = SteadyClock::now();
    SamplePipeline pipeline(samples, events, start);
    for (int i = 0; i < 12; ++i)
        pipeline.deliver(raw_at(start + i * 10ms, 0.0));
    // Ten seconds later those readings say nothing about the probe now.
    EXPECT_FALSE(pipeline.take_tare(start + 10s).ok);
}

} // namespace
