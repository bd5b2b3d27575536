// Every symbol the live view and the coach view write is drawn by DejaVu Sans, the one font
// family a minimal Debian 12 install has (fonts-dejavu-core): no empty boxes. The pause sign
// U+23F8 was one (DejaVu has no glyph for it); this test names any such character.
#include <QRawFont>
#include <QtTest>

#include "TestSamples.h"
#include "algogui/BandStyle.h"
#include "algogui/CoachPrompt.h"
#include "algogui/CoachView.h"
#include "algogui/HoldTimerPanel.h"
#include "algogui/LiveState.h"
#include "algogui/RampRateGauge.h"

using namespace algogui;
using algocore::protocols::BandState;
using algocore::protocols::HoldTimer;

namespace {

// Characters of `text` that the font cannot draw, as "U+XXXX" each.
QStringList missing(const QRawFont& font, const QString& text) {
    QStringList out;
    for (const uint c : text.toUcs4()) {
        if (c > 0x7f && !font.supportsCharacter(c))
            out << QStringLiteral("U+%1 in '%2'").arg(c, 4, 16, QChar('0')).arg(text);
    }
    return out;
}

// Status lines of the hold timer in each of its states.
QStringList hold_timer_statuses() {
    QStringList out;
    HoldTimerPanel panel;
    auto status = [&](const HoldTimer& timer, bool running, SignalState signal) {
        panel.show_timer(timer, running, signal);
        out << panel.status_text();
    };
    algocore::protocols::HoldTimerConfig config;
    config.hold_s = 10;
    config.grace_s = 0.5;
    HoldTimer timer(config);
    status(timer, true, SignalState::Live);  // waiting
    status(timer, false, SignalState::Live); // stopped
    status(timer, true, SignalState::NoSignal);
    status(timer, true, SignalState::NotConnected);
    timer.update(0.0, BandState::InBand);
    timer.update(1.0, BandState::InBand);
    status(timer, true, SignalState::Live); // counting
    timer.update(1.2, BandState::Above);
    status(timer, true, SignalState::Live); // grace
    timer.update(3.0, BandState::Above);
    status(timer, true, SignalState::Live); // paused out of band
    timer.update(3.1, BandState::InBand);
    timer.update(20.0, BandState::InBand);
    status(timer, true, SignalState::Live); // complete
    return out;
}

QStringList coach_texts() {
    QStringList out;
    CoachView view;
    const DisplayUnit kpa = display_unit(QStringLiteral("kpa"));
    for (LinkState link : {LinkState::NotConnected, LinkState::Connecting, LinkState::Connected,
                           LinkState::Reconnecting, LinkState::Disconnected, LinkState::Failed}) {
        LiveSession model;
        model.set_link(link);
        model.add_sample(sample_at(1.0, 350));
        view.show_frame(model, kpa);
        out << view.link_text() << view.timer_text();
    }
    for (const CoachPrompt& prompt :
         {CoachPrompt::take_up_slack(), CoachPrompt::step_up(350), CoachPrompt::over_limit(),
          CoachPrompt::hold_complete(), CoachPrompt::time_limit(), CoachPrompt::stretch(30),
          CoachPrompt::rest(60, 2, 3)})
        out << prompt.words(kpa);
    return out;
}

} // namespace

class GlyphCoverageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void EverySymbolIsInDejaVuSans_data() {
        QTest::addColumn<bool>("bold");
        QTest::newRow("regular") << false;
        QTest::newRow("bold") << true; // the readout, the states and the prompts are bold
    }
    void EverySymbolIsInDejaVuSans() {
        QFETCH(bool, bold);
        QFont dejavu(QStringLiteral("DejaVu Sans"));
        dejavu.setBold(bold);
        const QRawFont font = QRawFont::fromFont(dejavu);
        QVERIFY2(font.isValid() && font.familyName() == QStringLiteral("DejaVu Sans"),
                 "DejaVu Sans (fonts-dejavu-core) must be installed");

        QStringList texts;
        for (BandState state :
             {BandState::Below, BandState::InBand, BandState::Above, BandState::OverLimit})
            texts << band_style(state).label();
        texts << no_signal_style().label() << not_connected_style().label()
              << no_band_style().label();
        for (LinkState link : {LinkState::NotConnected, LinkState::Connecting, LinkState::Connected,
                               LinkState::Reconnecting, LinkState::Disconnected, LinkState::Failed})
            texts << link_words(link);
        texts << hold_timer_statuses() << coach_texts();
        RampRateGauge gauge;
        for (auto [rate, ramping] : {std::pair{std::optional<double>{}, false},
                                     std::pair{std::optional<double>{10.0}, true},
                                     std::pair{std::optional<double>{60.0}, true},
                                     std::pair{std::optional<double>{200.0}, true},
                                     std::pair{std::optional<double>{60.0}, false}}) {
            gauge.show_rate(rate, ramping);
            texts << gauge.rate_text() << gauge.verdict_text();
        }
        for (const DisplayUnit& unit : display_units())
            texts << unit.symbol;

        QStringList problems;
        for (const QString& text : texts)
            problems << missing(font, text);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    }

    void ThePauseSignIsNotAmongThem() {
        // The test above must be able to fail: DejaVu really lacks U+23F8.
        const QRawFont font = QRawFont::fromFont(QFont(QStringLiteral("DejaVu Sans")));
        QVERIFY(!missing(font, QStringLiteral("⏸ Paused")).isEmpty());
    }
};

QTEST_MAIN(GlyphCoverageTest)
#include "GlyphCoverageTest.moc"
