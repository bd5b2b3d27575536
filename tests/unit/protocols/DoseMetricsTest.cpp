#include <gtest/gtest.h>

#include "SyntheticTraces.h"
#include "algocore/protocols/DoseMetrics.h"

using namespace algocore::protocols;
using algocore::Sample;

namespace {
// 1 Hz trace, band 100-200 kPa: in, in, in, above 2 s, in, in, below 1 s, in, in, in.
std::vector<Sample> constructed_hold() {
    const double p[] = {150, 150, 150, 250, 250, 150, 150, 50, 150, 150, 150};
    std::vector<Sample> trace;
    for (int i = 0; i < 11; ++i)
        trace.push_back(synth::sample_at(i, p[i]));
    return trace;
}
} // namespace

TEST(DoseMetrics, AreExactOnAConstructedHold) {
    const DoseMetrics m =
        measure_dose(constructed_hold(), PressureBand{100.0, 200.0, 400.0}, 0.5, 2);
    EXPECT_DOUBLE_EQ(m.duration_s, 10.0);
    EXPECT_DOUBLE_EQ(m.time_in_band_s, 7.0);
    EXPECT_DOUBLE_EQ(m.time_in_band_pct, 70.0);
    // Time-weighted: each 1 s interval carries its earlier sample (1600 kPa·s over 10 s).
    EXPECT_NEAR(m.mean_kpa, 160.0, 1e-12);
    EXPECT_DOUBLE_EQ(m.contact_s, 10.0);
    EXPECT_DOUBLE_EQ(m.median_kpa, 150.0);
    EXPECT_DOUBLE_EQ(m.pti_kpa_s, 1600.0);
    EXPECT_DOUBLE_EQ(m.peak_kpa, 250.0);
    EXPECT_NEAR(m.cv_pct, 33.90262165529446, 1e-9);
    EXPECT_EQ(m.excursions, 2);
    EXPECT_EQ(m.overshoots, 1);
    EXPECT_EQ(m.step_ups, 2);
    EXPECT_FALSE(m.pain_rating_0_10.has_value());
}

TEST(DoseMetrics, MeanMedianAndCvAreOverTheTimeInContactOnly) {
    // 300 kPa for 10 s, then the probe is lifted (0 kPa) for 5 s before the hold is stopped.
    std::vector<Sample> trace;
    for (int i = 0; i <= 150; ++i)
        trace.push_back(synth::sample_at(0.1 * i, i <= 100 ? 300.0 : 0.0));
    const DoseMetrics m = measure_dose(trace, PressureBand{250.0, 350.0}, 0.5);
    EXPECT_NEAR(m.duration_s, 15.0, 1e-9);
    EXPECT_NEAR(m.contact_s, 10.1, 1e-9); // the last sample in contact carries its interval
    EXPECT_NEAR(m.mean_kpa, 300.0, 1e-9); // not (300 × 101 + 0 × 50) / 151 = 200.7
    EXPECT_DOUBLE_EQ(m.median_kpa, 300.0);
    EXPECT_DOUBLE_EQ(m.cv_pct, 0.0);
}

TEST(DoseMetrics, GraceLongerThanTheExcursionsCreditsThem) {
    const DoseMetrics m = measure_dose(constructed_hold(), PressureBand{100.0, 200.0, 400.0}, 2.0);
    EXPECT_DOUBLE_EQ(m.time_in_band_s, 10.0);
    EXPECT_EQ(m.excursions, 0);
    EXPECT_EQ(m.overshoots, 1);
}

TEST(DoseMetrics, PressureTimeIntegralOfAConstantHoldIsPressureTimesDuration) {
    std::vector<Sample> trace;
    for (int i = 0; i <= 60000; ++i)
        trace.push_back(synth::sample_at(0.001 * i, 300.0));
    EXPECT_NEAR(pressure_time_integral_kpa_s(trace), 300.0 * 60.0, 1e-6);
    const DoseMetrics m = measure_dose(trace, PressureBand{250.0, 350.0}, 0.5);
    EXPECT_NEAR(m.time_in_band_pct, 100.0, 1e-9);
    EXPECT_DOUBLE_EQ(m.cv_pct, 0.0);
}

