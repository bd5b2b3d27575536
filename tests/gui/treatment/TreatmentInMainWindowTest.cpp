// The Treatment and Training pages inside the main window: they are listed, they use the
// workbench's database, "Measure PPT first" shows the Thresholds page, and a treatment set
// owns the live targets only while it runs.
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "algocore/session/Workbench.h"
#include "algogui/LiveFeed.h"
#include "algogui/MainWindow.h"
#include "algogui/Preferences.h"
#include "algogui/ToneOutput.h"
#include "algogui/thresholds/ThresholdsPage.h"
#include "algogui/training/TrainingPage.h"
#include "algogui/treatment/PointPicker.h"
#include "algogui/treatment/PrescriptionEditor.h"
#include "algogui/treatment/TreatmentPage.h"

using namespace algogui;

class TreatmentInMainWindowTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void measurePptFirstShowsTheThresholdsPage() {
        QTemporaryDir dir;
        Preferences prefs(dir.filePath(QStringLiteral("prefs.ini")));
        algocore::session::Workbench workbench;
        QCOMPARE(workbench.open_database(dir.filePath(QStringLiteral("a.sqlite")).toStdString()),
                 std::string());
        MainWindow window(prefs, std::make_unique<SilentToneOutput>(), &workbench);
        auto* treatment = window.findChild<TreatmentPage*>();
        QVERIFY(treatment);
        QVERIFY(window.findChild<TrainingPage*>());
        auto* pages = window.findChild<QTabWidget*>();
        QVERIFY(pages);
        QStringList titles;
        for (int i = 0; i < pages->count(); ++i)
            titles << pages->tabText(i);
        QVERIFY2(titles.contains(QStringLiteral("Treatment")), qPrintable(titles.join(',')));
        QVERIFY(titles.contains(QStringLiteral("Training")));

        window.show();
        window.show_page(treatment);
        QTRY_VERIFY(treatment->isVisible());
        treatment->point().set_subject_code(QStringLiteral("S009"));
        Q_EMIT treatment->point().subjectEdited();
        treatment->editor().choose_preset(0);
        // The point's thresholds are read from the database without blocking the window.
        QTRY_VERIFY(treatment->refusal_visible());
        treatment->measure_button().click();
        QTRY_VERIFY(window.thresholds_page().isVisible());
        QCOMPARE(pages->currentWidget(), static_cast<QWidget*>(&window.thresholds_page()));
    }

    void aTreatmentHoldMovesTheLiveTargetsToItsBandAndGivesThemBack() {
        QTemporaryDir dir;
        Preferences prefs(dir.filePath(QStringLiteral("prefs.ini")));
        MainWindow window(prefs, std::make_unique<SilentToneOutput>());
        auto* treatment = window.findChild<TreatmentPage*>();
        const LiveTargets before = window.feed().model().targets();
        auto p = algocore::protocols::Prescription::absolute(220.0, 260.0, 45.0);
        p.limit =
            algocore::protocols::PressureRef{algocore::protocols::PressureAnchor::Absolute, 320.0};
        treatment->editor().set_prescription(p);
        QVERIFY(treatment->start_hold());
        const LiveTargets& live = window.feed().model().targets();
        QCOMPARE(live.band_low_kpa, 220.0);
        QCOMPARE(live.band_high_kpa, 260.0);
        QCOMPARE(live.limit_kpa, 320.0);
        QCOMPARE(live.hold_s, 45.0);
        // The set ends: the user's own band is back on the Live page.
        treatment->stop_hold();
        const LiveTargets& after = window.feed().model().targets();
        QCOMPARE(after.band_low_kpa, before.band_low_kpa);
        QCOMPARE(after.band_high_kpa, before.band_high_kpa);
        QCOMPARE(after.limit_kpa, before.limit_kpa);
    }
};

QTEST_MAIN(TreatmentInMainWindowTest)
#include "TreatmentInMainWindowTest.moc"
