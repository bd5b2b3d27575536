// The big readout shows the latest sample in each unit the user can choose, and no number
// at all without a live signal.
#include <QtTest>

#include "TestSamples.h"
#include "algogui/LiveFeed.h"
#include "algogui/LivePanel.h"
#include "algogui/PressureReadout.h"
#include "algogui/Theme.h"

using namespace algogui;

class ReadoutTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ShowsTheSampleValueInEachUnit_data() {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<double>("pressure_kpa");
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("symbol");
        // 250 kPa = 2.549 kgf/cm² = 25.0 N/cm² = 36.26 lbf/in² (psi).
        QTest::newRow("kPa") << "kpa" << 250.0 << "250"
                             << "kPa";
        QTest::newRow("kgf/cm2") << "kgf_cm2" << 250.0 << "2.55"
                                 << "kgf/cm²";
        QTest::newRow("N/cm2") << "n_cm2" << 250.0 << "25.0"
                               << "N/cm²";
        QTest::newRow("lbf/in2") << "lbf_in2" << 250.0 << "36.3"
                                 << "lbf/in²";
        QTest::newRow("kPa rounds") << "kpa" << 412.6 << "413"
                                    << "kPa";
        QTest::newRow("no negative zero") << "n_cm2" << -0.2 << "0.0"
                                          << "N/cm²";
    }
    void ShowsTheSampleValueInEachUnit() {
        QFETCH(QString, unit);
        QFETCH(double, pressure_kpa);
        QFETCH(QString, number);
        QFETCH(QString, symbol);
        LiveFeed feed;
        feed.model().set_link(LinkState::Connected); // samples flow
        LivePanel panel(feed);
        feed.model().add_sample(sample_at(0.5, 10.0));
        feed.model().add_sample(sample_at(1.0, pressure_kpa));
        panel.set_unit(display_unit(unit));
        panel.show_frame();
        QCOMPARE(panel.readout().number_text(), number);
        QCOMPARE(panel.readout().unit_text(), symbol);
    }

    void SaysNotConnectedBeforeAnyDeviceIsOpen() {
        LiveFeed feed;
        LivePanel panel(feed);
        panel.show_frame();
        QCOMPARE(panel.readout().number_text(), QString());
        QCOMPARE(panel.readout().state_text(), QStringLiteral("○ NOT CONNECTED"));
        QCOMPARE(panel.readout().state_colour(), theme::kNotConnected);
    }

    void SaysNoSignalWhileConnectingBeforeTheFirstSample() {
        LiveFeed feed;
        LivePanel panel(feed);
        feed.model().set_link(LinkState::Connecting);
        panel.show_frame();
        QCOMPARE(panel.readout().number_text(), QString());
        QCOMPARE(panel.readout().state_text(), QStringLiteral("✕ NO SIGNAL"));
        QCOMPARE(panel.readout().detail_text(), QStringLiteral("connecting…"));
        QCOMPARE(panel.readout().state_colour(), theme::kNoSignal);
    }

    // The number goes as soon as the signal does, and no digit is painted while it is gone.
    void DrawsNoNumberWithoutASignal() {
        LiveFeed feed;
        LivePanel panel(feed);
        panel.resize(1000, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        feed.model().set_link(LinkState::Connected);
        feed.model().add_sample(sample_at(1.0, 326.0));
        panel.show_frame();
        panel.readout().repaint();
        QCOMPARE(panel.readout().number_text(), QStringLiteral("326"));
        QVERIFY(panel.readout().number_painted());

        feed.model().set_link(LinkState::Reconnecting);
        panel.show_frame();
        panel.readout().repaint();
        QCOMPARE(panel.readout().number_text(), QString());
        QVERIFY(!panel.readout().number_painted());
        QCOMPARE(panel.readout().state_text(), QStringLiteral("✕ NO SIGNAL"));
        QVERIFY(panel.readout().detail_text().contains(QStringLiteral("reconnecting")));
    }

    void TakesAtLeastASixthOfTheWindowHeight() {
        LiveFeed feed;
        LivePanel panel(feed);
        panel.resize(1280, 760);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY2(panel.readout().height() * 6 >= panel.height(),
                 qPrintable(QStringLiteral("readout %1 px of %2")
                                .arg(panel.readout().height())
                                .arg(panel.height())));
    }
};

QTEST_MAIN(ReadoutTest)
#include "ReadoutTest.moc"
