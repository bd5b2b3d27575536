#include <gtest/gtest.h>

#include <cmath>

#include "SyntheticTraces.h"
#include "algocore/protocols/PptTrial.h"

using namespace algocore::protocols;
using algocore::Sample;

namespace {
// Clean 50 kPa/s ramp at 1 kHz from t = 1 s; button held from 400 kPa; peak 460 kPa.
std::vector<Sample> button_at_400_peak_460() {
    synth::RampScript script;
    script.button_at_kpa = 400.0;
    script.reaction_s = 1.2; // 60 kPa more after the button: peak 460
    synth::Tremor none;
    none.amplitude_kpa = 0.0;
    none.noise_kpa = 0.0;
    std::mt19937_64 rng(1);
    return synth::make_ramp(script, none, rng);
}

PptTrial run(const PptPreset& preset, const std::vector<Sample>& trace) {
    PptTrial trial(preset);
    trial.arm();
    for (const Sample& s : trace)
        trial.feed(s);
    return trial;
}
} // namespace

TEST(PptTrial, ThresholdIsThePressureAtTheButtonNotTheLaterPeak) {
    const PptTrial trial = run(PptPreset::dfns(), button_at_400_peak_460());
    ASSERT_EQ(trial.state(), PptTrialState::Done);
    const PptTrialResult& r = trial.result();
    EXPECT_EQ(r.end, PptTrialEnd::Signalled);
    EXPECT_EQ(r.source, PainSignalSource::DevicePatientButton);
    EXPECT_NEAR(r.ppt_kpa, 400.0, 50.0 * 0.001); // within one sample at 1 kHz
    EXPECT_NEAR(r.peak_kpa, 460.0, 0.1);
    EXPECT_NEAR(r.t_signal_s, 9.0, 0.0011);
    EXPECT_NEAR(r.rate_kpa_s, 50.0, 0.05);
    EXPECT_DOUBLE_EQ(r.in_corridor_pct, 100.0);
    EXPECT_TRUE(r.valid);
    EXPECT_EQ(r.flags, 0u);
    EXPECT_NEAR(r.ramp_start_t_s, 1.2, 0.0011); // first sample at the 10 kPa contact
}

TEST(PptTrial, KeepsRecordingTheTraceUntilTheProbeIsReleased) {
    const auto trace = button_at_400_peak_460();
    const PptTrial trial = run(PptPreset::dfns(), trace);
    EXPECT_FALSE(trial.recording());
    EXPECT_LT(trial.trace().back().pressure_kpa, 5.0);
    EXPECT_NEAR(trial.trace().front().t_s, 1.2, 0.0011);
}

TEST(PptTrial, AlignsAnExternalEventToTheNearestSampleWithinHalfASampleAt1kHz) {
    // Key presses at arbitrary times between samples: the chosen sample is the nearest one.
    const auto trace = button_at_400_peak_460();
    std::vector<Sample> no_button = trace;
    for (Sample& s : no_button)
        s.buttons = 0;
    std::mt19937_64 rng(99);
    std::uniform_real_distribution<double> when(3.0, 9.5);
    for (int k = 0; k < 50; ++k) {
        const double event_t = when(rng);
        PptTrial trial(PptPreset::dfns());
        trial.arm();
        std::size_t i = 0;
        // The key event is delivered 30 ms late, as a GUI event loop might.
        while (i < no_button.size() && no_button[i].t_s < event_t + 0.030)
            trial.feed(no_button[i++]);
        trial.signal_pain(event_t, PainSignalSource::Keyboard);
        ASSERT_TRUE(trial.finished());
        const double error_samples = std::fabs(trial.result().t_sample_s - event_t) / 0.001;
        EXPECT_LE(error_samples, 0.5 + 1e-6) << "event at " << event_t;
        EXPECT_NEAR(trial.result().ppt_kpa, 50.0 * (trial.result().t_sample_s - 1.0), 1e-9);
        EXPECT_EQ(trial.result().source, PainSignalSource::Keyboard);
    }
}

