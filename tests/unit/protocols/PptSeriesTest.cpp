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

// Rests until the series is ready (idle samples), starts a trial and feeds one ramp;
// returns the time of the ramp's last sample.
double run_trial(PptSeries& series, double t, double button_kpa, double rate_kpa_s = 50.0,
                 bool press = true) {
    while (series.state() == PptSeriesState::InterTrial) {
        series.feed(synth::sample_at(t, 0.0));
        t += 0.01;
    }
    EXPECT_TRUE(series.start_trial(t)) << to_string(series.state());
    const auto trace = ramp_at(t, button_kpa, rate_kpa_s, press);
    feed_all(series, trace);
    return trace.back().t_s;
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

TEST(PptSeries, ATrialAfterASkippedRestIsFlaggedShortRestAndNotCounted) {
    PptSeries series(quick_dfns());
    double t = run_trial(series, 0.0, 300.0);
    ASSERT_TRUE(series.start_trial(t + 1.0, /*skip_rest=*/true));
    const auto trace = ramp_at(t + 1.0, 320.0);
    feed_all(series, trace);
    ASSERT_EQ(series.trials().size(), 2u);
    const PptSeriesTrial& second = series.trials()[1];
    EXPECT_TRUE(second.result.flags & kShortRest);
    EXPECT_FALSE(second.result.valid);
    EXPECT_FALSE(second.counted);
    // Previous signal at 7.0 s; this ramp reaches contact 1.2 s after it begins at t + 1.
    ASSERT_TRUE(second.rest_s.has_value());
    EXPECT_NEAR(*second.rest_s, t + 1.0 + 1.2 - 7.0, 0.01);
    EXPECT_EQ(series.state(), PptSeriesState::RetestPrompt);
}

TEST(PptSeries, AnAbortBeforeAnyLoadRecordsNothingAndStartsNoRest) {
    PptSeries series(quick_dfns());
    ASSERT_TRUE(series.start_trial(0.0));
    rest(series, 0.0, 0.5); // armed, the probe never touched
    series.abort_trial(0.5);
    EXPECT_EQ(series.state(), PptSeriesState::ReadyForTrial);
    EXPECT_TRUE(series.take_finished().empty());
    EXPECT_TRUE(series.trials().empty());
    // The next trial is the first, counted, with no rest before it.
    const double t = run_trial(series, 0.6, 300.0);
    ASSERT_EQ(series.trials().size(), 1u);
    EXPECT_EQ(series.trials()[0].number, 1);
    EXPECT_TRUE(series.trials()[0].counted);
    // After a trial, a cancelled arming leaves the rest that was running as it was.
    rest(series, t, t + 11.0);
    ASSERT_TRUE(series.start_trial(t + 11.0));
    series.abort_trial(t + 11.1);
    EXPECT_EQ(series.state(), PptSeriesState::ReadyForTrial);
    EXPECT_EQ(series.trials().size(), 1u);
    run_trial(series, t + 11.2, 320.0);
    ASSERT_EQ(series.trials().size(), 2u);
    EXPECT_TRUE(series.trials()[1].counted);
    EXPECT_EQ(series.trials()[1].result.flags & kShortRest, 0u);
}

TEST(PptSeries, ARampSignalledDuringTheRestIsRecordedAtTheButtonNotLost) {
    // DFNS rest is 30 s; the examiner rests 12 s and ramps again without pressing start.
    PptSeries series(PptPreset::dfns());
    ASSERT_TRUE(series.start_trial(0.0));
    auto trace = ramp_at(0.0, 300.0);
    feed_all(series, trace);
    ASSERT_EQ(series.state(), PptSeriesState::InterTrial);
    const double second_start = 7.0 + 12.0 - 1.2; // contact reached 12 s after the signal
    rest(series, trace.back().t_s, second_start);
    trace = ramp_at(second_start, 340.0);
    feed_all(series, trace);
    ASSERT_EQ(series.trials().size(), 2u);
    const PptSeriesTrial& second = series.trials()[1];
    EXPECT_EQ(second.result.end, PptTrialEnd::Signalled);
    EXPECT_NEAR(second.result.ppt_kpa, 340.0, 0.06); // at the button, not the later peak
    EXPECT_TRUE(second.result.flags & kShortRest);
    EXPECT_EQ(flags_to_string(second.result.flags), "short_rest");
    EXPECT_NEAR(*second.rest_s, 12.0, 0.01);
    EXPECT_FALSE(second.counted);
    // The short-rest trial is repeated after a full rest; the series goes on and completes.
    EXPECT_EQ(series.state(), PptSeriesState::RetestPrompt);
    double t = trace.back().t_s;
    series.answer_retest(true, t);
    t = run_trial(series, t, 330.0);
    t = run_trial(series, t, 350.0);
    EXPECT_EQ(series.state(), PptSeriesState::Complete);
    EXPECT_EQ(series.counted_trials(), 3);
    EXPECT_EQ(series.take_finished().size(), 4u);
}

TEST(PptSeries, ArmingWhileTheProbeIsLoadedWaitsForBaselineAndMeasuresTheNextRamp) {
    PptSeries series(quick_dfns());
    // The probe is pressed to 240 kPa and still rising when the trial is armed.
    double t = 0.0;
    for (; t < 1.0; t += 0.001)
        series.feed(synth::sample_at(t, 240.0 + 50.0 * t));
    ASSERT_TRUE(series.start_trial(t));
    for (; t < 4.6; t += 0.001) {
        const double p = 240.0 + 50.0 * t;
        series.feed(synth::sample_at(t, p, p >= 431.0 ? algocore::kPatientButton : 0));
    }
    EXPECT_TRUE(series.trials().empty()); // the button at 431 kPa on a loaded ramp: no trial
    EXPECT_EQ(series.current_trial()->state(), PptTrialState::WaitingForBaseline);
    rest(series, t, t + 2.0);
    const auto trace = ramp_at(t + 2.0, 300.0);
    feed_all(series, trace);
    ASSERT_EQ(series.trials().size(), 1u);
    const PptSeriesTrial& trial = series.trials()[0];
    EXPECT_TRUE(trial.result.valid);
    EXPECT_NEAR(trial.result.ppt_kpa, 300.0, 0.06);
    EXPECT_NEAR(trial.result.ramp_start_t_s, t + 2.0 + 1.2, 0.002); // found from baseline
}

TEST(PptSeries, DecliningTheRetestEndsTheSeriesIncompleteWithFewerCountedTrials) {
    PptPreset preset = quick_dfns();
    preset.trials = 2;
    PptSeries series(preset);
    ASSERT_TRUE(series.start_trial(0.0));
    auto trace = ramp_at(0.0, 300.0, 50.0, false); // released without a button
    feed_all(series, trace);
    EXPECT_EQ(series.state(), PptSeriesState::RetestPrompt);
    series.answer_retest(false, trace.back().t_s);
    EXPECT_EQ(series.state(), PptSeriesState::Incomplete);
    EXPECT_TRUE(series.finished());
    EXPECT_EQ(series.counted_trials(), 0);
}

TEST(PptSeries, ASeriesNeedingThreeCountedTrialsIsNeverCompleteWithTwo) {
    PptSeries series(quick_dfns()); // 3 trials, at most 2 extra
    double t = run_trial(series, 0.0, 300.0);
    t = run_trial(series, t, 310.0, 50.0, /*press=*/false); // invalid: no button
    ASSERT_EQ(series.state(), PptSeriesState::RetestPrompt);
    series.answer_retest(true, t);
    t = run_trial(series, t, 320.0);
    EXPECT_EQ(series.counted_trials(), 2);
    EXPECT_NE(series.state(), PptSeriesState::Complete);
    // Ending the point early with two counted trials is not complete either.
    series.end_series(t);
    EXPECT_EQ(series.state(), PptSeriesState::Incomplete);
}

TEST(PptSeries, UsingUpTheExtraTrialsEndsIncomplete) {
    PptPreset preset = quick_dfns();
    preset.trials = 1;
    preset.retest.max_extra_trials = 1;
    PptSeries series(preset);
    double t = 0.0;
    for (int i = 0; i < 2; ++i) {
        t = run_trial(series, t, 300.0, 50.0, false);
        if (i == 0) {
            ASSERT_EQ(series.state(), PptSeriesState::RetestPrompt);
            series.answer_retest(true, t);
        }
    }
    EXPECT_EQ(series.state(), PptSeriesState::Incomplete);
    EXPECT_EQ(series.counted_trials(), 0);
    EXPECT_EQ(series.summary().n, 0);
}

TEST(PptSeries, DiscardsTheFirstFamiliarisationTrial) {
    PptPreset preset = quick_dfns();
    preset.trials = 2;
    preset.discard_first = true;
    PptSeries series(preset);
    double t = 0.0;
    for (double button : {200.0, 400.0, 420.0})
        t = run_trial(series, t, button);
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
    for (double button : {200.0, 400.0})
        t = run_trial(series, t, button);
    EXPECT_EQ(series.state(), PptSeriesState::InterTrial); // CV 47 % > 10 %
    t = run_trial(series, t, 390.0);
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
