// "Release felt" on the Treatment page: during a hold the F key marks it (so does the device's
// operator button); the page logs it and the coach view says it; the marks are stored with
// the hold, seconds from its start, beside the detector's prompts. The key types in a text
// field and does nothing between holds.
#include <QAbstractSpinBox>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>
#include <functional>

#include "algocore/Buttons.h"
#include "algocore/session/Workbench.h"
#include "algogui/CoachView.h"
#include "algogui/LiveFeed.h"
#include "algogui/LiveState.h"
#include "algogui/MainWindow.h"
#include "algogui/Preferences.h"
#include "algogui/ToneOutput.h"
#include "algogui/treatment/HoldStatusPanel.h"
#include "algogui/treatment/PointPicker.h"
#include "algogui/treatment/PrescriptionEditor.h"
#include "algogui/treatment/TreatmentPage.h"

using namespace algogui;
using algocore::Sample;

namespace {

constexpr double kRateHz = 100.0;

struct Clinic {
    QTemporaryDir dir;
    Preferences prefs{dir.filePath(QStringLiteral("prefs.ini"))};
    algocore::session::Workbench workbench;
    std::unique_ptr<MainWindow> window;
    TreatmentPage* treatment = nullptr;

    Clinic() {
        const auto opened =
            workbench.open_database(dir.filePath(QStringLiteral("clinic.sqlite")).toStdString());
        if (!opened.empty()) qFatal("%s", opened.c_str());
        window =
            std::make_unique<MainWindow>(prefs, std::make_unique<SilentToneOutput>(), &workbench);
        window->feed().model().set_link(LinkState::Connected);
        treatment = window->findChild<TreatmentPage*>();
        window->show();
        window->show_page(treatment);
        treatment->point().set_subject_code(QStringLiteral("S-REL"));
        Q_EMIT treatment->point().subjectEdited();
    }

    // Samples at 100 Hz, two per frame, to the session, the live model, the page and the
    // coach view, as the live feed gives them.
    void press(double t0_s, double t1_s, const std::function<double(double)>& pressure_at,
               std::uint8_t buttons = 0) {
        const int first = static_cast<int>(std::lround(t0_s * kRateHz));
        const int last = static_cast<int>(std::lround(t1_s * kRateHz));
        std::vector<Sample> frame;
        for (int i = first; i <= last; ++i) {
            Sample s;
            s.t_s = i / kRateHz;
            s.pressure_kpa = pressure_at(s.t_s);
            s.force_n = s.pressure_kpa / 10.0;
            s.buttons = buttons;
            frame.push_back(s);
            if (frame.size() == 2 || i == last) {
                workbench.feed_frame(frame);
                for (const Sample& each : frame)
                    window->feed().model().add_sample(each);
                treatment->feed(frame);
                window->coach_view().show_frame(window->feed().model(), window->unit());
                frame.clear();
            }
        }
    }

    std::size_t marks() const {
        const auto* sequence = treatment->session().sequence();
        const auto* hold = sequence ? sequence->latest_hold() : nullptr;
        return hold ? hold->release_marks_s().size() : 0;
    }
};

double steady(double t) {
    return t < 1.0 ? 0.0 : 360.0;
}

} // namespace

class TreatmentReleaseMarkTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theKeyAndTheOperatorButtonMarkAndTheMarksAreStoredWithTheHold() {
        Clinic clinic;
        clinic.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(clinic.window.get()));
        clinic.treatment->editor().set_prescription(
            algocore::protocols::Prescription::absolute(300.0, 400.0, 20.0));
        // Started with the button, as a therapist does: the focus leaves the subject field.
        auto* start = clinic.treatment->findChild<QPushButton*>(QStringLiteral("StartHold"));
        QVERIFY(start);
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(clinic.workbench.treatment().running());
        QVERIFY(!clinic.treatment->release_felt_button().isEnabled()); // not in the band yet
        clinic.press(0.0, 5.0, steady);                                // in the band from 1.00 s
        QVERIFY(clinic.treatment->release_felt_button().isEnabled());

        // F with nothing being typed in: a mark at the latest sample, 5.00 s.
        QTest::keyClick(clinic.window.get(), Qt::Key_F);
        QCOMPARE(clinic.marks(), std::size_t{1});
        QCOMPARE(clinic.window->coach_view().prompt_text(),
                 QStringLiteral("▲ RELEASE FELT: TAKE UP THE SLACK"));
        QCOMPARE(clinic.treatment->status().prompt_text(),
                 clinic.window->coach_view().prompt_text());
        QVERIFY2(clinic.treatment->step_up_log().contains(QStringLiteral("Release felt at 4.0 s")),
                 qPrintable(clinic.treatment->step_up_log().join('|')));

        // F typed into a field of the prescription is the field's: no mark.
        auto* field = clinic.treatment->editor().findChild<QAbstractSpinBox*>();
        QVERIFY(field);
        field->setFocus();
        QTRY_VERIFY(field->hasFocus());
        QTest::keyClick(field, Qt::Key_F);
        QCOMPARE(clinic.marks(), std::size_t{1});
        field->clearFocus();
        QTRY_VERIFY(!field->hasFocus());

        // The device's operator button, pressed at 8.00 s for 0.2 s.
        clinic.press(5.01, 7.99, steady);
        clinic.press(8.0, 8.2, steady, algocore::kOperatorButton);
        QCOMPARE(clinic.marks(), std::size_t{2});
        clinic.press(8.21, 22.0, steady); // 20 s in band: the hold is complete
        QVERIFY(clinic.workbench.treatment().pending());

        // Between holds the key does nothing and the button is off.
        QTest::keyClick(clinic.window.get(), Qt::Key_F);
        QVERIFY(!clinic.treatment->release_felt_button().isEnabled());
        QCOMPARE(clinic.marks(), std::size_t{2});

        QVERIFY(clinic.treatment->save_hold());
        QVERIFY(clinic.workbench.storage()->flush(std::chrono::seconds(10)));
        const auto holds =
            clinic.workbench.storage()->holds_of(clinic.workbench.visit().session_id());
        QCOMPARE(holds.size(), std::size_t{1});
        const auto& stored = holds[0];
        QVERIFY(stored.release_marks.has_value());
        QCOMPARE(stored.start_t_s, 1.0);
        QCOMPARE(stored.release_marks->marks_s.size(), std::size_t{2});
        QVERIFY(std::abs(stored.release_marks->marks_s[0] - 4.0) < 1e-9);
        QVERIFY(std::abs(stored.release_marks->marks_s[1] - 7.0) < 1e-9);
        // A steady press releases nothing: the detector never prompted.
        QVERIFY(stored.release_marks->detections_s.empty());
    }
};

QTEST_MAIN(TreatmentReleaseMarkTest)
#include "TreatmentReleaseMarkTest.moc"
