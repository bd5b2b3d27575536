// One report job, two front ends: the History page's "Report…" (driven with clicks and keys in
// the main window, on a workbench whose wall clock is fixed) and `algoscope-cli report
// --printed-at` (the same moment) on a copy of the same study write the same PDF, byte for
// byte: the visit, the header, the calibration statement and the printed time.
#include <CLI/CLI.hpp>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <algorithm>
#include <chrono>
#include <memory>

#include "CliCommand.h"
#include "ParityCheck.h"
#include "algocore/session/Workbench.h"
#include "algocore/storage/OpenStorage.h"
#include "algogui/MainWindow.h"
#include "algogui/Preferences.h"
#include "algogui/ToneOutput.h"
#include "algogui/history/HistoryPage.h"

namespace {

using namespace algocore::storage;

const char* const kPrintedUtc = "2026-12-01T10:30:00Z";

// Two subjects; S1 came on two days (three trials a visit at the upper trapezius, one hold on
// the second day), S2 once. The report is asked of S1's first visit.
void make_study(const std::string& path) {
    auto opened = open(path);
    QVERIFY2(opened.storage, opened.error.c_str());
    Storage& db = *opened.storage;
    const RecordId anna = db.add_operator({0, "anna", "physiotherapist"}).id;
    const auto site = db.find_site("upper_trapezius");
    QVERIFY(site.has_value());
    for (const char* code : {"S1", "S2"}) {
        Subject subject;
        subject.code = code;
        const RecordId subject_id = db.add_subject(subject).id;
        const int visits = std::string(code) == "S1" ? 2 : 1;
        for (int day = 0; day < visits; ++day) {
            Session session;
            session.subject_id = subject_id;
            session.operator_id = anna;
            session.started_utc = "2026-03-0" + std::to_string(day + 2) + "T09:00:00Z";
            session.probe_cm2 = 1.0;
            const RecordId session_id = db.begin_session(session).id;
            for (double ppt : {310.0, 325.5, 298.25}) {
                Trial trial;
                trial.session_id = session_id;
                trial.site_id = site->id;
                trial.side = BodySide::Left;
                trial.ppt_kpa = ppt + 40.0 * day;
                trial.valid = trial.counted = true;
                db.record_trial(trial, {});
            }
        }
    }
    QVERIFY(db.flush(std::chrono::seconds(10)));
    QCOMPARE(db.close(), std::size_t{0});
}

QPushButton* button_named(QWidget& parent, const QString& text) {
    for (auto* button : parent.findChildren<QPushButton*>())
        if (button->text() == text) return button;
    return nullptr;
}

QLineEdit* field_named(QWidget& parent, const QString& placeholder) {
    for (auto* edit : parent.findChildren<QLineEdit*>())
        if (edit->placeholderText() == placeholder) return edit;
    return nullptr;
}

// Answers the save dialog the Report button opens as a user would: types the file's path
// into its name field and presses Return once the dialog's Save button is enabled. The dialog
// reads the folder in the background and enables Save only then; on a busy machine a Return
// typed at once falls on a disabled button and the dialog stays open.
void answer_the_save_dialog(const QString& path) {
    auto* timer = new QTimer;
    auto typed = std::make_shared<bool>(false);
    QObject::connect(timer, &QTimer::timeout, [timer, path, typed] {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        if (!dialog) {
            if (*typed) { // answered: the dialog is gone
                timer->stop();
                timer->deleteLater();
            }
            return;
        }
        auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
        auto* buttons = dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"));
        if (!name || !buttons) return dialog->reject(); // the test then fails: no report written
        if (!*typed) {
            name->selectAll();
            QTest::keyClicks(name, path);
            *typed = true;
        }
        const QPushButton* save = buttons->button(QDialogButtonBox::Save);
        if (save && save->isEnabled()) QTest::keyClick(name, Qt::Key_Return);
    });
    timer->start(20);
}

QByteArray bytes_of(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll();
}

} // namespace

class ReportParityTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QApplication::setAttribute(Qt::AA_DontUseNativeDialogs); }

    void theHistoryPageAndTheCliWriteTheSameReport() {
        QTemporaryDir gui_dir, cli_dir, calibrations;
        const std::string gui_db = gui_dir.filePath(QStringLiteral("study.sqlite")).toStdString();
        const std::string cli_db = cli_dir.filePath(QStringLiteral("study.sqlite")).toStdString();
        make_study(gui_db);
        make_study(cli_db);
        const QString gui_pdf = gui_dir.filePath(QStringLiteral("gui.pdf"));
        const QString cli_pdf = cli_dir.filePath(QStringLiteral("cli.pdf"));

        // The GUI: S1 typed and opened, the first visit's row clicked, the header typed,
        // Report… clicked and the file named in the save dialog.
        {
            algogui::Preferences prefs(gui_dir.filePath(QStringLiteral("prefs.ini")));
            auto options = parity::fixed_clock(kPrintedUtc);
            options.calibration_root = calibrations.path().toStdString();
            algocore::session::Workbench workbench(options);
            QCOMPARE(workbench.open_database(gui_db), std::string());
            algogui::MainWindow window(prefs, std::make_unique<algogui::SilentToneOutput>(),
                                       &workbench);
            window.resize(1280, 800);
            window.show();
            auto* history = window.findChild<algogui::HistoryPage*>();
            QVERIFY(history);
            window.show_page(history);
            auto* subject = history->findChild<QComboBox*>();
            QVERIFY(subject);
            QTRY_COMPARE(subject->count(), 2);
            subject->lineEdit()->selectAll();
            QTest::keyClicks(subject->lineEdit(), QStringLiteral("S1"));
            QTest::mouseClick(button_named(*history, QStringLiteral("Open")), Qt::LeftButton);
            QTableWidget& sessions = history->sessions_table();
            QTRY_COMPARE(sessions.rowCount(), 2);
            QTRY_COMPARE(history->points_table().rowCount(), 1);
            // The older visit is the second row (the newest comes first).
            QCOMPARE(sessions.item(1, 0)->text(), QStringLiteral("2026-03-02"));
            const QRect row = sessions.visualItemRect(sessions.item(1, 0));
            QTest::mouseClick(sessions.viewport(), Qt::LeftButton, {}, row.center());
            QCOMPARE(sessions.currentRow(), 1);
            for (const auto& [placeholder, text] :
                 {std::pair{QStringLiteral("Clinic"), QStringLiteral("Praxis Nord")},
                  std::pair{QStringLiteral("Therapist"), QStringLiteral("A. Roth")}}) {
                QLineEdit* edit = field_named(*history, placeholder);
                QVERIFY(edit);
                edit->selectAll();
                QTest::keyClicks(edit, text);
                QTest::keyClick(edit, Qt::Key_Return);
            }
            QPushButton* report = button_named(*history, QStringLiteral("Report…"));
            QVERIFY(report && report->isEnabled());
            answer_the_save_dialog(gui_pdf);
            QTest::mouseClick(report, Qt::LeftButton);
            QTRY_VERIFY2(
                history->status_text().startsWith(QStringLiteral("Report written to ") + gui_pdf),
                qPrintable(history->status_text()));
        }

        // The CLI: the same visit (S1's session 1), header, calibration store and moment.
        QCOMPARE(
            parity::cli_command({"report", "--db", cli_db, "--subject", "S1", "--session", "1",
                                 "--pdf", cli_pdf.toStdString(), "--clinic", "Praxis Nord",
                                 "--therapist", "A. Roth", "--calibrations",
                                 calibrations.path().toStdString(), "--printed-at", kPrintedUtc}),
            0);

        const QByteArray gui = bytes_of(gui_pdf);
        const QByteArray cli = bytes_of(cli_pdf);
        QVERIFY2(gui.startsWith("%PDF-"), gui.left(16).constData());
        QVERIFY2(cli.startsWith("%PDF-"), cli.left(16).constData());
        QVERIFY2(gui.size() > 2000, QByteArray::number(gui.size()).constData());
        if (gui != cli) {
            qsizetype at = 0;
            while (at < std::min(gui.size(), cli.size()) && gui[at] == cli[at])
                ++at;
            QFAIL(qPrintable(QStringLiteral("the PDFs differ from byte %1 (gui %2 bytes, cli %3)")
                                 .arg(at)
                                 .arg(gui.size())
                                 .arg(cli.size())));
        }
    }

    // A report printed again with --printed-at is the same file, and a different moment is
    // not (the printed time is in the document).
    void thePrintedTimeIsAnInputOfTheReport() {
        QTemporaryDir dir;
        const std::string db = dir.filePath(QStringLiteral("study.sqlite")).toStdString();
        make_study(db);
        const auto write = [&](const char* name, const char* printed) {
            const std::string pdf = dir.filePath(QString::fromLatin1(name)).toStdString();
            const int exit = parity::cli_command({"report", "--db", db, "--subject", "S1", "--date",
                                                  "2026-03-02", "--pdf", pdf, "--clinic", "C",
                                                  "--therapist", "T", "--printed-at", printed});
            return exit == 0 ? bytes_of(QString::fromStdString(pdf)) : QByteArray();
        };
        const QByteArray first = write("a.pdf", kPrintedUtc);
        QVERIFY(!first.isEmpty());
        QCOMPARE(write("b.pdf", kPrintedUtc), first);
        const QByteArray later = write("c.pdf", "2026-12-01T11:45:00Z");
        QVERIFY(!later.isEmpty());
        QVERIFY(later != first);
        QCOMPARE(parity::cli_command({"report", "--db", db, "--subject", "S1", "--pdf",
                                      dir.filePath(QStringLiteral("d.pdf")).toStdString(),
                                      "--printed-at", "yesterday"}),
                 2);
    }
};

QTEST_MAIN(ReportParityTest)
#include "ReportParityTest.moc"
