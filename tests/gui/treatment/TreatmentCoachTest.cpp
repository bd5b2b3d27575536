// The coach view, across the room, shows every prompt of a treatment set as the Treatment
// page gives it (take up the slack, the step-up, over limit, hold complete, stretch, rest) and
// the link state; the prompts about pressing vanish when the probe leaves the skin.
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <functional>

#include "algocore/session/Workbench.h"
#include "algogui/CoachView.h"
#include "algogui/LiveFeed.h"
#include "algogui/LiveState.h"
#include "algogui/MainWindow.h"
#include "algogui/Preferences.h"
#include "algogui/ToneOutput.h"
#include "algogui/treatment/HoldStatusPanel.h"
#include "algogui/treatment/PrescriptionEditor.h"
#include "algogui/treatment/TreatmentPage.h"

using namespace algogui;
using algocore::Sample;
using algocore::protocols::Prescription;
using algocore::protocols::PressureAnchor;
using algocore::protocols::PressureRef;

namespace {

constexpr double kRateHz = 100.0;

struct Clinic {
    QTemporaryDir dir;
    Preferences prefs{dir.filePath(QStringLiteral("prefs.ini"))};
    MainWindow window{prefs, std::make_unique<SilentToneOutput>()};
    TreatmentPage* treatment = window.findChild<TreatmentPage*>();
    CoachView& coach = window.coach_view();

    Clinic() { window.feed().model().set_link(LinkState::Connected); }

    // Samples of pressure_at(t) at 100 Hz, two per frame: to the session through the
    // workbench, to the live model the coach view reads, and drawn by the page; the coach
    // view shows each frame.
    void press(double t0_s, double t1_s, const std::function<double(double)>& pressure_at) {
        const int first = static_cast<int>(std::lround(t0_s * kRateHz));
        const int last = static_cast<int>(std::lround(t1_s * kRateHz));
        std::vector<Sample> frame;
        for (int i = first; i <= last; ++i) {
            Sample s;
            s.t_s = i / kRateHz;
            s.pressure_kpa = pressure_at(s.t_s);
            s.force_n = s.pressure_kpa / 10.0;
            frame.push_back(s);
            if (frame.size() == 2 || i == last) {
                window.feed().workbench().feed_frame(frame);
                for (const Sample& each : frame)
                    window.feed().model().add_sample(each);
                treatment->feed(frame);
                coach.show_frame(window.feed().model(), window.unit());
                frame.clear();
            }
        }
    }

    void start(Prescription p) {
        p.limit = PressureRef{PressureAnchor::Absolute, 500.0};
        treatment->editor().set_prescription(p);
        QVERIFY(treatment->start_hold());
    }
};

double tremor(double t) {
    return 2.0 * std::sin(2 * M_PI * 10 * t);
}

} // namespace

class TreatmentCoachTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theReleasePromptAndTheStepUpReachTheCoachAndGoWhenTheProbeLifts() {
        Clinic clinic;
        clinic.start(Prescription::absolute(300, 400, 60));
        clinic.press(0.0, 10.0, [](double t) { return t < 1.0 ? 0.0 : 360.0 + tremor(t); });
        QVERIFY(!clinic.coach.prompt_visible());
        QCOMPARE(clinic.coach.link_text(), QStringLiteral("● connected"));
        // The tissue releases: 10 % in 5 s.
        double prompted_at = -1.0;
        for (double t = 10.01; t <= 15.0 && prompted_at < 0; t += 0.01) {
            clinic.press(t, t,
                         [](double s) { return 360.0 + tremor(s) - 36.0 * (s - 10.0) / 5.0; });
            if (clinic.coach.prompt_visible()) prompted_at = t;
        }
        QVERIFY2(prompted_at > 0, "the coach view never said to take up the slack");
        QCOMPARE(clinic.coach.prompt_text(), QStringLiteral("▲ TAKE UP THE SLACK"));
        QCOMPARE(clinic.coach.prompt_text(), clinic.treatment->status().prompt_text());

        // The therapist takes up the slack: back to 360 kPa in 0.5 s.
        const double sagged = 360.0 - 36.0 * (prompted_at - 10.0) / 5.0;
        clinic.press(prompted_at + 0.01, prompted_at + 4.0, [&](double t) {
            const double rise = std::min(1.0, (t - prompted_at) / 0.5);
            return sagged + (360.0 - sagged) * rise + tremor(t);
        });
        QVERIFY2(clinic.coach.prompt_text().startsWith(QStringLiteral("✔ STEPPED UP TO 3")),
                 qPrintable(clinic.coach.prompt_text()));
        QVERIFY(clinic.coach.prompt_text().endsWith(QStringLiteral(" kPa: HOLD")));

        // The probe leaves the skin: the prompt about pressing goes.
        const double lifted = prompted_at + 4.01;
        clinic.press(lifted, lifted + 0.1, [](double) { return 0.0; });
        QVERIFY(!clinic.coach.prompt_visible());
        QCOMPARE(clinic.coach.prompt_text(), QString());
    }

    void overLimitReachesTheCoach() {
        Clinic clinic;
        clinic.start(Prescription::absolute(300, 400, 60));
        clinic.press(0.0, 6.0, [](double t) { return t < 1.0 ? 0.0 : t < 4.0 ? 350.0 : 520.0; });
        QCOMPARE(clinic.coach.prompt_text(), QStringLiteral("⚠ OVER LIMIT: EASE OFF"));
    }

    void holdCompleteReachesTheCoach() {
        Clinic clinic;
        clinic.start(Prescription::absolute(300, 400, 3));
        clinic.press(0.0, 5.0, [](double t) { return t < 1.0 ? 0.0 : 350.0; });
        QCOMPARE(clinic.coach.prompt_text(), QStringLiteral("✔ HOLD COMPLETE: RELEASE"));
    }

    void stretchAndRestCountDownOnTheCoachWithTheProbeOff() {
        Clinic clinic;
        Prescription p = Prescription::absolute(300, 400, 3);
        p.repetitions = 2;
        p.stretch_s = 5.0;
        p.rest_s = 10.0;
        clinic.start(p);
        clinic.press(0.0, 4.5, [](double t) { return t < 1.0 ? 0.0 : 350.0; });
        // The hold is met near 4 s; the probe is lifted for the stretch: the stretch prompt
        // is for exactly that time and stays.
        clinic.press(4.51, 5.0, [](double) { return 0.0; });
        QVERIFY2(clinic.coach.prompt_text().startsWith(QStringLiteral("STRETCH NOW  0:0")),
                 qPrintable(clinic.coach.prompt_text()));
        clinic.press(5.01, 11.0, [](double) { return 0.0; });
        QVERIFY2(clinic.coach.prompt_text().startsWith(QStringLiteral("REST  0:")),
                 qPrintable(clinic.coach.prompt_text()));
        QVERIFY(clinic.coach.prompt_text().endsWith(QStringLiteral(" · then hold 2 of 2")));
    }
};

QTEST_MAIN(TreatmentCoachTest)
#include "TreatmentCoachTest.moc"
