// The live model knows whether its number stands for the pressure now: a lost link or a
// silent device turns it to NO SIGNAL, no device open is NOT CONNECTED, and the hold timer,
// the rate and the trace do not carry on across a gap in the signal.
#include <QtTest>

#include "TestSamples.h"
#include "algocore/LinkEvent.h"
#include "algocore/acquisition/Acquisition.h"
#include "algogui/LiveModel.h"
#include "algogui/LiveSignal.h"

using namespace algogui;
using algocore::protocols::BandState;

namespace {

// Feeds a constant pressure at 100 Hz over [from_s, to_s), with the clock following.
void hold(LiveModel& model, double from_s, double to_s, double pressure_kpa) {
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

class SignalStateTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void IsNotConnectedUntilADeviceIsOpen() {
        LiveModel model;
        QCOMPARE(model.signal_state(), SignalState::NotConnected);
        model.add_sample(sample_at(1.0, 326)); // a sample alone does not make a link
        QCOMPARE(model.signal_state(), SignalState::NotConnected);
        model.set_link(LinkState::Failed);
        QCOMPARE(model.signal_state(), SignalState::NotConnected);
    }

    void IsLiveWhileTheNewestSampleIsFresh() {
        LiveModel model;
        model.set_link(LinkState::Connected);
        QCOMPARE(model.signal_state(), SignalState::NoSignal); // connected, nothing yet
        model.add_sample(sample_at(10.0, 326));
        QCOMPARE(model.signal_state(), SignalState::Live);
        model.set_now_s(10.0 + LiveSignal::kNoSignalAfterS - 0.01);
        QCOMPARE(model.signal_state(), SignalState::Live);
        model.set_now_s(10.0 + LiveSignal::kNoSignalAfterS + 0.01);
        QCOMPARE(model.signal_state(), SignalState::NoSignal);
        model.add_sample(sample_at(10.5, 320)); // the device talks again
        QCOMPARE(model.signal_state(), SignalState::Live);
    }

    void TheThresholdLeavesRoomForAFrameAndAPaintWithinHalfASecond() {
        QVERIFY(LiveSignal::kNoSignalAfterS + 0.016 + 0.05 <= 0.5);
    }

    void ALostLinkIsNoSignalAtOnceEvenWithAFreshSample() {
        for (LinkState lost : {LinkState::Reconnecting, LinkState::Disconnected}) {
            LiveModel model;
            model.set_link(LinkState::Connected);
            model.add_sample(sample_at(1.0, 326));
            model.set_link(lost);
            QCOMPARE(model.signal_state(), SignalState::NoSignal);
            QVERIFY(!model.probe_on_skin());
        }
    }

    void AManualDisconnectIsNotConnected() {
        LiveModel model;
        model.set_link(LinkState::Connected);
        model.add_sample(sample_at(1.0, 326));
        model.set_link(LinkState::NotConnected);
        QCOMPARE(model.signal_state(), SignalState::NotConnected);
    }

    void LinkStateFollowsTheAcquisitionAndItsEvents() {
        using Link = algocore::AcquisitionStatus::Link;
        algocore::AcquisitionStatus status;
        const std::pair<Link, LinkState> cases[] = {{Link::Connecting, LinkState::Connecting},
                                                    {Link::Connected, LinkState::Connected},
                                                    {Link::Reconnecting, LinkState::Reconnecting},
                                                    {Link::Disconnected, LinkState::Disconnected},
                                                    {Link::Ended, LinkState::Disconnected}};
        for (const auto& [link, expected] : cases) {
            status.link = link;
            QCOMPARE(link_state_of(status), expected);
        }
        algocore::LinkEvent event;
        event.kind = algocore::LinkEvent::Kind::Disconnected;
        QCOMPARE(link_state_after(event), std::optional<LinkState>(LinkState::Disconnected));
        event.kind = algocore::LinkEvent::Kind::Connected;
        QCOMPARE(link_state_after(event), std::optional<LinkState>(LinkState::Connected));
        event.kind = algocore::LinkEvent::Kind::Info;
        QVERIFY(!link_state_after(event).has_value());
    }

    // Unplugged for 3 s in the band and plugged back in the band: the 3 s are not held time.
    void TheHoldTimerDoesNotCountAGapInTheSignal() {
        LiveModel model;
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
        QVERIFY2(qAbs(model.hold_timer().time_in_band_s() - 2.98) < 0.03,
                 qPrintable(QString::number(model.hold_timer().time_in_band_s())));
        QCOMPARE(model.hold_timer().excursions(), 0); // a gap is not the therapist's slip
    }

    // A device that stops for a second without the link noticing is a gap all the same.
    void ASilenceLongerThanTheThresholdIsAGapToo() {
        LiveModel model;
        model.set_targets(band_300_400_hold_10s());
        model.set_link(LinkState::Connected);
        hold(model, 0.0, 2.0, 350);
        hold(model, 3.0, 4.0, 350); // no flag, no link event: just a 1 s silence
        QVERIFY2(qAbs(model.hold_timer().time_in_band_s() - 2.98) < 0.03,
                 qPrintable(QString::number(model.hold_timer().time_in_band_s())));
        QCOMPARE(breaks_in(model.history().points()), 1);
    }

    void TheTraceBreaksAtAFlaggedGap() {
        LiveModel model;
        model.set_link(LinkState::Connected);
        hold(model, 0.0, 1.0, 100);
        algocore::Sample after = sample_at(1.0, 300); // on time, but samples were lost
        after.flags |= algocore::kGapBefore;
        model.add_sample(after);
        const auto points = model.history().points();
        QCOMPARE(breaks_in(points), 1);
        QVERIFY(points[points.size() - 2].is_break());
        QCOMPARE(points.back().pressure_kpa, 300.0);
    }

    void TheRampRateStartsAfreshAfterAGap() {
        LiveModel model;
        model.set_link(LinkState::Connected);
        for (int i = 0; i < 100; ++i)
            model.add_sample(sample_at(i * 0.01, 50.0 * i * 0.01));
        QVERIFY(model.ramp_rate_kpa_s().has_value());
        algocore::Sample after = sample_at(3.0, 10);
        after.flags |= algocore::kGapBefore;
        model.add_sample(after);
        QVERIFY(!model.ramp_rate_kpa_s().has_value());
    }

    void TheProbeIsOnTheSkinFromTheContactPressure() {
        LiveModel model;
        model.set_link(LinkState::Connected);
        model.add_sample(sample_at(1.0, LiveModel::kContactKpa - 1));
        QVERIFY(!model.probe_on_skin());
        model.add_sample(sample_at(1.01, LiveModel::kContactKpa + 1));
        QVERIFY(model.probe_on_skin());
        model.set_now_s(2.0); // stale
        QVERIFY(!model.probe_on_skin());
    }

    void BandStateIsStillComputedButNotLive() {
        LiveModel model;
        model.set_targets(band_300_400_hold_10s());
        model.set_link(LinkState::Connected);
        model.add_sample(sample_at(1.0, 350));
        QCOMPARE(model.band_state(), BandState::InBand);
        model.set_link(LinkState::Reconnecting);
        QCOMPARE(model.signal_state(), SignalState::NoSignal);
    }
};

QTEST_MAIN(SignalStateTest)
#include "SignalStateTest.moc"
