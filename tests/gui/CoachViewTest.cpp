// The coach view shows every treatment prompt in the chosen unit, drops the prompts about
// pressing when the probe leaves the skin, and shows the link state; without a signal it
// shows no number and no verdict.
#include <QLabel>
#include <QtTest>

#include "TestSamples.h"
#include "algocore/protocols/ProbeContact.h"
#include "algogui/BandBar.h"
#include "algogui/CoachView.h"
#include "algogui/LiveState.h"
#include "algogui/PressureReadout.h"
#include "algogui/Theme.h"

using namespace algogui;

namespace {

LiveSession pressing_at(double pressure_kpa) {
    LiveSession model;
    model.set_link(LinkState::Connected);
    model.add_sample(sample_at(1.0, pressure_kpa));
    return model;
}

} // namespace

class CoachViewTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ShowsEveryTreatmentPrompt_data() {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("words");
        QTest::addColumn<QColor>("colour");
        QTest::newRow("take up the slack") << 0 << "▲ TAKE UP THE SLACK" << theme::kAbove;
        QTest::newRow("step-up") << 1 << "✔ STEPPED UP TO 380 kPa: HOLD" << theme::kInBand;
        QTest::newRow("over limit") << 2 << "⚠ OVER LIMIT: EASE OFF" << theme::kOverLimit;
        QTest::newRow("hold complete") << 3 << "✔ HOLD COMPLETE: RELEASE" << theme::kInBand;
        QTest::newRow("stretch") << 4 << "STRETCH NOW  0:30" << theme::kBelow;
        QTest::newRow("rest") << 5 << "REST  1:00 · then hold 2 of 3" << theme::kNotConnected;
    }
    void ShowsEveryTreatmentPrompt() {
        QFETCH(int, which);
        QFETCH(QString, words);
        QFETCH(QColor, colour);
        const CoachPrompt prompts[] = {CoachPrompt::take_up_slack(), CoachPrompt::step_up(380),
                                       CoachPrompt::over_limit(),    CoachPrompt::hold_complete(),
                                       CoachPrompt::stretch(29.2),   CoachPrompt::rest(60.0, 2, 3)};
        CoachView view;
        LiveSession model = pressing_at(350);
        view.show_frame(model, display_unit(QStringLiteral("kpa")));
        view.show_prompt(prompts[which]);
        view.show_frame(model, display_unit(QStringLiteral("kpa")));
        QVERIFY(view.prompt_visible());
        QCOMPARE(view.prompt_text(), words);
        QCOMPARE(prompts[which].colour, colour);
        view.clear_prompt();
        QVERIFY(!view.prompt_visible());
        QCOMPARE(view.prompt_text(), QString());
    }

    void APromptsPressureFollowsTheChosenUnit() {
        CoachView view;
        LiveSession model = pressing_at(350);
        view.show_prompt(CoachPrompt::step_up(380));
        view.show_frame(model, display_unit(QStringLiteral("kgf_cm2")));
        QCOMPARE(view.prompt_text(), QStringLiteral("✔ STEPPED UP TO 3.87 kgf/cm²: HOLD"));
        QCOMPARE(view.readout().unit_text(), QStringLiteral("kgf/cm²"));
        QCOMPARE(view.readout().number_text(), QStringLiteral("3.57"));
    }

    void PromptsAboutPressingVanishWhenTheProbeLeavesTheSkin() {
        CoachView view;
        const DisplayUnit kpa = display_unit(QStringLiteral("kpa"));
        LiveSession model = pressing_at(350);
        view.show_prompt(CoachPrompt::take_up_slack());
        view.show_frame(model, kpa);
        QVERIFY(view.prompt_visible());
        model.add_sample(
            sample_at(1.1, algocore::protocols::kProbeOnSkinKpa + 1)); // light, still on
        view.show_frame(model, kpa);
        QVERIFY(view.prompt_visible());
        model.add_sample(sample_at(1.2, 2.0)); // lifted off
        view.show_frame(model, kpa);
        QVERIFY(!view.prompt_visible());

        // Stretch and rest prompts are for the time off the skin: they stay.
        view.show_prompt(CoachPrompt::rest(30.0, 2, 3));
        view.show_frame(model, kpa);
        QVERIFY(view.prompt_visible());
    }

    void PromptsAboutPressingVanishWithTheSignal() {
        CoachView view;
        const DisplayUnit kpa = display_unit(QStringLiteral("kpa"));
        LiveSession model = pressing_at(350);
        view.show_prompt(CoachPrompt::over_limit());
        model.set_link(LinkState::Reconnecting);
        view.show_frame(model, kpa);
        QVERIFY(!view.prompt_visible());
    }

    void ShowsTheLinkStateAndNoNumberWithoutASignal() {
        CoachView view;
        view.resize(1024, 640);
        const DisplayUnit kpa = display_unit(QStringLiteral("kpa"));
        LiveSession model = pressing_at(350);
        view.show_frame(model, kpa);
        QCOMPARE(view.link_text(), QStringLiteral("● connected"));
        QCOMPARE(view.readout().number_text(), QStringLiteral("350"));
        QVERIFY(view.band_bar().shows_pressure());
        QVERIFY(!view.timer_text().contains(QStringLiteral("paused")));

        model.set_link(LinkState::Reconnecting);
        view.show_frame(model, kpa);
        QCOMPARE(view.link_text(), QStringLiteral("✕ device lost: reconnecting…"));
        QCOMPARE(view.readout().number_text(), QString());
        QCOMPARE(view.readout().state_text(), QStringLiteral("✕ NO SIGNAL"));
        QVERIFY(!view.band_bar().shows_pressure());
        QCOMPARE(view.band_bar().state_text(), QStringLiteral("NO SIGNAL"));
        QVERIFY(view.timer_text().contains(QStringLiteral("paused")));

        model.set_link(LinkState::NotConnected);
        view.show_frame(model, kpa);
        QCOMPARE(view.link_text(), QStringLiteral("○ not connected"));
        QCOMPARE(view.readout().state_text(), QStringLiteral("○ NOT CONNECTED"));
        QCOMPARE(view.band_bar().state_text(), QStringLiteral("NOT CONNECTED"));
    }

    // The smallest screen we support: the longest prompt and the paused timer line fit whole.
    void TextsFitOnA1024By640Screen() {
        CoachView view;
        view.resize(1024, 640);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        LiveSession model = pressing_at(350);
        view.show_prompt(CoachPrompt::rest(599, 3, 3));
        model.set_link(LinkState::Reconnecting);
        view.show_frame(model, display_unit(QStringLiteral("lbf_in2")));
        QCoreApplication::processEvents();
        for (const char* name : {"CoachTimer", "CoachPrompt", "CoachLink"}) {
            const auto* label = view.findChild<QLabel*>(QString::fromLatin1(name));
            QVERIFY(label);
            const QRect needed =
                QFontMetrics(label->font())
                    .boundingRect(label->contentsRect(), Qt::TextWordWrap | label->alignment(),
                                  label->text());
            QVERIFY2(label->contentsRect().contains(needed),
                     qPrintable(QStringLiteral("%1: '%2' needs %3x%4, has %5x%6")
                                    .arg(name, label->text())
                                    .arg(needed.width())
                                    .arg(needed.height())
                                    .arg(label->contentsRect().width())
                                    .arg(label->contentsRect().height())));
        }
        // ALGOSCOPE_SCREENSHOT_DIR=... keeps a picture of it to look at.
        if (const QString dir = qEnvironmentVariable("ALGOSCOPE_SCREENSHOT_DIR"); !dir.isEmpty())
            view.grab().save(dir + QStringLiteral("/coach-prompt-1024x640.png"));
    }
};

QTEST_MAIN(CoachViewTest)
#include "CoachViewTest.moc"
