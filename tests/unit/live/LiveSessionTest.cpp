// The live session knows whether its number stands for the pressure now: a lost link or a
// silent device turns it to NO SIGNAL, no device open is NOT CONNECTED, and the hold timer,
// the rate and the trace do not carry on across a gap in the signal. Headless: no Qt.
#include <gtest/gtest.h>

#include <algorithm>

#include "algocore/LinkEvent.h"
#include "algocore/acquisition/Acquisition.h"
#include "algocore/live/LiveSession.h"
#include "algocore/protocols/DoseMetrics.h"
#include "algocore/protocols/PptTrial.h"
#include "algocore/protocols/ProbeContact.h"

using namespace algocore::live;
using algocore::protocols::BandState;

namespace {

algocore::Sample sample_at(double t_s, double pressure_kpa) {
    algocore::Sample s;
    s.t_s = t_s;
    s.pressure_kpa = pressure_kpa;
    s.force_n = pressure_kpa / 10.0; // 1 cm² tip
    return s;
}

// Feeds a constant pressure at 100 Hz over [from_s, to_s), with the clock following.
void hold(LiveSession& model, double from_s, double to_s, double pressure_kpa) {
    for (int i = 0; from_s + i * 0.01 < to_s - 1e-9; ++i) {
        model.add_sample(sample_at(from_s + i * 0.01, pressure_kpa));
        model.set_now_s(from_s + i * 0.01);
    }
}

LiveTargets band_300_400_hold_10s() {
    LiveTargets targets;
    targets.band_low_kpa = 300;
    targets.band_high_kpa = 400;
    targets.limit_kpa = 500;
    targets.hold_s = 10;
    targets.grace_s = 0.5;
    return targets;
}

int breaks_in(std::span<const TracePoint> points) {
    return static_cast<int>(std::count_if(points.begin(), points.end(),
                                          [](const TracePoint& p) { return p.is_break(); }));
}

} // namespace

TEST(LiveSession, IsNotConnectedUntilADeviceIsOpen) {
    LiveSession model;
    EXPECT_EQ(model.signal_state(), SignalState::NotConnected);
    model.add_sample(sample_at(1.0, 326)); // a sample alone does not make a link
    EXPECT_EQ(model.signal_state(), SignalState::NotConnected);
    model.set_link(LinkState::Failed);
    EXPECT_EQ(model.signal_state(), SignalState::NotConnected);
}

TEST(LiveSession, IsLiveWhileTheNewestSampleIsFresh) {
    LiveSession model;
    model.set_link(LinkState::Connected);
    EXPECT_EQ(model.signal_state(), SignalState::NoSignal); // connected, nothing yet
    model.add_sample(sample_at(10.0, 326));
    EXPECT_EQ(model.signal_state(), SignalState::Live);
    model.set_now_s(10.0 + LiveSignal::kNoSignalAfterS - 0.01);
    EXPECT_EQ(model.signal_state(), SignalState::Live);
    model.set_now_s(10.0 + LiveSignal::kNoSignalAfterS + 0.01);
    EXPECT_EQ(model.signal_state(), SignalState::NoSignal);
    model.add_sample(sample_at(10.5, 320)); // the device talks again
    EXPECT_EQ(model.signal_state(), SignalState::Live);
}

TEST(LiveSession, TheThresholdLeavesRoomForAFrameAndAPaintWithinHalfASecond) {
    EXPECT_TRUE(LiveSignal::kNoSignalAfterS + 0.016 + 0.05 <= 0.5);
}

TEST(LiveSession, ALostLinkIsNoSignalAtOnceEvenWithAFreshSample) {
    for (LinkState lost : {LinkState::Reconnecting, LinkState::Disconnected}) {
        LiveSession model;
        model.set_link(LinkState::Connected);
        model.add_sample(sample_at(1.0, 326));
        model.set_link(lost);
        EXPECT_EQ(model.signal_state(), SignalState::NoSignal);
        EXPECT_FALSE(model.probe_on_skin());
    }
}

TEST(LiveSession, AManualDisconnectIsNotConnected) {
    LiveSession model;
    model.set_link(LinkState::Connected);
    model.add_sample(sample_at(1.0, 326));
    model.set_link(LinkState::NotConnected);
    EXPECT_EQ(model.signal_state(), SignalState::NotConnected);
}

TEST(LiveSession, LinkStateFollowsTheAcquisitionAndItsEvents) {
    using Link = algocore::AcquisitionStatus::Link;
    algocore::AcquisitionStatus status;
    const std::pair<Link, LinkState> cases[] = {{Link::Connecting, LinkState::Connecting},
                                                {Link::Connected, LinkState::Connected},
                                                {Link::Reconnecting, LinkState::Reconnecting},
                                                {Link::Disconnected, LinkState::Disconnected},
                                                {Link::Ended, LinkState::Disconnected}};
    for (const auto& [link, expected] : cases) {
        status.link = link;
        EXPECT_EQ(link_state_of(status), expected);
    }
    algocore::LinkEvent event;
    event.kind = algocore::LinkEvent::Kind::Disconnected;
    EXPECT_EQ(link_state_after(event), std::optional<LinkState>(LinkState::Disconnected));
    event.kind = algocore::LinkEvent::Kind::Connected;
    EXPECT_EQ(link_state_after(event), std::optional<LinkState>(LinkState::Connected));
    event.kind = algocore::LinkEvent::Kind::Info;
    EXPECT_FALSE(link_state_after(event).has_value());
}

