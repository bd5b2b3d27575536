// The hold timer counts only time in band (brief excursions within the grace excepted), and
// the panel shows it.
#include <QtTest>

#include "TestSamples.h"
#include "algogui/HoldTimerPanel.h"
#include "algogui/LiveFeed.h"
#include "algogui/LivePanel.h"

using namespace algogui;

namespace {

// Counts the layout requests a widget receives.
class LayoutRequests : public QObject {
public:
    explicit LayoutRequests(QWidget& widget) { widget.installEventFilter(this); }
    int count = 0;

protected:
    bool eventFilter(QObject*, QEvent* event) override {
        if (event->type() == QEvent::LayoutRequest) ++count;
        return false;
    }
};

// Feeds a constant pressure at 100 Hz over [from_s, to_s).
void hold(LiveSession& model, double from_s, double to_s, double pressure_kpa) {
    for (int i = 0; from_s + i * 0.01 < to_s - 1e-9; ++i)
        model.add_sample(sample_at(from_s + i * 0.01, pressure_kpa));
}

LiveTargets ten_second_hold() {
    LiveTargets targets;
    targets.band_low_kpa = 300;
    targets.band_high_kpa = 400;
    targets.limit_kpa = 500;
    targets.hold_s = 10;
    targets.grace_s = 0.5;
    return targets;
}

} // namespace

class HoldTimerViewTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void CountsOnlyTimeInBand() {
        LiveFeed feed;
        feed.model().set_link(LinkState::Connected); // samples flow
        LivePanel panel(feed);
        panel.set_targets(ten_second_hold());
        LiveSession& model = feed.model();

        hold(model, 0.0, 2.0, 100); // below: nothing counts
        panel.show_frame();
        QCOMPARE(model.hold_timer().time_in_band_s(), 0.0);
        QCOMPARE(panel.hold_timer().in_band_text(), QStringLiteral("0:00"));

        hold(model, 2.0, 5.5, 350); // 3.5 s in band
        hold(model, 5.5, 7.5, 450); // 2 s above: longer than the grace, not counted
        panel.show_frame();
        QVERIFY(qAbs(model.hold_timer().time_in_band_s() - 3.5) < 0.02);
        QCOMPARE(panel.hold_timer().in_band_text(), QStringLiteral("0:03"));
        QVERIFY(panel.hold_timer().status_text().contains(QStringLiteral("out of band")));

        hold(model, 7.5, 8.5, 350); // 1 s back in band
        panel.show_frame();
        QVERIFY(qAbs(model.hold_timer().time_in_band_s() - 4.5) < 0.02);
        QCOMPARE(panel.hold_timer().in_band_text(), QStringLiteral("0:04"));
        QCOMPARE(panel.hold_timer().remaining_text(), QStringLiteral("0:06")); // 10 − 4.5, up
        QVERIFY(panel.hold_timer().elapsed_text() == QStringLiteral("0:06"));  // since 2.0 s
    }

    void ATremorShorterThanTheGraceStillCounts() {
        LiveFeed feed;
        feed.model().set_link(LinkState::Connected); // samples flow
        LivePanel panel(feed);
        panel.set_targets(ten_second_hold());
        LiveSession& model = feed.model();
        hold(model, 0.0, 2.0, 350);
        hold(model, 2.0, 2.2, 290); // 0.2 s dip below the band
        hold(model, 2.2, 3.0, 350);
        QVERIFY(qAbs(model.hold_timer().time_in_band_s() - 3.0) < 0.02);
    }

    void AStoppedHoldDoesNotCount() {
        LiveFeed feed;
        feed.model().set_link(LinkState::Connected); // samples flow
        LivePanel panel(feed);
        panel.set_targets(ten_second_hold());
        LiveSession& model = feed.model();
        hold(model, 0.0, 1.0, 350);
        model.stop_hold();
        hold(model, 1.0, 4.0, 350);
        panel.show_frame();
        QVERIFY(qAbs(model.hold_timer().time_in_band_s() - 1.0) < 0.02);
        QVERIFY(panel.hold_timer().status_text().contains(QStringLiteral("stopped")));
        model.start_hold(); // a fresh hold starts from zero
        hold(model, 4.0, 6.0, 350);
        QVERIFY(qAbs(model.hold_timer().time_in_band_s() - 2.0) < 0.02);
    }

    void CompletesAndCuesOnce() {
        LiveFeed feed;
        feed.model().set_link(LinkState::Connected); // samples flow
        LivePanel panel(feed);
        LiveTargets targets = ten_second_hold();
        targets.hold_s = 2;
        panel.set_targets(targets);
        LiveSession& model = feed.model();
        hold(model, 0.0, 3.0, 350);
        panel.show_frame();
        const std::vector<LiveCue> cues = model.take_cues();
        QCOMPARE(std::count(cues.begin(), cues.end(), LiveCue::HoldComplete), 1);
        QVERIFY(panel.hold_timer().status_text().contains(QStringLiteral("COMPLETE")));
    }

    // The times change every second and the status now and then; neither may make the window
    // lay itself out again (a relayout of the main window costs more than a whole frame).
    void ChangingTimesDoNotRelayoutTheWindow() {
        LiveFeed feed;
        feed.model().set_link(LinkState::Connected);
        LivePanel panel(feed);
        panel.set_targets(ten_second_hold());
        panel.resize(1000, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCoreApplication::processEvents();
        LayoutRequests requests(panel);
        LiveSession& model = feed.model();
        for (int frame = 0; frame < 5 * 60; ++frame) {
            const double t = frame / 60.0;
            hold(model, t, t + 1 / 60.0, frame < 60 ? 100 : frame < 200 ? 350 : 450);
            panel.show_frame();
            QCoreApplication::processEvents();
        }
        QVERIFY(panel.hold_timer().in_band_text() != QStringLiteral("0:00"));
        QCOMPARE(requests.count, 0);
    }
};

QTEST_MAIN(HoldTimerViewTest)
#include "HoldTimerViewTest.moc"
