// The big readout shows the latest sample in each unit the user can choose, and no number
// at all without a live signal.
#include <QPaintEvent>
#include <QScreen>
#include <QtTest>

#include "TestSamples.h"
#include "algogui/LiveFeed.h"
#include "algogui/LivePanel.h"
#include "algogui/PressureReadout.h"
#include "algogui/Theme.h"

using namespace algogui;

namespace {
// Records the region of every paint event a widget receives.
class PaintRegions : public QObject {
public:
    explicit PaintRegions(QWidget& widget) { widget.installEventFilter(this); }
    QList<QRegion> regions;

protected:
    bool eventFilter(QObject*, QEvent* event) override {
        if (event->type() == QEvent::Paint) regions << static_cast<QPaintEvent*>(event)->region();
        return false;
    }
};
} // namespace

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

    // A new reading repaints only the digits that changed, and what reaches the screen after
    // many such partial repaints (and changes of state) is exactly what a full repaint draws.
    void RepaintsOnlyChangedDigitsAndStillMatchesAFullRepaint() {
        PressureReadout readout;
        readout.resize(480, 320);
        readout.show();
        QVERIFY(QTest::qWaitForWindowExposed(&readout));
        PaintRegions painted(readout);
        const DisplayUnit kpa = display_unit(QStringLiteral("kpa"));
        const BandStyle below = band_style(algocore::protocols::BandState::Below);
        readout.show_reading(kpa.format(321), kpa.symbol, below);
        QCoreApplication::processEvents();
        painted.regions.clear();
        readout.show_reading(kpa.format(322), kpa.symbol, below);
        QCoreApplication::processEvents();
        QCOMPARE(painted.regions.size(), qsizetype{1});
        const QRect last_digit = painted.regions.front().boundingRect();
        QVERIFY2(last_digit.width() * 5 < readout.width(),
                 qPrintable(QStringLiteral("repainted %1 px of %2")
                                .arg(last_digit.width())
                                .arg(readout.width())));

        const double readings[] = {322, 329, 330, 299, 301, 350, 412, 99, 100, 7, 512, 498};
        for (const double kpa_now : readings) {
            const auto state = kpa_now >= 500   ? algocore::protocols::BandState::OverLimit
                               : kpa_now > 400  ? algocore::protocols::BandState::Above
                               : kpa_now >= 300 ? algocore::protocols::BandState::InBand
                                                : algocore::protocols::BandState::Below;
            readout.show_reading(kpa.format(kpa_now), kpa.symbol, band_style(state));
            QCoreApplication::processEvents();
        }
        const QImage on_screen = readout.screen()
                                     ->grabWindow(readout.winId())
                                     .toImage()
                                     .convertToFormat(QImage::Format_RGB32);
        const QImage full = readout.grab().toImage().convertToFormat(QImage::Format_RGB32);
        QCOMPARE(on_screen.size(), full.size());
        int differ = 0;
        for (int y = 0; y < full.height(); ++y)
            for (int x = 0; x < full.width(); ++x)
                differ += on_screen.pixel(x, y) != full.pixel(x, y);
        QCOMPARE(differ, 0);
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
