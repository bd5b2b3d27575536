#include <gtest/gtest.h>

#include <algorithm>

#include "SyntheticTraces.h"
#include "algocore/protocols/HoldEngine.h"

using namespace algocore::protocols;
using algocore::Sample;

namespace {
HoldConfig band_250_350(double hold_s) {
    HoldConfig config;
    config.band = PressureBand{250.0, 350.0, 450.0};
    config.hold_s = hold_s;
    config.grace_s = 0.5;
    return config;
}

// Approach at 100 kPa/s from 0, then the pressure function from 3 s on, 1 kHz.
template <typename Pressure>
std::vector<Sample> approach_then(double until_s, Pressure pressure_after_3s) {
    std::vector<Sample> trace;
    for (long i = 0; 0.001 * static_cast<double>(i) < until_s; ++i) {
        const double t = 0.001 * static_cast<double>(i);
        trace.push_back(synth::sample_at(t, t < 3.0 ? 100.0 * t : pressure_after_3s(t)));
    }
    return trace;
}

std::vector<HoldEventKind> kinds(const std::vector<HoldEvent>& events) {
    std::vector<HoldEventKind> out;
    for (const auto& e : events)
        out.push_back(e.kind);
    return out;
}

int count(const std::vector<HoldEvent>& events, HoldEventKind kind) {
    return static_cast<int>(std::count_if(events.begin(), events.end(),
                                          [kind](const HoldEvent& e) { return e.kind == kind; }));
}
} // namespace

TEST(HoldEngine, BeginsOnFirstEntryAndCompletesAfterTheHoldTimeInBand) {
    HoldEngine hold(band_250_350(10.0));
    std::vector<HoldEvent> events;
    for (const Sample& s : approach_then(20.0, [](double) { return 300.0; })) {
        hold.feed(s);
        for (const auto& e : hold.take_events())
            events.push_back(e);
        if (hold.finished()) break;
    }
    EXPECT_EQ(hold.state(), HoldState::Complete);
    ASSERT_EQ(kinds(events),
              (std::vector<HoldEventKind>{HoldEventKind::Started, HoldEventKind::EnteredBand,
                                          HoldEventKind::Complete}));
    EXPECT_NEAR(events.front().t_s, 2.5, 0.0011); // 250 kPa reached at 2.5 s
    EXPECT_NEAR(events.back().t_s, 12.5, 0.0011); // 10 s later
    const DoseMetrics m = hold.metrics();
    EXPECT_NEAR(m.duration_s, 10.0, 0.0011);
    EXPECT_NEAR(m.time_in_band_s, 10.0, 0.0011);
    EXPECT_EQ(m.excursions, 0);
}

TEST(HoldEngine, TremorAtTheBandEdgeDoesNotCostTimeThanksToTheGrace) {
    std::mt19937_64 rng(5);
    synth::Tremor tremor = synth::Tremor::random(rng);
    tremor.wander_pct = 0.0;
    HoldEngine hold(band_250_350(30.0));
    for (const Sample& s : approach_then(40.0, [&](double t) {
             return 348.0 + tremor.tremor_kpa(t, rng); // pokes above 350 on tremor peaks
         })) {
        hold.feed(s);
        if (hold.finished()) break;
    }
    EXPECT_EQ(hold.state(), HoldState::Complete);
    const DoseMetrics m = hold.metrics();
    EXPECT_GT(m.overshoots, 50); // many brief overshoots...
    EXPECT_EQ(m.excursions, 0);  // ...none longer than the grace
    EXPECT_NEAR(m.time_in_band_pct, 100.0, 0.5);
}

TEST(HoldEngine, EndsAtTheOverPressureLimit) {
    HoldEngine hold(band_250_350(60.0));
    for (const Sample& s : approach_then(10.0, [](double t) { return 100.0 * t; })) {
        hold.feed(s);
        if (hold.finished()) break;
    }
    EXPECT_EQ(hold.state(), HoldState::OverLimit);
    const auto events = hold.take_events();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back().kind, HoldEventKind::OverLimit);
    EXPECT_NEAR(events.back().pressure_kpa, 450.0, 0.11);
    EXPECT_EQ(count(events, HoldEventKind::Overshoot), 1);
}