TEST(PptTrial, AnEventAheadOfItsSampleWaitsForThatSample) {
    std::vector<Sample> trace = button_at_400_peak_460();
    for (Sample& s : trace)
        s.buttons = 0;
    PptTrial trial(PptPreset::dfns());
    trial.arm();
    std::size_t i = 0;
    while (trace[i].t_s < 4.9995)
        trial.feed(trace[i++]);
    trial.signal_pain(5.0004, PainSignalSource::FootPedal); // sample at 5.000 not fed yet
    EXPECT_FALSE(trial.finished());
    while (i < trace.size())
        trial.feed(trace[i++]);
    ASSERT_TRUE(trial.finished());
    EXPECT_NEAR(trial.result().t_sample_s, 5.0, 1e-9);
    EXPECT_NEAR(trial.result().ppt_kpa, 200.0, 1e-9);
}

TEST(PptTrial, AButtonAlreadyHeldAtContactIsNotASignal) {
    std::vector<Sample> trace = button_at_400_peak_460();
    for (Sample& s : trace)
        if (s.t_s < 1.5) s.buttons = algocore::kPatientButton;
    const PptTrial trial = run(PptPreset::dfns(), trace);
    EXPECT_NEAR(trial.result().ppt_kpa, 400.0, 0.05);
}

TEST(PptTrial, CutOffEndsTheTrialAndRecordsAThresholdAboveIt) {
    PptPreset preset = PptPreset::dfns();
    preset.cutoff_kpa = 300.0;
    const PptTrial trial = run(preset, button_at_400_peak_460());
    EXPECT_EQ(trial.state(), PptTrialState::CutOff);
    EXPECT_EQ(trial.result().end, PptTrialEnd::CutOff);
    EXPECT_TRUE(trial.result().censored());
    EXPECT_NEAR(trial.result().ppt_kpa, 300.0, 0.05);
    EXPECT_TRUE(trial.result().valid);
    EXPECT_EQ(flags_to_string(trial.result().flags), "cut_off");
}

TEST(PptTrial, ReleaseWithoutASignalIsFlaggedNoButtonAndInvalid) {
    std::vector<Sample> trace = button_at_400_peak_460();
    for (Sample& s : trace)
        s.buttons = 0;
    const PptTrial trial = run(PptPreset::dfns(), trace);
    EXPECT_EQ(trial.result().end, PptTrialEnd::Released);
    EXPECT_FALSE(trial.result().valid);
    EXPECT_NE(trial.result().flags & kNoButton, 0u);
    EXPECT_NEAR(trial.result().ppt_kpa, 460.0, 0.1); // the peak, reported but invalid
}

TEST(PptTrial, TooFastARampIsFlaggedRateOutOfTolerance) {
    synth::RampScript script;
    script.rate_kpa_s = 80.0; // DFNS asks 50 ± 10
    synth::Tremor none;
    none.amplitude_kpa = 0.0;
    none.noise_kpa = 0.0;
    std::mt19937_64 rng(1);
    const PptTrial trial = run(PptPreset::dfns(), synth::make_ramp(script, none, rng));
    EXPECT_NEAR(trial.result().rate_kpa_s, 80.0, 0.1);
    EXPECT_NE(trial.result().flags & kRateOutOfTolerance, 0u);
    EXPECT_NE(trial.result().flags & kLowCorridorFraction, 0u);
    EXPECT_LT(trial.result().in_corridor_pct, 50.0);
    EXPECT_FALSE(trial.result().valid);
}

TEST(PptTrial, OperatorAbortEndsTheTrialInvalid) {
    const auto trace = button_at_400_peak_460();
    PptTrial trial(PptPreset::dfns());
    trial.arm();
    std::size_t i = 0;
    while (trace[i].t_s < 4.0)
        trial.feed(trace[i++]);
    trial.abort(4.0);
    EXPECT_EQ(trial.state(), PptTrialState::Aborted);
    EXPECT_NE(trial.result().flags & kAborted, 0u);
    EXPECT_FALSE(trial.result().valid);
}

