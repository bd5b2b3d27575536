// "Release felt" marks kept beside the detector's prompts, and the prompts found again from a
// recorded trace exactly as they were given live.
#include <gtest/gtest.h>

#include "SyntheticTraces.h"
#include "algocore/protocols/HoldEngine.h"
#include "algocore/protocols/HoldSequence.h"

using namespace algocore::protocols;
using algocore::Sample;

namespace {

HoldConfig band_250_350(double hold_s) {
    HoldConfig config;
    config.band = PressureBand{250.0, 350.0, 450.0};
    config.hold_s = hold_s;
    return config;
}

// Approach at 100 kPa/s, hold 300 kPa with tremor; two releases (10 % over 5 s from 12 and
// 30 s), each followed by a step-up back to 300 kPa.
std::vector<Sample> hold_with_two_releases() {
    std::mt19937_64 rng(5);
    synth::Tremor tremor = synth::Tremor::random(rng);
    std::vector<Sample> trace;
    for (long i = 0; i < 45000; ++i) {
        const double t = 0.001 * static_cast<double>(i);
        double level = t < 3.0 ? 100.0 * t : 300.0;
        for (double onset : {12.0, 30.0}) {
            if (t >= onset && t < onset + 5.0) level = 300.0 * (1.0 - 0.02 * (t - onset));
            if (t >= onset + 5.0 && t < onset + 6.0) level = 270.0 + 30.0 * (t - onset - 5.0);
        }
        const double p =
            t < 3.0 ? level : level * tremor.wander_factor(t) + tremor.tremor_kpa(t, rng);
        trace.push_back(synth::sample_at(t, p));
    }
    return trace;
}

} // namespace

TEST(ReleaseMarks, MarksAreKeptOnlyWhileTheHoldRuns) {
    HoldEngine hold(band_250_350(20.0));
    EXPECT_FALSE(hold.mark_release_felt(0.5)); // not in the band yet
    for (long i = 0; i < 4000; ++i)
        hold.feed(synth::sample_at(0.001 * static_cast<double>(i), std::min(300.0, 0.1 * i)));
    EXPECT_TRUE(hold.mark_release_felt(3.5));
    bool marked_event = false;
    for (const auto& e : hold.take_events())
        marked_event = marked_event || e.kind == HoldEventKind::ReleaseMarked;
    EXPECT_TRUE(marked_event);
    hold.stop(4.0);
    EXPECT_FALSE(hold.mark_release_felt(4.5));
    EXPECT_EQ(hold.release_marks_s(), std::vector<double>{3.5});
}

TEST(ReleaseMarks, TheDetectorsPromptsAreKeptAndFoundAgainFromTheRecordedTrace) {
    HoldEngine live(band_250_350(60.0));
    const auto samples = hold_with_two_releases();
    for (const Sample& s : samples)
        live.feed(s);
    ASSERT_EQ(live.release_detections_s().size(), 2u);
    EXPECT_GT(live.release_detections_s()[0], 12.0);
    EXPECT_LT(live.release_detections_s()[0], 15.0);
    EXPECT_GT(live.release_detections_s()[1], 30.0);
    // Replayed from the samples the hold recorded (from its first entry into the band).
    EXPECT_EQ(detect_releases(band_250_350(60.0), live.trace()), live.release_detections_s());
}

TEST(ReleaseMarks, TheSequenceHandsMarksAndDetectionsOverWithTheFinishedHold) {
    Prescription prescription = Prescription::ppt_90s();
    prescription.hold_s = 60.0;
    prescription.repetitions = 1;
    prescription.stretch_s = 0.0;
    HoldSequence sequence(prescription, PressureBand{250.0, 350.0, 450.0});
    ASSERT_TRUE(sequence.start_hold(0.0));
    for (const Sample& s : hold_with_two_releases()) {
        if (s.t_s >= 13.0 && s.t_s < 13.001) sequence.mark_release_felt(s.t_s);
        sequence.feed(s);
    }
    sequence.stop_hold(45.0);
    ASSERT_EQ(sequence.records().size(), 1u);
    const HoldRecord& record = sequence.records().front();
    ASSERT_EQ(record.release_marks_s.size(), 1u);
    EXPECT_NEAR(record.release_marks_s[0], 13.0, 0.001);
    EXPECT_EQ(record.release_detections_s.size(), 2u);
}