TEST(HoldEngine, OperatorStopEndsTheHoldAndKeepsItsMetrics) {
    HoldEngine hold(band_250_350(60.0));
    for (const Sample& s : approach_then(8.0, [](double) { return 300.0; }))
        hold.feed(s);
    hold.stop(8.0);
    EXPECT_EQ(hold.state(), HoldState::Stopped);
    EXPECT_NEAR(hold.metrics().time_in_band_s, 5.5, 0.0011);
    // From entry at 2.5 s: 0.5 s of approach averaging ~275 kPa, then 5 s at 300 kPa.
    EXPECT_NEAR(hold.metrics().mean_kpa, (500.0 * 274.95 + 5000.0 * 300.0) / 5500.0, 0.01);
    EXPECT_EQ(hold.take_events().back().kind, HoldEventKind::Stopped);
}

TEST(HoldEngine, PromptsOnReleaseAndLogsTheStepUpWithPressuresBeforeAndAfter) {
    // Release at 20 s: 10 % over 5 s; the therapist takes up the slack at 25 s back to
    // 300 kPa within 1 s.
    std::mt19937_64 rng(11);
    synth::Tremor tremor = synth::Tremor::random(rng);
    HoldEngine hold(band_250_350(60.0));
    std::vector<HoldEvent> events;
    for (const Sample& s : approach_then(35.0, [&](double t) {
             double level = 300.0;
             if (t >= 20.0 && t < 25.0) level = 300.0 * (1.0 - 0.10 * (t - 20.0) / 5.0);
             if (t >= 25.0) level = 270.0 + 30.0 * std::min(1.0, t - 25.0);
             return level * tremor.wander_factor(t) + tremor.tremor_kpa(t, rng);
         })) {
        hold.feed(s);
        for (const auto& e : hold.take_events())
            events.push_back(e);
    }
    ASSERT_EQ(count(events, HoldEventKind::ReleaseDetected), 1);
    const auto release = *std::find_if(events.begin(), events.end(), [](const HoldEvent& e) {
        return e.kind == HoldEventKind::ReleaseDetected;
    });
    EXPECT_GE(release.t_s, 20.0);
    EXPECT_LE(release.t_s, 23.0);
    ASSERT_EQ(hold.step_ups().size(), 1u);
    const StepUp& step = hold.step_ups().front();
    EXPECT_NEAR(step.before_kpa, 300.0 * (1.0 - 0.02 * (release.t_s - 20.0)), 6.0);
    EXPECT_NEAR(step.after_kpa, 300.0, 6.0);
    EXPECT_GT(step.t_s, 25.0);
    EXPECT_LT(step.t_s, 27.5);
    EXPECT_FALSE(hold.slack_prompt_active());
    EXPECT_EQ(hold.metrics().step_ups, 1);
}

TEST(HoldEngine, HoldUntilReleaseCompletesAfterThePrescribedStepUps) {
    HoldConfig config =
        hold_config_for(Prescription::simons_barrier_release(), PressureBand{250.0, 350.0, 450.0});
    config.max_step_ups = 1;
    EXPECT_TRUE(config.hold_until_release);
    EXPECT_DOUBLE_EQ(config.max_hold_s, 90.0);
    HoldEngine hold(config);
    for (const Sample& s : approach_then(40.0, [](double t) {
             if (t < 20.0) return 300.0;
             if (t < 25.0) return 300.0 * (1.0 - 0.02 * (t - 20.0));
             return 270.0 + 30.0 * std::min(1.0, t - 25.0);
         })) {
        hold.feed(s);
        if (hold.finished()) break;
    }
    EXPECT_EQ(hold.state(), HoldState::Complete);
    EXPECT_EQ(hold.step_ups().size(), 1u);
}

TEST(HoldEngine, RefusesAnImpossibleConfiguration) {
    HoldConfig config = band_250_350(60.0);
    config.band.high_kpa = 500.0;
    EXPECT_EQ(config.validate().field, "limit_kpa");
    config = band_250_350(0.4);
    EXPECT_EQ(config.validate().field, "grace_s");
    EXPECT_TRUE(band_250_350(60.0).validate().ok());
}