// Unplugged for 3 s in the band and plugged back in the band: the 3 s are not held time.
TEST(LiveSession, TheHoldTimerDoesNotCountAGapInTheSignal) {
    LiveSession model;
    model.set_targets(band_300_400_hold_10s());
    model.set_link(LinkState::Connected);
    hold(model, 0.0, 2.0, 350);
    model.set_link(LinkState::Reconnecting);
    model.set_now_s(4.0);
    model.set_link(LinkState::Connected);
    algocore::Sample back = sample_at(5.0, 350);
    back.flags |= algocore::kGapBefore;
    model.add_sample(back);
    hold(model, 5.01, 6.0, 350);
    EXPECT_NEAR(model.hold_timer().time_in_band_s(), 2.98, 0.03);
    EXPECT_EQ(model.hold_timer().excursions(), 0); // a gap is not the therapist's slip
}

// A device that stops for a second without the link noticing is a gap all the same.
TEST(LiveSession, ASilenceLongerThanTheThresholdIsAGapToo) {
    LiveSession model;
    model.set_targets(band_300_400_hold_10s());
    model.set_link(LinkState::Connected);
    hold(model, 0.0, 2.0, 350);
    hold(model, 3.0, 4.0, 350); // no flag, no link event: just a 1 s silence
    EXPECT_NEAR(model.hold_timer().time_in_band_s(), 2.98, 0.03);
    EXPECT_EQ(breaks_in(model.history().points()), 1);
}

TEST(LiveSession, TheTraceBreaksAtAFlaggedGap) {
    LiveSession model;
    model.set_link(LinkState::Connected);
    hold(model, 0.0, 1.0, 100);
    algocore::Sample after = sample_at(1.0, 300); // on time, but samples were lost
    after.flags |= algocore::kGapBefore;
    model.add_sample(after);
    const auto points = model.history().points();
    EXPECT_EQ(breaks_in(points), 1);
    EXPECT_TRUE(points[points.size() - 2].is_break());
    EXPECT_EQ(points.back().pressure_kpa, 300.0);
}

TEST(LiveSession, TheRampRateStartsAfreshAfterAGap) {
    LiveSession model;
    model.set_link(LinkState::Connected);
    for (int i = 0; i < 100; ++i)
        model.add_sample(sample_at(i * 0.01, 50.0 * i * 0.01));
    EXPECT_TRUE(model.ramp_rate_kpa_s().has_value());
    algocore::Sample after = sample_at(3.0, 10);
    after.flags |= algocore::kGapBefore;
    model.add_sample(after);
    EXPECT_FALSE(model.ramp_rate_kpa_s().has_value());
}

TEST(LiveSession, TheProbeIsOnTheSkinFromTheContactPressure) {
    LiveSession model;
    model.set_link(LinkState::Connected);
    model.add_sample(sample_at(1.0, algocore::protocols::kProbeOnSkinKpa - 1));
    EXPECT_FALSE(model.probe_on_skin());
    model.add_sample(sample_at(1.01, algocore::protocols::kProbeOnSkinKpa + 1));
    EXPECT_TRUE(model.probe_on_skin());
    model.set_now_s(2.0); // stale
    EXPECT_FALSE(model.probe_on_skin());
}

// One contact pressure for everyone: at the pressure where a PPT ramp starts and a hold's
// dose counts contact, the live view (and the coach) calls the probe on the skin too (the
// live view once said 15 kPa while everything else said 10).
TEST(LiveSession, TheLiveViewTheRampAndTheDoseAgreeWhenTheProbeIsOnTheSkin) {
    namespace protocols = algocore::protocols;
    const double on_kpa = protocols::kProbeOnSkinKpa;
    LiveSession model;
    model.set_link(LinkState::Connected);
    model.add_sample(sample_at(1.0, on_kpa));
    EXPECT_TRUE(model.probe_on_skin());

    protocols::PptTrial trial(protocols::PptPreset::dfns());
    trial.arm();
    trial.feed(sample_at(0.9, 0.0));
    trial.feed(sample_at(1.0, on_kpa));
    EXPECT_TRUE(trial.ramp_started());
    EXPECT_DOUBLE_EQ(trial.result().ramp_start_t_s, 1.0);

    const std::vector<algocore::Sample> hold{sample_at(0.0, on_kpa), sample_at(1.0, on_kpa),
                                             sample_at(2.0, 0.0)};
    const auto dose = protocols::measure_dose(hold, protocols::PressureBand{5, 20}, 0.5);
    EXPECT_DOUBLE_EQ(dose.contact_s, 2.0);
}

TEST(LiveSession, BandStateIsStillComputedButNotLive) {
    LiveSession model;
    model.set_targets(band_300_400_hold_10s());
    model.set_link(LinkState::Connected);
    model.add_sample(sample_at(1.0, 350));
    EXPECT_EQ(model.band_state(), BandState::InBand);
    model.set_link(LinkState::Reconnecting);
    EXPECT_EQ(model.signal_state(), SignalState::NoSignal);
}
