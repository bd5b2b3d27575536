#include <gtest/gtest.h>

#include <cmath>

#include "SyntheticTraces.h"
#include "algocore/protocols/PptSeries.h"
#include "algocore/protocols/PptSummary.h"

using namespace algocore::protocols;
using algocore::Sample;

namespace {
// One clean 1 kHz ramp starting at t0 with the button at button_kpa; with press = false the
// operator releases at that pressure and the subject never presses.
std::vector<Sample> ramp_at(double t0, double button_kpa, double rate_kpa_s = 50.0,
                            bool press = true) {
    synth::RampScript script;
    script.button_at_kpa = button_kpa;
    script.rate_kpa_s = rate_kpa_s;
    script.reaction_s = 0.3;
    synth::Tremor none;
    none.amplitude_kpa = 0.0;
    none.noise_kpa = 0.0;
    std::mt19937_64 rng(3);
    std::vector<Sample> out = synth::make_ramp(script, none, rng);
    for (Sample& s : out) {
        s.t_s += t0;
        if (!press) s.buttons = 0;
    }
    return out;
}

void feed_all(PptSeries& series, const std::vector<Sample>& trace) {
    for (const Sample& s : trace)
        series.feed(s);
}

// Idle samples (probe off) every 10 ms from t_from to t_to, advancing the countdown.
void rest(PptSeries& series, double t_from, double t_to) {
    for (double t = t_from; t < t_to; t += 0.01)
        series.feed(synth::sample_at(t, 0.0));
}

PptPreset quick_dfns() {
    PptPreset preset = PptPreset::dfns();
    preset.inter_trial_s = 10.0;
    return preset;
}
} // namespace

TEST(PptSeries, RunsThreeValidTrialsThenSummarises) {
    PptSeries series(quick_dfns());
    double t = 0.0;
    for (double button : {300.0, 400.0, 500.0}) {
        ASSERT_TRUE(series.start_trial(t));
        EXPECT_EQ(series.state(), PptSeriesState::TrialRunning);
        const auto trace = ramp_at(t, button);
        feed_all(series, trace);
        t = trace.back().t_s;
        if (button < 500.0) {
            EXPECT_EQ(series.state(), PptSeriesState::InterTrial);
            EXPECT_NEAR(series.countdown_remaining_s(), 10.0 - 1.3,
                        0.01); // rest began at the signal
            rest(series, t, t + 10.5);
            t += 10.5;
            EXPECT_EQ(series.state(), PptSeriesState::ReadyForTrial);
        }
    }
    EXPECT_EQ(series.state(), PptSeriesState::Complete);
    const auto finished = series.take_finished();
    ASSERT_EQ(finished.size(), 3u);
    EXPECT_EQ(finished[1].number, 2);
    EXPECT_FALSE(finished[1].trace.empty());
    const PptSummary s = series.summary();
    EXPECT_EQ(s.n, 3);
    EXPECT_NEAR(s.mean_kpa, 400.0, 0.05);
    EXPECT_NEAR(s.sd_kpa, 100.0, 0.05);
    EXPECT_NEAR(s.cv_pct, 25.0, 0.02);
    EXPECT_NEAR(s.median_kpa, 400.0, 0.05);
    EXPECT_NEAR(s.geometric_mean_kpa, std::cbrt(300.0 * 400.0 * 500.0), 0.05);
    EXPECT_DOUBLE_EQ(s.reported_kpa, s.mean_kpa);
}

TEST(PptSeries, RefusesToStartDuringTheRestUnlessTheOperatorSkipsIt) {
    PptSeries series(quick_dfns());
    ASSERT_TRUE(series.start_trial(0.0));
    const auto trace = ramp_at(0.0, 300.0);
    feed_all(series, trace);
    const double end = trace.back().t_s;
    EXPECT_FALSE(series.start_trial(end + 1.0));
    // Rest runs from the signal at 7.0 s; the trace ends 1.3 s later: 17.0 - 9.3 = 7.7 s left.
    EXPECT_NEAR(series.countdown_remaining_s(), 17.0 - (end + 1.0), 0.002);
    EXPECT_NEAR(series.countdown_remaining_s(), 7.7, 0.01);
    EXPECT_TRUE(series.start_trial(end + 1.0, /*skip_rest=*/true));
}

TEST(PptSeries, AnInvalidTrialPromptsARetestThatReplacesIt) {
    PptSeries series(quick_dfns());
    ASSERT_TRUE(series.start_trial(0.0));
    auto trace = ramp_at(0.0, 300.0, 90.0); // far too fast: invalid
    feed_all(series, trace);
    EXPECT_EQ(series.state(), PptSeriesState::RetestPrompt);
    double t = trace.back().t_s;
    series.answer_retest(true, t);
    rest(series, t, t + 10.5);
    t += 10.5;
    for (double button : {310.0, 320.0, 330.0}) {
        ASSERT_TRUE(series.start_trial(t, true));
        trace = ramp_at(t, button);
        feed_all(series, trace);
        t = trace.back().t_s;
    }
    EXPECT_EQ(series.state(), PptSeriesState::Complete);
    ASSERT_EQ(series.trials().size(), 4u);
    EXPECT_FALSE(series.trials()[0].counted);
    EXPECT_TRUE(series.trials()[1].retest);
    EXPECT_EQ(series.counted_trials(), 3);
    EXPECT_NEAR(series.summary().mean_kpa, 320.0, 0.051); // one 1 kHz sample = 0.05 kPa
}

