// The Treatment and Training pages inside the main window: they are listed, they use the
// database the Thresholds page opens, and "Measure PPT first" shows the Thresholds page.
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

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
        MainWindow window(prefs, std::make_unique<SilentToneOutput>());
        window.thresholds_page().set_database_path(dir.filePath(QStringLiteral("a.sqlite")));
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
        // Shown, the page takes the database the Thresholds page opened.
        QVERIFY2(!treatment->point().thresholds_text().contains(QStringLiteral("no database")),
                 qPrintable(treatment->point().thresholds_text()));

        treatment->point().set_subject_code(QStringLiteral("S009"));
        treatment->editor().choose_preset(0);
        QVERIFY(treatment->refusal_visible());
        treatment->measure_button().click();
        QTRY_VERIFY(window.thresholds_page().isVisible());
        QCOMPARE(pages->currentWidget(), static_cast<QWidget*>(&window.thresholds_page()));
    }

    void aTreatmentHoldMovesTheLiveTargetsToItsBand() {
        QTemporaryDir dir;
        Preferences prefs(dir.filePath(QStringLiteral("prefs.ini")));
        MainWindow window(prefs, std::make_unique<SilentToneOutput>());
        window.thresholds_page().set_database_path(dir.filePath(QStringLiteral("a.sqlite")));
        auto* treatment = window.findChild<TreatmentPage*>();
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
    }
};

QTEST_MAIN(TreatmentInMainWindowTest)
#include "TreatmentInMainWindowTest.moc"
