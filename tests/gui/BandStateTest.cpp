// The band state changes at the band's edges, in words and in colour.
#include <QtTest>

#include "TestSamples.h"
#include "algogui/LiveFeed.h"
#include "algogui/LivePanel.h"
#include "algogui/PressureReadout.h"
#include "algogui/Theme.h"

using namespace algogui;

class BandStateTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void StateTextAndColourChangeAtTheEdges_data() {
        QTest::addColumn<double>("pressure_kpa");
        QTest::addColumn<QString>("word");
        QTest::addColumn<QColor>("colour");
        // Band 300–400 kPa (edges inclusive), limit 500 kPa.
        QTest::newRow("just below") << 299.9 << "▼ BELOW" << theme::kBelow;
        QTest::newRow("low edge") << 300.0 << "● IN BAND" << theme::kInBand;
        QTest::newRow("high edge") << 400.0 << "● IN BAND" << theme::kInBand;
        QTest::newRow("just above") << 400.1 << "▲ ABOVE" << theme::kAbove;
        QTest::newRow("below limit") << 499.9 << "▲ ABOVE" << theme::kAbove;
        QTest::newRow("at limit") << 500.0 << "⚠ OVER LIMIT" << theme::kOverLimit;
    }
    void StateTextAndColourChangeAtTheEdges() {
        QFETCH(double, pressure_kpa);
        QFETCH(QString, word);
        QFETCH(QColor, colour);
        LiveFeed feed;
        feed.model().set_link(LinkState::Connected); // samples flow
        LivePanel panel(feed);
        LiveTargets targets;
        targets.band_low_kpa = 300;
        targets.band_high_kpa = 400;
        targets.limit_kpa = 500;
        panel.set_targets(targets);
        feed.model().add_sample(sample_at(1.0, pressure_kpa));
        panel.show_frame();
        QCOMPARE(panel.readout().state_text(), word);
        QCOMPARE(panel.readout().state_colour(), colour);
    }

    void EveryStateHasItsOwnColourAndWord() {
        QStringList words;
        QList<QRgb> colours;
        for (auto state :
             {algocore::protocols::BandState::Below, algocore::protocols::BandState::InBand,
              algocore::protocols::BandState::Above, algocore::protocols::BandState::OverLimit}) {
            const BandStyle style = band_style(state);
            QVERIFY(!words.contains(style.label()));
            QVERIFY(!colours.contains(style.colour.rgb()));
            words << style.label();
            colours << style.colour.rgb();
        }
    }
};

QTEST_MAIN(BandStateTest)
#include "BandStateTest.moc"
