#include <gtest/gtest.h>

#include "algocore/acquisition/ReconnectSchedule.h"

namespace {

using namespace algocore;
using namespace std::chrono_literals;

// A fake clock: any fixed instant plus offsets.
const SteadyTime t0 = SteadyTime{} + 1000s;

TEST(ReconnectSchedule, FirstAttemptIsDueFiftyMillisecondsAfterTheLoss) {
    ReconnectSchedule schedule(50ms, 500ms);
    EXPECT_FALSE(schedule.attempt_due(t0));
    schedule.link_lost(t0);
    EXPECT_TRUE(schedule.waiting());
    EXPECT_FALSE(schedule.attempt_due(t0 + 49ms));
    EXPECT_TRUE(schedule.attempt_due(t0 + 50ms));
}

TEST(ReconnectSchedule, FailedAttemptsBackOffByDoublingUpToTheCap) {
    ReconnectSchedule schedule(50ms, 500ms);
    schedule.link_lost(t0);
    SteadyTime now = t0 + 50ms;
    const std::chrono::milliseconds expected[] = {100ms, 200ms, 400ms, 500ms, 500ms};
    for (auto delay : expected) {
        schedule.attempt_failed(now);
        EXPECT_EQ(schedule.current_delay(), delay);
        EXPECT_FALSE(schedule.attempt_due(now + delay - 1ms));
        EXPECT_TRUE(schedule.attempt_due(now + delay));
        now += delay;
    }
    EXPECT_EQ(schedule.failed_attempts(), 5);
}

TEST(ReconnectSchedule, AReplugIsFoundWithinOneSecondWhateverTheBackoff) {
    // However long the device was away, the wait between attempts never exceeds the cap, so
    // a port that returns is opened within cap + one tick.
    ReconnectSchedule schedule(50ms, 500ms);
    schedule.link_lost(t0);
    SteadyTime now = t0;
    for (int i = 0; i < 100; ++i) {
        now = schedule.next_attempt();
        schedule.attempt_failed(now);
    }
    EXPECT_LE(schedule.next_attempt() - now, 500ms);
}

TEST(ReconnectSchedule, ConnectingAgainResetsTheBackoff) {
    ReconnectSchedule schedule(50ms, 500ms);
    schedule.link_lost(t0);
    schedule.attempt_failed(t0 + 50ms);
    schedule.attempt_failed(t0 + 150ms);
    schedule.connected();
    EXPECT_FALSE(schedule.waiting());
    EXPECT_FALSE(schedule.attempt_due(t0 + 10s));
    schedule.link_lost(t0 + 20s);
    EXPECT_EQ(schedule.current_delay(), 50ms);
    EXPECT_EQ(schedule.lost_at(), t0 + 20s);
}

} // namespace