TEST(PptSeries, DecliningTheRetestMovesOnWithFewerCountedTrials) {
    PptPreset preset = quick_dfns();
    preset.trials = 2;
    PptSeries series(preset);
    ASSERT_TRUE(series.start_trial(0.0));
    auto trace = ramp_at(0.0, 300.0, 50.0, false); // released without a button
    feed_all(series, trace);
    EXPECT_EQ(series.state(), PptSeriesState::RetestPrompt);
    double t = trace.back().t_s;
    series.answer_retest(false, t);
    ASSERT_TRUE(series.start_trial(t, true));
    trace = ramp_at(t, 350.0);
    feed_all(series, trace);
    EXPECT_EQ(series.state(), PptSeriesState::Complete);
    EXPECT_EQ(series.counted_trials(), 1);
}

TEST(PptSeries, GivesUpRetestingAfterTheMaximumExtraTrials) {
    PptPreset preset = quick_dfns();
    preset.trials = 1;
    preset.retest.max_extra_trials = 1;
    PptSeries series(preset);
    double t = 0.0;
    for (int i = 0; i < 2; ++i) {
        ASSERT_TRUE(series.start_trial(t, true));
        const auto trace = ramp_at(t, 300.0, 50.0, false);
        feed_all(series, trace);
        t = trace.back().t_s;
        if (i == 0) {
            ASSERT_EQ(series.state(), PptSeriesState::RetestPrompt);
            series.answer_retest(true, t);
        }
    }
    EXPECT_EQ(series.state(), PptSeriesState::Complete);
    EXPECT_EQ(series.counted_trials(), 0);
    EXPECT_EQ(series.summary().n, 0);
}

TEST(PptSeries, DiscardsTheFirstFamiliarisationTrial) {
    PptPreset preset = quick_dfns();
    preset.trials = 2;
    preset.discard_first = true;
    PptSeries series(preset);
    double t = 0.0;
    for (double button : {200.0, 400.0, 420.0}) {
        ASSERT_TRUE(series.start_trial(t, true));
        const auto trace = ramp_at(t, button);
        feed_all(series, trace);
        t = trace.back().t_s;
    }
    EXPECT_EQ(series.state(), PptSeriesState::Complete);
    EXPECT_FALSE(series.trials()[0].counted);
    EXPECT_NEAR(series.summary().mean_kpa, 410.0, 0.05);
}

TEST(PptSeries, TooMuchSpreadAddsOneMoreTrial) {
    PptPreset preset = quick_dfns();
    preset.trials = 2;
    preset.retest.max_spread_pct = 10.0;
    PptSeries series(preset);
    double t = 0.0;
    for (double button : {200.0, 400.0}) {
        ASSERT_TRUE(series.start_trial(t, true));
        const auto trace = ramp_at(t, button);
        feed_all(series, trace);
        t = trace.back().t_s;
    }
    EXPECT_EQ(series.state(), PptSeriesState::InterTrial); // CV 47 % > 10 %
    ASSERT_TRUE(series.start_trial(t, true));
    const auto trace = ramp_at(t, 390.0);
    feed_all(series, trace);
    EXPECT_EQ(series.state(), PptSeriesState::Complete);
    EXPECT_EQ(series.summary().n, 3);
    EXPECT_TRUE(series.trials()[2].retest);
}

TEST(PptSummary, ComputesMeanSdCvMedianAndLogMeanExactly) {
    const PptSummary s = summarize_ppt({100.0, 1000.0}, PptAggregate::GeometricMean);
    EXPECT_DOUBLE_EQ(s.mean_kpa, 550.0);
    EXPECT_NEAR(s.sd_kpa, std::sqrt(2.0 * 450.0 * 450.0), 1e-9);
    EXPECT_NEAR(s.cv_pct, 100.0 * std::sqrt(2.0 * 450.0 * 450.0) / 550.0, 1e-9);
    EXPECT_DOUBLE_EQ(s.median_kpa, 550.0);
    EXPECT_NEAR(s.mean_log10_kpa, 2.5, 1e-12);
    EXPECT_NEAR(s.geometric_mean_kpa, std::pow(10.0, 2.5), 1e-9);
    EXPECT_DOUBLE_EQ(s.reported_kpa, s.geometric_mean_kpa);
    EXPECT_DOUBLE_EQ(summarize_ppt({3.0, 1.0, 2.0}, PptAggregate::Median).reported_kpa, 2.0);
    EXPECT_EQ(summarize_ppt({}, PptAggregate::Mean).n, 0);
    EXPECT_DOUBLE_EQ(summarize_ppt({250.0}, PptAggregate::Mean).sd_kpa, 0.0);
}
