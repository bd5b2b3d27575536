#include <gtest/gtest.h>

#include "SyntheticTraces.h"
#include "algocore/protocols/HoldSequence.h"

using namespace algocore::protocols;

namespace {
// Two 5-s holds at 300 kPa (band 250-350), 10 s stretch prompt after each, 20 s rest.
Prescription two_short_holds() {
    Prescription p = Prescription::absolute(250.0, 350.0, 5.0);
    p.repetitions = 2;
    p.stretch_s = 10.0;
    p.rest_s = 20.0;
    return p;
}

// Feeds 300 kPa at 100 Hz from t_from to t_to; returns the last time fed.
double press(HoldSequence& sequence, double t_from, double t_to, double pressure_kpa) {
    double t = t_from;
    for (long i = 0; t_from + 0.01 * static_cast<double>(i) < t_to; ++i) {
        t = t_from + 0.01 * static_cast<double>(i);
        sequence.feed(synth::sample_at(t, pressure_kpa));
    }
    return t;
}
} // namespace

TEST(HoldSequence, RunsHoldStretchRestHoldStretchThenDone) {
    HoldSequence sequence(two_short_holds(), PressureBand{250.0, 350.0, 450.0});
    ASSERT_TRUE(sequence.start_hold(0.0));
    EXPECT_EQ(sequence.repetition(), 1);
    press(sequence, 0.0, 6.0, 300.0);
    EXPECT_EQ(sequence.phase(), SequencePhase::Stretch);
    ASSERT_EQ(sequence.records().size(), 1u);
    EXPECT_EQ(sequence.records()[0].end, HoldState::Complete);
    EXPECT_NEAR(sequence.records()[0].metrics.time_in_band_s, 5.0, 0.011);
    EXPECT_NEAR(sequence.phase_remaining_s(), 10.0 - 1.0, 0.02); // stretch from 5.0 s
    EXPECT_FALSE(sequence.start_hold(6.0));
    sequence.tick(15.5);
    EXPECT_EQ(sequence.phase(), SequencePhase::Rest);
    EXPECT_NEAR(sequence.phase_remaining_s(), 35.0 - 15.5, 0.02);
    sequence.tick(35.1);
    EXPECT_EQ(sequence.phase(), SequencePhase::Ready);
    ASSERT_TRUE(sequence.start_hold(36.0));
    EXPECT_EQ(sequence.repetition(), 2);
    press(sequence, 36.0, 42.0, 300.0);
    EXPECT_EQ(sequence.phase(), SequencePhase::Stretch);
    sequence.tick(60.0);
    EXPECT_EQ(sequence.phase(), SequencePhase::Done);
    EXPECT_EQ(sequence.records().size(), 2u);
}

TEST(HoldSequence, OperatorStopEndsTheHoldAndTheOperatorMaySkipTheWait) {
    HoldSequence sequence(two_short_holds(), PressureBand{250.0, 350.0, 450.0});
    ASSERT_TRUE(sequence.start_hold(0.0));
    const double t = press(sequence, 0.0, 2.0, 300.0);
    sequence.stop_hold(t);
    ASSERT_EQ(sequence.records().size(), 1u);
    EXPECT_EQ(sequence.records()[0].end, HoldState::Stopped);
    EXPECT_TRUE(sequence.start_hold(t + 1.0, /*skip_wait=*/true));
    EXPECT_EQ(sequence.phase(), SequencePhase::Holding);
}