TEST(HoldEngine, AHoldUntilReleaseThatRunsOutOfTimeEndsTimeLimitNotComplete) {
    HoldConfig config =
        hold_config_for(Prescription::simons_barrier_release(), PressureBand{250.0, 350.0, 450.0});
    HoldEngine hold(config); // 3 step-ups wanted within 90 s; the tissue never releases
    double remaining_at_30s = -1.0;
    for (const Sample& s : approach_then(100.0, [](double) { return 300.0; })) {
        hold.feed(s);
        if (remaining_at_30s < 0.0 && s.t_s >= 32.5) remaining_at_30s = hold.remaining_s();
        if (hold.finished()) break;
    }
    EXPECT_EQ(hold.state(), HoldState::TimeLimit);
    EXPECT_STREQ(to_string(hold.state()), "time_limit");
    EXPECT_EQ(hold.step_ups_remaining(), 3);
    // Band entered at 2.5 s: at 32.5 s, 60 s of the 90 s maximum are left.
    EXPECT_NEAR(remaining_at_30s, 60.0, 0.01);
    EXPECT_DOUBLE_EQ(hold.remaining_s(), 0.0);
}

TEST(HoldEngine, NoMoreReleasePromptsOnceThePrescribedStepUpsAreMade) {
    HoldConfig config = band_250_350(120.0);
    config.max_step_ups = 1;
    HoldEngine hold(config);
    std::vector<HoldEvent> events;
    // Two releases (at 20 s and at 50 s), each taken up 5 s later.
    for (const Sample& s : approach_then(80.0, [](double t) {
             for (double onset : {20.0, 50.0}) {
                 if (t >= onset && t < onset + 5.0) return 300.0 * (1.0 - 0.02 * (t - onset));
                 if (t >= onset + 5.0 && t < onset + 6.0) return 270.0 + 30.0 * (t - onset - 5.0);
             }
             return 300.0;
         })) {
        hold.feed(s);
        for (const auto& e : hold.take_events())
            events.push_back(e);
    }
    EXPECT_EQ(count(events, HoldEventKind::ReleaseDetected), 1);
    EXPECT_EQ(hold.step_ups().size(), 1u);
    EXPECT_EQ(hold.step_ups_remaining(), 0);
}

TEST(HoldEngine, AnUnplugInTheBandIsNotCountedLiveAndTheLiveCountIsTheStoredOne) {
    // In the band from 2.5 s; the device unplugged from 8 s to 12 s with the probe still at
    // 300 kPa (nothing arrives; the first sample back carries the gap mark); 300 kPa again
    // until 18 s, then Stop.
    HoldEngine hold(band_250_350(60.0));
    for (const Sample& s : approach_then(8.0, [](double) { return 300.0; }))
        hold.feed(s);
    const double before_unplug_s = hold.timer().time_in_band_s();
    EXPECT_NEAR(before_unplug_s, 5.5, 0.0011);
    Sample back = synth::sample_at(12.0, 300.0);
    back.flags |= algocore::kGapBefore;
    hold.feed(back);
    // The 4 s without signal are not time in band: the count stands where it stood.
    EXPECT_NEAR(hold.timer().time_in_band_s(), before_unplug_s, 1e-9);
    EXPECT_NEAR(hold.timer().time_in_band_s(), hold.metrics().time_in_band_s, 1e-9);
    for (long i = 1; i <= 6000; ++i)
        hold.feed(synth::sample_at(12.0 + 0.001 * static_cast<double>(i), 300.0));
    hold.stop(18.0);
    EXPECT_NEAR(hold.timer().time_in_band_s(), 11.5, 0.0011); // 5.5 s + 6 s, not 15.5 s
    const DoseMetrics stored = hold.metrics();
    EXPECT_NEAR(hold.timer().time_in_band_s(), stored.time_in_band_s, 1e-9);
    ASSERT_EQ(stored.signal_losses.size(), 1u);
    EXPECT_NEAR(stored.signal_losses.front().lost_s, 4.0, 0.0011);
    EXPECT_EQ(hold.state(), HoldState::Stopped);
}