TEST(PptTrial, IgnoresSamplesUntilArmedAndShowsTheCorridorOnceRamping) {
    const auto trace = button_at_400_peak_460();
    PptTrial trial(PptPreset::dfns());
    for (int i = 0; i < 500; ++i)
        trial.feed(trace[static_cast<std::size_t>(i)]);
    EXPECT_EQ(trial.state(), PptTrialState::Idle);
    EXPECT_FALSE(trial.corridor().has_value());
    trial.arm();
    for (int i = 500; i < 4000; ++i)
        trial.feed(trace[static_cast<std::size_t>(i)]);
    EXPECT_EQ(trial.state(), PptTrialState::Ramping);
    ASSERT_TRUE(trial.corridor().has_value());
    EXPECT_NEAR(trial.corridor()->start_t_s, 1.2, 0.0015); // contact (10 kPa) after baseline
    ASSERT_TRUE(trial.current_rate_kpa_s().has_value());
    EXPECT_NEAR(*trial.current_rate_kpa_s(), 50.0, 1e-6);
}

TEST(PptTrial, FlagsADataGapDuringTheRamp) {
    std::vector<Sample> trace = button_at_400_peak_460();
    trace[5000].flags = algocore::kGapBefore;
    const PptTrial trial = run(PptPreset::dfns(), trace);
    EXPECT_EQ(flags_to_string(trial.result().flags), "data_gap");
    EXPECT_FALSE(trial.result().valid);
}

TEST(PptPreset, FischerRateIsOneKilogramForcePerSquareCentimetrePerSecond) {
    EXPECT_NEAR(PptPreset::fischer().rate_kpa_s, 98.0665, 1e-9);
    EXPECT_DOUBLE_EQ(PptPreset::dfns().rate_kpa_s, 50.0);
    EXPECT_EQ(PptPreset::dfns().trials, 3);
    PptPreset found;
    EXPECT_TRUE(PptPreset::by_name("fischer", found));
    EXPECT_EQ(found.name, "fischer");
    EXPECT_FALSE(PptPreset::by_name("nonsense", found));
}

TEST(PptPreset, RefusesAToleranceAsLargeAsTheRate) {
    PptPreset preset = PptPreset::dfns();
    preset.tolerance_kpa_s = 50.0;
    EXPECT_EQ(preset.validate().field, "tolerance_kpa_s");
    preset = PptPreset::dfns();
    preset.trials = 0;
    EXPECT_EQ(preset.validate().field, "trials");
    EXPECT_TRUE(PptPreset::dfns().validate().ok());
}

TEST(PptTrial, ABriefTremorDipAtTheStartOfTheRampIsNotARelease) {
    // Contact at 1.0 s, a 30 ms dip to 2 kPa, then a clean 50 kPa/s ramp with the button
    // at 300 kPa.
    std::vector<Sample> trace;
    for (int i = 0; i < 8000; ++i) {
        const double t = 0.001 * i;
        double p = t < 1.0 ? 0.0 : 12.0 + 50.0 * (t - 1.0);
        if (t >= 1.05 && t < 1.08) p = 2.0;
        trace.push_back(synth::sample_at(t, p, p >= 300.0 ? algocore::kPatientButton : 0));
    }
    const PptTrial trial = run(PptPreset::dfns(), trace);
    EXPECT_EQ(trial.result().end, PptTrialEnd::Signalled);
    EXPECT_NEAR(trial.result().ppt_kpa, 300.0, 0.05);
    EXPECT_NEAR(trial.result().ramp_start_t_s, 1.0, 1e-9);
}

