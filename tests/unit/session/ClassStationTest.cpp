// What a training station publishes to its class is what its own screen says: the phase of
// the attempt, the pressure only with a live signal (the live view's NO SIGNAL rule), the time
// in band so far by the score's own rule, and the stored score's fields once it ends.
#include <gtest/gtest.h>

#include <utility>

#include "SessionFixture.h"
#include "algocore/session/ClassStation.h"

using namespace algocore;
using namespace algocore::session;
using sharedstudy::StationState;

namespace {

// A 3 s template at 300 kPa (band 250-350).
protocols::MotionTemplate hold_300() {
    std::vector<Sample> trace;
    for (int i = 0; i <= 3000; ++i)
        trace.push_back(synth::sample_at(i / 1000.0, 300.0));
    return protocols::MotionTemplate::from_trace(protocols::TemplateKind::Hold, "hold 300", trace);
}

struct Station {
    Inbox inbox;
    TrainingSession training{nullptr, inbox};
    live::LiveSession live;
    double t_s = 0.0;

    Station() {
        live.set_link(live::LinkState::Connected);
        training.use_template(hold_300(), protocols::PressureBand{250.0, 350.0});
        EXPECT_EQ(training.set_student("Student Bo"), "");
    }
    void press(double kpa, double seconds) {
        for (double end = t_s + seconds; t_s < end; t_s += 0.001) {
            const Sample s = synth::sample_at(t_s, kpa);
            live.add_sample(s);
            training.feed(s);
        }
        live.set_now_s(t_s);
    }
};

} // namespace

TEST(ClassStation, AnIdleStationWithALiveSignalShowsItsPressureAndNoScore) {
    Station station;
    station.press(0.0, 0.5);
    const auto p = class_progress_of(station.training, station.live, 1.8e9);
    EXPECT_EQ(p.state, StationState::Idle);
    EXPECT_EQ(p.student, "Student Bo");
    EXPECT_EQ(p.exercise, "hold 300");
    EXPECT_EQ(p.band_low_kpa, 250.0);
    EXPECT_EQ(p.band_high_kpa, 350.0);
    ASSERT_TRUE(p.pressure_kpa);
    EXPECT_EQ(*p.pressure_kpa, 0.0);
    EXPECT_FALSE(p.in_band_pct);
    EXPECT_FALSE(p.score);
    EXPECT_EQ(p.t_utc_s, 1.8e9);
}

TEST(ClassStation, ARunningAttemptShowsItsTimeInBandSoFar) {
    Station station;
    station.press(0.0, 0.2);
    ASSERT_EQ(station.training.start_attempt(), "");
    station.press(400.0, 1.0); // above the band
    station.press(300.0, 1.0); // in it
    const auto p = class_progress_of(station.training, station.live, 0.0);
    EXPECT_EQ(p.state, StationState::Attempt);
    EXPECT_EQ(p.pressure_kpa, 300.0);
    ASSERT_TRUE(p.in_band_pct);
    const auto expected = protocols::score_attempt(
        *station.training.expert(), station.training.attempt_samples(), station.training.band());
    EXPECT_EQ(*p.in_band_pct, expected.time_in_band_pct);
    EXPECT_GT(*p.in_band_pct, 30.0);
    EXPECT_LT(*p.in_band_pct, 70.0);
    EXPECT_FALSE(p.score);
}

TEST(ClassStation, AFinishedAttemptShowsTheStoredScoresFields) {
    Station station;
    station.press(0.0, 0.2);
    ASSERT_EQ(station.training.start_attempt(), "");
    station.press(320.0, 3.5);
    ASSERT_EQ(station.training.phase(), TrainingSession::Phase::Idle);
    ASSERT_TRUE(station.training.last_score());
    const auto& score = *station.training.last_score();
    const auto p = class_progress_of(station.training, station.live, 0.0);
    EXPECT_EQ(p.state, StationState::Done);
    ASSERT_TRUE(p.score);
    EXPECT_EQ(p.score->constant_error_kpa, score.constant_error_kpa);
    EXPECT_EQ(p.score->absolute_error_kpa, score.absolute_error_kpa);
    EXPECT_EQ(p.score->variable_error_kpa, score.variable_error_kpa);
    EXPECT_EQ(p.score->time_in_band_pct, score.time_in_band_pct);
    EXPECT_NEAR(p.score->constant_error_kpa, 20.0, 0.5);
    EXPECT_EQ(p.in_band_pct, score.time_in_band_pct);
}

TEST(ClassStation, ASilentDeviceMidAttemptIsNoSignalWithoutAPressure) {
    Station station;
    station.press(0.0, 0.2);
    ASSERT_EQ(station.training.start_attempt(), "");
    station.press(300.0, 1.0);
    // No sample for longer than the live view's NO SIGNAL limit.
    station.live.set_now_s(station.t_s + live::LiveSignal::kNoSignalAfterS + 0.1);
    const auto silent = class_progress_of(station.training, station.live, 0.0);
    EXPECT_EQ(silent.state, StationState::NoSignal);
    EXPECT_FALSE(silent.pressure_kpa);

    station.live.set_link(live::LinkState::Reconnecting);
    EXPECT_EQ(class_progress_of(station.training, station.live, 0.0).state, StationState::NoSignal);
}

// One list of a station's state words: the machine word reads back to its state, and the
// teacher's words are the Class page's.
TEST(StationStateWords, EachStateHasAMachineWordThatReadsBackAndPlainWords) {
    using sharedstudy::parse_station_state;
    using sharedstudy::plain_words;
    const std::pair<StationState, std::pair<const char*, const char*>> expected[] = {
        {StationState::Idle, {"idle", "idle"}},
        {StationState::Attempt, {"attempt", "attempt running"}},
        {StationState::Done, {"done", "done"}},
        {StationState::NoSignal, {"no_signal", "NO SIGNAL"}},
        {StationState::Offline, {"offline", "offline"}},
    };
    for (const auto& [state, words] : expected) {
        EXPECT_STREQ(sharedstudy::to_string(state), words.first);
        EXPECT_STREQ(plain_words(state), words.second);
        StationState read = StationState::Done;
        EXPECT_TRUE(parse_station_state(words.first, read));
        EXPECT_EQ(read, state);
    }
    StationState read = StationState::Done;
    EXPECT_FALSE(parse_station_state("attempt running", read));
    EXPECT_EQ(read, StationState::Done);
}

// One rule for every view of the class (the watcher, the Class page's table and its followed
// station): a pressure shows only while the station has a live signal.
TEST(LivePressure, OnlyAStationWithALiveSignalShowsItsPressure) {
    sharedstudy::StationProgress p;
    p.pressure_kpa = 312.0;
    for (StationState state : {StationState::Idle, StationState::Attempt, StationState::Done}) {
        p.state = state;
        EXPECT_EQ(sharedstudy::live_pressure_kpa(p), 312.0);
    }
    for (StationState state : {StationState::Offline, StationState::NoSignal}) {
        p.state = state;
        EXPECT_FALSE(sharedstudy::live_pressure_kpa(p));
    }
    p.state = StationState::Attempt;
    p.pressure_kpa.reset();
    EXPECT_FALSE(sharedstudy::live_pressure_kpa(p));
}
