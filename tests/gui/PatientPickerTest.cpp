// The patient picker (issue 18 item 9) on the real pages of the main window, driven by keys:
// the stored subjects are listed most recently seen first, typing filters them without regard
// to case, one is chosen by keyboard, and a code typed in another case is the stored subject.
// What the pages then show is compared with the store, read through the reader interface.
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <chrono>

#include "algocore/session/Workbench.h"
#include "algocore/storage/OpenStorage.h"
#include "algogui/MainWindow.h"
#include "algogui/Preferences.h"
#include "algogui/ToneOutput.h"
#include "algogui/history/HistoryPage.h"
#include "algogui/thresholds/SubjectForm.h"
#include "algogui/thresholds/ThresholdsPage.h"
#include "algogui/treatment/PointPicker.h"
#include "algogui/treatment/TreatmentPage.h"

using namespace algogui;
using namespace algocore::storage;

namespace {

// Three subjects seen on three days: P001 first (a woman in her thirties), then S003, then
// P002 most recently; three PPT trials each at the left upper trapezius.
void make_clinic(const std::string& path) {
    auto opened = open(path);
    QVERIFY2(opened.storage, opened.error.c_str());
    Storage& db = *opened.storage;
    const RecordId anna = db.add_operator({0, "anna", "therapist"}).id;
    const auto site = db.find_site("upper_trapezius");
    QVERIFY(site.has_value());
    struct Seen {
        const char* code;
        const char* day;
        double ppt_kpa;
    };
    for (const Seen& seen : {Seen{"P001", "2026-03-01", 310.0}, Seen{"S003", "2026-03-02", 420.0},
                             Seen{"P002", "2026-03-03", 250.0}}) {
        Subject subject;
        subject.code = seen.code;
        if (std::string(seen.code) == "P001") {
            subject.sex = "female";
            subject.age_band = "30-39";
        }
        Session session;
        session.subject_id = db.add_subject(subject).id;
        session.operator_id = anna;
        session.started_utc = std::string(seen.day) + "T09:00:00Z";
        session.probe_cm2 = 1.0;
        const RecordId session_id = db.begin_session(session).id;
        for (double offset : {-10.0, 0.0, 10.0}) {
            Trial trial;
            trial.session_id = session_id;
            trial.site_id = site->id;
            trial.side = BodySide::Left;
            trial.ppt_kpa = seen.ppt_kpa + offset;
            trial.valid = trial.counted = true;
            db.record_trial(trial, {});
        }
    }
    QVERIFY(db.flush(std::chrono::seconds(10)));
    QCOMPARE(db.close(), std::size_t{0});
}

// Where the keyboard goes now, as the window system delivers it: an open pop-up, else the
// widget with the focus.
QWidget* keyboard() {
    if (QWidget* popup = QApplication::activePopupWidget()) return popup;
    return QApplication::focusWidget();
}

QStringList items_of(const QComboBox& picker) {
    QStringList out;
    for (int i = 0; i < picker.count(); ++i)
        out << picker.itemText(i);
    return out;
}

QStringList rows_of(const QAbstractItemView& view) {
    QStringList out;
    for (int row = 0; row < view.model()->rowCount(); ++row)
        out << view.model()->index(row, 0).data().toString();
    return out;
}

QAction* action_named(QWidget& window, const QString& text) {
    for (auto* action : window.findChildren<QAction*>())
        if (action->text() == text) return action;
    return nullptr;
}

// The point's latest PPT as the store answers it (the reader half of the storage).
double stored_ppt(algocore::session::Workbench& workbench, const std::string& code) {
    const auto points =
        workbench.storage()->thresholds_of(code, algocore::records::TrialMeasure::Ppt);
    return points.empty() ? -1.0 : points.front().mean_kpa;
}

struct Clinic {
    QTemporaryDir dir;
    Preferences prefs{dir.filePath(QStringLiteral("prefs.ini"))};
    algocore::session::Workbench workbench;
    std::unique_ptr<MainWindow> window;

    Clinic() {
        const std::string db = dir.filePath(QStringLiteral("clinic.sqlite")).toStdString();
        make_clinic(db);
        if (workbench.open_database(db) != "") qFatal("the clinic database did not open");
        window =
            std::make_unique<MainWindow>(prefs, std::make_unique<SilentToneOutput>(), &workbench);
        window->resize(1280, 800);
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get())) qFatal("the window did not activate");
    }

    // The page's subject field: the patient picker, listing the stored subjects.
    QComboBox* picker_on(QWidget& page) {
        window->show_page(&page);
        auto* picker = page.findChild<QComboBox*>(QStringLiteral("SubjectCode"));
        if (!picker) return nullptr;
        QTest::mouseClick(picker->lineEdit(), Qt::LeftButton);
        picker->setFocus(Qt::MouseFocusReason);
        return picker;
    }
};

} // namespace

class PatientPickerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void typingP0ListsMatchingSubjectsRecentFirstAndTheKeyboardChoosesP001() {
        Clinic clinic;
        auto* treatment = clinic.window->findChild<TreatmentPage*>();
        QVERIFY(treatment);
        QComboBox* picker = clinic.picker_on(*treatment);
        QVERIFY2(picker, "the Treatment page has no patient picker (a free-text field)");
        QTRY_COMPARE(items_of(*picker), (QStringList{QStringLiteral("P002"), QStringLiteral("S003"),
                                                     QStringLiteral("P001")}));
        QTRY_VERIFY(picker->lineEdit()->hasFocus());

