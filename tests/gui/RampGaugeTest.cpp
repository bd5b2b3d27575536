// The ramp-rate gauge repaints only when the rate it writes changes, and on the Live page at
// most ten times a second however fast the rate moves; losing the signal shows at once.
#include <QPaintEvent>
#include <QtTest>
#include <cmath>

#include "TestSamples.h"
#include "algogui/LiveFeed.h"
#include "algogui/LivePanel.h"
#include "algogui/RampRateGauge.h"

using namespace algogui;

namespace {
// Counts the paint events a widget receives.
class Paints : public QObject {
public:
    explicit Paints(QWidget& widget) { widget.installEventFilter(this); }
    int count = 0;

protected:
    bool eventFilter(QObject*, QEvent* event) override {
        if (event->type() == QEvent::Paint) ++count;
        return false;
    }
};
} // namespace

class RampGaugeTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void RepaintsOnlyWhenTheWrittenRateChanges() {
        RampRateGauge gauge;
        gauge.resize(400, 100);
        gauge.show();
        QVERIFY(QTest::qWaitForWindowExposed(&gauge));
        gauge.show_rate(60.2, true);
        QCoreApplication::processEvents();
        Paints paints(gauge);
        gauge.show_rate(59.6, true); // still "60 kPa/s"
        QCoreApplication::processEvents();
        QCOMPARE(paints.count, 0);
        QVERIFY(gauge.rate_text().startsWith(QStringLiteral("60 kPa/s")));
        gauge.show_rate(61.0, true);
        QCoreApplication::processEvents();
        QCOMPARE(paints.count, 1);
        gauge.show_rate(61.0, false); // the ramp ended: the verdict changes
        QCoreApplication::processEvents();
        QCOMPARE(paints.count, 2);
        QCOMPARE(gauge.verdict_text(), QStringLiteral("no ramp under way"));
    }

    void TheLivePageUpdatesItAtMostTenTimesASecond() {
        LiveFeed feed;
        feed.model().set_link(LinkState::Connected);
        LivePanel panel(feed);
        panel.resize(1000, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        Paints paints(panel.ramp_gauge());
        // Two seconds of a ramp whose rate wanders from frame to frame, 60 frames a second.
        for (int frame = 0; frame < 120; ++frame) {
            for (int i = 0; i < 16; ++i) {
                const double t = frame / 60.0 + i / 1000.0;
                feed.model().add_sample(
                    sample_at(t, 20 + 60 * t + 3 * std::sin(2 * M_PI * 11 * t)));
            }
            feed.model().set_now_s(frame / 60.0 + 0.016);
            panel.show_frame();
            QCoreApplication::processEvents();
        }
        QVERIFY2(paints.count >= 5 && paints.count <= 21,
                 qPrintable(QString::number(paints.count)));
        QVERIFY(!panel.ramp_gauge().rate_text().startsWith(QChar(0x2014)));

        feed.model().set_link(LinkState::Reconnecting); // at once, whatever the last update
        panel.show_frame();
        QVERIFY(panel.ramp_gauge().rate_text().startsWith(QChar(0x2014)));
    }
};

QTEST_MAIN(RampGaugeTest)
#include "RampGaugeTest.moc"