TEST(DoseMetrics, EmptyTraceGivesZeros) {
    const DoseMetrics m = measure_dose({}, PressureBand{1.0, 2.0}, 0.5);
    EXPECT_DOUBLE_EQ(m.duration_s, 0.0);
    EXPECT_DOUBLE_EQ(m.pti_kpa_s, 0.0);
}

TEST(DoseMetrics, PainRatingMustBeZeroToTen) {
    EXPECT_TRUE(check_pain_rating(0).ok());
    EXPECT_TRUE(check_pain_rating(10).ok());
    EXPECT_EQ(check_pain_rating(11).field, "pain_rating");
    EXPECT_FALSE(check_pain_rating(-1).ok());
}

namespace {
// 10 Hz: 300 kPa for 20 s, the device gone for 10 s, then 200 kPa for 10 s.
std::vector<Sample> hold_with_unplug() {
    std::vector<Sample> trace;
    for (int i = 0; i <= 200; ++i)
        trace.push_back(synth::sample_at(0.1 * i, 300.0));
    for (int i = 300; i <= 400; ++i)
        trace.push_back(synth::sample_at(0.1 * i, 200.0));
    return trace;
}
} // namespace

TEST(DoseMetrics, AStretchWithoutSignalIsNamedAndCountsInNoFigureButTheDuration) {
    const DoseMetrics m = measure_dose(hold_with_unplug(), PressureBand{150.0, 350.0}, 0.5);
    EXPECT_NEAR(m.duration_s, 40.0, 1e-9); // first to last sample, the loss included
    ASSERT_EQ(m.signal_losses.size(), 1u);
    EXPECT_NEAR(m.signal_losses[0].at_s, 20.0, 1e-9);
    EXPECT_NEAR(m.signal_losses[0].lost_s, 10.0, 1e-9);
    EXPECT_NEAR(m.signal_lost_s(), 10.0, 1e-9);
    // Bridging the loss would carry 300 kPa through it: contact 40 s, mean 275, PTI 10500.
    EXPECT_NEAR(m.contact_s, 30.0, 1e-9);
    EXPECT_NEAR(m.mean_kpa, (300.0 * 20.0 + 200.0 * 10.0) / 30.0, 1e-9);
    EXPECT_NEAR(m.pti_kpa_s, 8000.0, 1e-9);
    EXPECT_NEAR(m.time_in_band_s, 30.0, 1e-9);
    EXPECT_NEAR(m.time_in_band_pct, 100.0, 1e-9);
    EXPECT_EQ(m.excursions, 0);
}

TEST(DoseMetrics, ASampleTheSourceFlaggedAfterLostSamplesBreaksTheHoldEvenWhenOnTime) {
    std::vector<Sample> trace = hold_with_unplug();
    trace[50].flags |= algocore::kGapBefore; // 5.0 s: samples lost, no time jump
    const DoseMetrics m = measure_dose(trace, PressureBand{150.0, 350.0}, 0.5);
    ASSERT_EQ(m.signal_losses.size(), 2u);
    EXPECT_NEAR(m.signal_losses[0].at_s, 4.9, 1e-9);
    EXPECT_NEAR(m.signal_losses[0].lost_s, 0.1, 1e-9);
    EXPECT_NEAR(m.signal_lost_s(), 10.1, 1e-9);
}

TEST(DoseMetrics, ASlowGaugeIsNotASignalLoss) {
    // A gauge polled at 2 Hz: its intervals are its rate, not losses.
    std::vector<Sample> trace;
    for (int i = 0; i <= 60; ++i)
        trace.push_back(synth::sample_at(0.5 * i, 300.0));
    const DoseMetrics m = measure_dose(trace, PressureBand{250.0, 350.0}, 0.5);
    EXPECT_TRUE(m.signal_losses.empty());
    EXPECT_NEAR(m.contact_s, 30.0, 1e-9);
    EXPECT_NEAR(m.time_in_band_s, 30.0, 1e-9);
}