        QTest::keyClicks(keyboard(), QStringLiteral("p0"));
        QVERIFY(picker->completer());
        QAbstractItemView* popup = picker->completer()->popup();
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(rows_of(*popup), (QStringList{QStringLiteral("P002"), QStringLiteral("P001")}));
        QTest::keyClick(keyboard(), Qt::Key_Down);
        QTest::keyClick(keyboard(), Qt::Key_Down);
        QTest::keyClick(keyboard(), Qt::Key_Return);

        QCOMPARE(picker->currentText(), QStringLiteral("P001"));
        const auto& visit = clinic.workbench.visit().visit();
        QVERIFY(visit.has_value());
        QCOMPARE(visit->subject_code, std::string("P001"));
        // The letters went into the picker, not to the window's single-key shortcuts (P is the
        // tone, space would start a hold).
        QAction* tone = action_named(*clinic.window, QStringLiteral("Tone"));
        QVERIFY(tone);
        QVERIFY(!tone->isChecked());
        // The point's PPT shown is P001's as stored.
        treatment->point().choose_site(QStringLiteral("upper_trapezius"));
        treatment->point().choose_side(BodySide::Left);
        const double ppt = stored_ppt(clinic.workbench, "P001");
        QCOMPARE(ppt, 310.0);
        QTRY_VERIFY2(treatment->point().thresholds_text().startsWith(QStringLiteral("PPT %1").arg(
                         clinic.window->unit().format_with_symbol(ppt))),
                     qPrintable(treatment->point().thresholds_text()));
    }

    void aCodeThatDiffersOnlyInCaseSelectsTheStoredSubject() {
        Clinic clinic;
        // Treatment: "p001" and Return is the stored P001.
        auto* treatment = clinic.window->findChild<TreatmentPage*>();
        QComboBox* picker = clinic.picker_on(*treatment);
        QVERIFY2(picker, "the Treatment page has no patient picker (a free-text field)");
        QTRY_COMPARE(picker->count(), 3);
        QTest::keyClicks(keyboard(), QStringLiteral("p001"));
        QTest::keyClick(keyboard(), Qt::Key_Return);
        QTRY_COMPARE(picker->currentText(), QStringLiteral("P001"));
        QVERIFY(clinic.workbench.visit().visit().has_value());
        QCOMPARE(clinic.workbench.visit().visit()->subject_code, std::string("P001"));

        // Thresholds: the stored details of P001 come with it.
        ThresholdsPage& thresholds = clinic.window->thresholds_page();
        QComboBox* code = clinic.picker_on(thresholds.subject_form());
        QVERIFY(code);
        QTRY_COMPARE(code->count(), 3);
        code->lineEdit()->selectAll();
        QTest::keyClicks(keyboard(), QStringLiteral("p001"));
        QTest::keyClick(keyboard(), Qt::Key_Return);
        QTRY_COMPARE(code->currentText(), QStringLiteral("P001"));
        const auto entered = thresholds.subject_form().subject();
        QCOMPARE(entered.code, std::string("P001"));
        QCOMPARE(entered.sex.value_or(""), std::string("female"));
        QCOMPARE(entered.age_band.value_or(""), std::string("30-39"));

        // History: P001's sessions and its threshold as stored.
        auto* history = clinic.window->findChild<HistoryPage*>();
        QVERIFY(history);
        QComboBox* subject = clinic.picker_on(*history);
        QVERIFY(subject);
        QTRY_COMPARE(subject->count(), 3);
        subject->lineEdit()->selectAll();
        QTest::keyClicks(keyboard(), QStringLiteral("p001"));
        QTest::keyClick(keyboard(), Qt::Key_Return);
        QTRY_COMPARE(history->history().subject().code, std::string("P001"));
        QCOMPARE(subject->currentText(), QStringLiteral("P001"));
        QTRY_COMPARE(history->points_table().rowCount(), 1);
        const double ppt = stored_ppt(clinic.workbench, "P001");
        QCOMPARE(history->points_table().item(0, 2)->text(),
                 QStringLiteral("%1 ± 10").arg(clinic.window->unit().format(ppt)));
    }

    // Arrow keys on the closed picker open the list; they do not step through the codes, each
    // step a chosen subject (on Treatment each one began a visit).
    void arrowKeysOnTheClosedPickerOpenTheListAndChooseNothing() {
        Clinic clinic;
        auto* treatment = clinic.window->findChild<TreatmentPage*>();
        QVERIFY(treatment);
        QComboBox* picker = clinic.picker_on(*treatment);
        QVERIFY(picker);
        QTRY_COMPARE(picker->count(), 3);
        QTRY_VERIFY(picker->lineEdit()->hasFocus());
        QSignalSpy chosen(picker, SIGNAL(codeChosen(QString)));

        QTest::keyClick(keyboard(), Qt::Key_Down);
        QTRY_VERIFY(picker->view()->isVisible());
        QCOMPARE(chosen.count(), 0);
        QVERIFY(!clinic.workbench.visit().visit().has_value());
        QCOMPARE(picker->currentText(), QString());

        // In the open list the arrows move and Return chooses one subject, once.
        QTest::keyClick(picker->view(), Qt::Key_Down);
        QTest::keyClick(picker->view(), Qt::Key_Return);
        QTRY_VERIFY(!picker->view()->isVisible());
        QCOMPARE(chosen.count(), 1);
        QVERIFY(clinic.workbench.visit().visit().has_value());
        QCOMPARE(QString::fromStdString(clinic.workbench.visit().visit()->subject_code),
                 picker->currentText());
    }
};

QTEST_MAIN(PatientPickerTest)
#include "PatientPickerTest.moc"
