// The device bar's one-word judgement of the link: the share of the last ten seconds' readings
// lost or damaged, not the counters since connecting (which only ever grow).
#include <gtest/gtest.h>

#include "algocore/live/SignalQuality.h"

using namespace algocore::live;

namespace {

// A device at 1000 readings/s for `seconds`, losing `lost_per_s` of them each second.
void run(SignalQualityMeter& meter, double& t_s, LinkCounters& c, double seconds,
         std::uint64_t lost_per_s, std::uint64_t damaged_per_s = 0) {
    for (int i = 0; i < static_cast<int>(seconds * 4); ++i) { // four updates a second
        t_s += 0.25;
        c.delivered += (1000 - lost_per_s - damaged_per_s) / 4;
        c.lost += lost_per_s / 4;
        c.damaged += damaged_per_s / 4;
        meter.update(t_s, c, true);
    }
}

} // namespace

TEST(SignalQuality, AWholeStreamIsGood) {
    SignalQualityMeter meter;
    double t = 0;
    LinkCounters c;
    run(meter, t, c, 5, 0);
    EXPECT_EQ(meter.quality(), SignalQuality::Good);
    EXPECT_DOUBLE_EQ(meter.recent_loss_pct(), 0.0);
    EXPECT_STREQ(to_words(meter.quality()), "signal good");
}

TEST(SignalQuality, OldLossesAgeOutOfTheWindow) {
    // 10,381 readings lost in a bad minute at the start (the bar said "lost 10381" for the
    // rest of the session); ten seconds of a whole stream later the signal is good again.
    SignalQualityMeter meter;
    double t = 0;
    LinkCounters c;
    run(meter, t, c, 20, 520);
    EXPECT_EQ(meter.quality(), SignalQuality::Poor);
    EXPECT_NEAR(meter.recent_loss_pct(), 52.0, 0.5);
    run(meter, t, c, 5, 0);
    EXPECT_EQ(meter.quality(), SignalQuality::Poor); // half the window still holds the losses
    run(meter, t, c, SignalQualityMeter::kWindowS, 0);
    EXPECT_EQ(meter.quality(), SignalQuality::Good);
    EXPECT_GE(c.lost, 10000u);
}

TEST(SignalQuality, TheSharesBetweenGoodAndPoor) {
    SignalQualityMeter meter;
    double t = 0;
    LinkCounters c;
    run(meter, t, c, 12, 4, 4); // 0.8 %: holes a careful eye sees in the trace
    EXPECT_EQ(meter.quality(), SignalQuality::SomeLoss);
    EXPECT_NEAR(meter.recent_loss_pct(), 0.8, 0.05);
    SignalQualityMeter rare;
    LinkCounters r;
    double u = 0;
    run(rare, u, r, 12, 0, 0);
    r.damaged += 1; // one bad frame in ten seconds: 0.01 %, still good
    rare.update(u + 0.25, r, true);
    EXPECT_EQ(rare.quality(), SignalQuality::Good);
}

TEST(SignalQuality, ANewLinkStartsAfresh) {
    SignalQualityMeter meter;
    double t = 0;
    LinkCounters c;
    run(meter, t, c, 12, 500);
    EXPECT_EQ(meter.quality(), SignalQuality::Poor);
    // Reconnected: the driver's counters start again from zero.
    LinkCounters fresh;
    run(meter, t, fresh, 1, 0);
    EXPECT_EQ(meter.quality(), SignalQuality::Good);
    EXPECT_EQ(meter.update(t + 1, fresh, false), SignalQuality::NotConnected);
    EXPECT_STREQ(to_words(SignalQuality::NotConnected), "not connected");
}