TEST(PptTrial, ArmedWhileLoadedItWaitsForBaselineBeforeLookingForTheRamp) {
    PptTrial trial(PptPreset::dfns());
    trial.arm();
    // Armed at 240 kPa mid-ramp: nothing is measured, whatever the button does.
    for (double t = 0.0; t < 4.0; t += 0.001) {
        const double p = 240.0 + 50.0 * t;
        trial.feed(synth::sample_at(t, p, p >= 431.0 ? algocore::kPatientButton : 0));
    }
    EXPECT_EQ(trial.state(), PptTrialState::WaitingForBaseline);
    EXPECT_FALSE(trial.finished());
    // Lifted, then a ramp from baseline: that one is the trial.
    for (Sample s : button_at_400_peak_460()) {
        s.t_s += 5.0;
        trial.feed(s);
    }
    EXPECT_EQ(trial.state(), PptTrialState::Done);
    EXPECT_NEAR(trial.result().ppt_kpa, 400.0, 0.05);
    EXPECT_NEAR(trial.result().ramp_start_t_s, 6.2, 0.0015);
    EXPECT_TRUE(trial.result().valid);
}

// The patient's press on that loaded ramp is no trial, but it is kept as an event with the
// pressure it came at (a button already held when the trial was armed is no press).
TEST(PptTrial, APressWhileWaitingForBaselineIsKeptAsAnEventNotATrial) {
    PptTrial trial(PptPreset::dfns());
    trial.arm();
    EXPECT_FALSE(trial.baseline_wait());                                // nothing seen yet
    trial.feed(synth::sample_at(0.0, 240.0, algocore::kPatientButton)); // held at arming
    trial.feed(synth::sample_at(0.1, 245.0));
    ASSERT_TRUE(trial.baseline_wait());
    EXPECT_DOUBLE_EQ(trial.baseline_wait()->pressure_kpa, 245.0);
    EXPECT_DOUBLE_EQ(trial.baseline_wait()->lift_below_kpa, 5.0);
    EXPECT_TRUE(trial.presses_while_loaded().empty());
    trial.feed(synth::sample_at(0.2, 431.0, algocore::kPatientButton));
    trial.feed(synth::sample_at(0.3, 432.0, algocore::kPatientButton)); // still held
    trial.signal_pain(0.35, PainSignalSource::Keyboard);
    ASSERT_EQ(trial.presses_while_loaded().size(), 2u);
    EXPECT_DOUBLE_EQ(trial.presses_while_loaded()[0].t_s, 0.2);
    EXPECT_DOUBLE_EQ(trial.presses_while_loaded()[0].pressure_kpa, 431.0);
    EXPECT_DOUBLE_EQ(trial.presses_while_loaded()[1].t_s, 0.35);
    EXPECT_DOUBLE_EQ(trial.presses_while_loaded()[1].pressure_kpa, 432.0);
    EXPECT_EQ(trial.baseline_wait()->presses.size(), 2u);
    EXPECT_EQ(trial.state(), PptTrialState::WaitingForBaseline);
    EXPECT_FALSE(trial.finished());
    trial.feed(synth::sample_at(0.4, 1.0)); // lifted: the wait is over
    EXPECT_FALSE(trial.baseline_wait());
    EXPECT_EQ(trial.state(), PptTrialState::WaitingForContact);
}

TEST(PptTrial, ARampWhoseStartWasNotSeenFromBaselineIsFlaggedAndInvalid) {
    std::vector<Sample> trace = button_at_400_peak_460();
    // The pressure jumps from 0 to 200 kPa between two samples: the ramp began unseen.
    std::vector<Sample> jumped;
    for (const Sample& s : trace)
        if (s.t_s < 1.0 || s.pressure_kpa >= 200.0 || s.t_s > 6.0) jumped.push_back(s);
    const PptTrial trial = run(PptPreset::dfns(), jumped);
    EXPECT_TRUE(trial.result().flags & kStartedAboveBaseline);
    EXPECT_NE(flags_to_string(trial.result().flags).find("started_above_baseline"),
              std::string::npos);
    EXPECT_FALSE(trial.result().valid);
}

TEST(PptPreset, RefusesABaselineAboveTheContactPressure) {
    PptPreset preset = PptPreset::dfns();
    preset.baseline_kpa = 20.0;
    EXPECT_EQ(preset.validate().field, "baseline_kpa");
}
