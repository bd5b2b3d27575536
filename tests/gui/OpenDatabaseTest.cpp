// File → Open database… (issue 18 item 9): the window works in another database. Driven as a
// user does it (Ctrl+O, the file typed into the dialog, Return): every page starts over with
// the new database and no number or code of the old one stays on screen; what the pages show
// is compared with the store, read through the reader interface. A foreign file is refused
// with the reason and the open database stays open, as it was.
#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <chrono>

#include "algocore/session/Workbench.h"
#include "algocore/storage/OpenStorage.h"
#include "algogui/Banner.h"
#include "algogui/MainWindow.h"
#include "algogui/Preferences.h"
#include "algogui/ToneOutput.h"
#include "algogui/history/HistoryPage.h"
#include "algogui/treatment/PointPicker.h"
#include "algogui/treatment/TreatmentPage.h"

using namespace algogui;
using namespace algocore::storage;

namespace {

// One subject seen once, three PPT trials at the left upper trapezius around ppt_kpa.
void make_database(const std::string& path, const std::string& code, double ppt_kpa) {
    auto opened = open(path);
    QVERIFY2(opened.storage, opened.error.c_str());
    Storage& db = *opened.storage;
    const auto site = db.find_site("upper_trapezius");
    QVERIFY(site.has_value());
    Subject subject;
    subject.code = code;
    Session session;
    session.subject_id = db.add_subject(subject).id;
    session.operator_id = db.add_operator({0, "anna", "therapist"}).id;
    session.started_utc = "2026-03-02T09:00:00Z";
    session.probe_cm2 = 1.0;
    const RecordId session_id = db.begin_session(session).id;
    for (double offset : {-7.0, 0.0, 7.0}) {
        Trial trial;
        trial.session_id = session_id;
        trial.site_id = site->id;
        trial.side = BodySide::Left;
        trial.ppt_kpa = ppt_kpa + offset;
        trial.valid = trial.counted = true;
        db.record_trial(trial, {});
    }
    QVERIFY(db.flush(std::chrono::seconds(10)));
    QCOMPARE(db.close(), std::size_t{0});
}

// Every text the window shows: labels, fields, lists, table cells, buttons, its title.
QStringList texts_on_screen(QWidget& window) {
    QStringList out{window.windowTitle()};
    for (auto* label : window.findChildren<QLabel*>())
        out << label->text();
    for (auto* edit : window.findChildren<QLineEdit*>())
        out << edit->text();
    for (auto* combo : window.findChildren<QComboBox*>()) {
        out << combo->currentText();
        for (int i = 0; i < combo->count(); ++i)
            out << combo->itemText(i);
    }
    for (auto* table : window.findChildren<QTableWidget*>())
        for (int row = 0; row < table->rowCount(); ++row)
            for (int column = 0; column < table->columnCount(); ++column)
                if (const auto* item = table->item(row, column)) out << item->text();
    for (auto* button : window.findChildren<QAbstractButton*>())
        out << button->text();
    return out;
}

QStringList containing(const QStringList& texts, const QString& part) {
    QStringList out;
    for (const QString& text : texts)
        if (text.contains(part)) out << text;
    return out;
}

// Ctrl+O, then the file's name typed into the dialog's file name and Return, as a user does.
void open_with_the_file_menu(MainWindow& window, const QString& path) {
    QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier);
    QFileDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<QFileDialog*>()) && dialog->isVisible());
    auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
    QVERIFY(name);
    // The dialog opens in the open database's folder, where the file is: its name is typed.
    QCOMPARE(dialog->directory().absolutePath(), QFileInfo(path).absolutePath());
    name->selectAll();
    QTest::keyClicks(name, QFileInfo(path).fileName());
    // The dialog offers completions of the typed name in a pop-up: Esc closes it. It reads the
    // folder in the background and enables Open only then (on a busy machine a Return typed at
    // once falls on a disabled button): Return once Open is enabled.
    if (QWidget* popup = QApplication::activePopupWidget()) QTest::keyClick(popup, Qt::Key_Escape);
    auto* buttons = dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"));
    QVERIFY(buttons && buttons->button(QDialogButtonBox::Open));
    QTRY_VERIFY(buttons->button(QDialogButtonBox::Open)->isEnabled());
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_VERIFY(!window.findChild<QFileDialog*>() || !dialog->isVisible());
}

struct TwoDatabases {
    QTemporaryDir dir;
    QString first = dir.filePath(QStringLiteral("first.sqlite"));
    QString second = dir.filePath(QStringLiteral("second.sqlite"));
    Preferences prefs{dir.filePath(QStringLiteral("prefs.ini"))};
    algocore::session::Workbench workbench;
    std::unique_ptr<MainWindow> window;

    TwoDatabases() {
        make_database(first.toStdString(), "S03", 387.0);
        make_database(second.toStdString(), "S05", 210.0);
        if (workbench.open_database(first.toStdString()) != "") qFatal("first did not open");
        window =
            std::make_unique<MainWindow>(prefs, std::make_unique<SilentToneOutput>(), &workbench);
        window->resize(1280, 800);
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get())) qFatal("the window did not activate");
    }

    // S03 of the first database on the History and Treatment pages.
    void look_at_s03() {
        auto* history = window->findChild<HistoryPage*>();
        window->show_page(history);
        QTRY_COMPARE(history->history().subject().code, std::string("S03"));
        QTRY_COMPARE(history->points_table().rowCount(), 1);
        QCOMPARE(history->points_table().item(0, 2)->text(), QStringLiteral("387 ± 7"));
        auto* treatment = window->findChild<TreatmentPage*>();
        window->show_page(treatment);
        treatment->point().set_subject_code(QStringLiteral("S03"));
        Q_EMIT treatment->point().subjectEdited();
        treatment->point().choose_site(QStringLiteral("upper_trapezius"));
        treatment->point().choose_side(BodySide::Left);
        QTRY_VERIFY2(treatment->point().thresholds_text().contains(QStringLiteral("387")),
                     qPrintable(treatment->point().thresholds_text()));
    }
};

} // namespace

class OpenDatabaseTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QApplication::setAttribute(Qt::AA_DontUseNativeDialogs); }

    void theFileMenuOpensAnotherDatabase() {
        TwoDatabases t;
        QMenu* file = nullptr;
        for (auto* button : t.window->findChildren<QToolButton*>())
            if (button->text().remove(QLatin1Char('&')) == QStringLiteral("File") &&
                button->isVisible())
                file = button->menu();
        QVERIFY2(file, "the window has no File menu");
        QStringList entries;
        for (QAction* action : file->actions())
            entries << action->text().remove(QLatin1Char('&'));
        QVERIFY2(entries.contains(QStringLiteral("Open database…")), qPrintable(entries.join('|')));
        QVERIFY2(t.window->windowTitle().contains(QStringLiteral("first.sqlite")),
                 qPrintable(t.window->windowTitle()));
    }

    void everyPageSwitchesAndNoNumberOfTheOldDatabaseStays() {
        TwoDatabases t;
        t.look_at_s03();
        QVERIFY(!containing(texts_on_screen(*t.window), QStringLiteral("387")).isEmpty());

        open_with_the_file_menu(*t.window, t.second);
        if (QTest::currentTestFailed()) return;
        QCOMPARE(QString::fromStdString(t.workbench.database_path()), t.second);
        QVERIFY2(t.window->windowTitle().contains(QStringLiteral("second.sqlite")),
                 qPrintable(t.window->windowTitle()));
        // The visit of the first database is over: no patient is in view.
        QVERIFY(!t.workbench.visit().visit().has_value());

        // Every page, looked at: History opens the new database's subject, as stored.
        auto* history = t.window->findChild<HistoryPage*>();
        t.window->show_page(history);
        QTRY_COMPARE(history->history().subject().code, std::string("S05"));
        QTRY_COMPARE(history->points_table().rowCount(), 1);
        const auto stored = t.workbench.storage()->thresholds_of("S05", TrialMeasure::Ppt);
        QCOMPARE(stored.size(), std::size_t{1});
        QCOMPARE(history->points_table().item(0, 2)->text(),
                 QStringLiteral("%1 ± 7").arg(t.window->unit().format(stored.front().mean_kpa)));
        auto* tabs = t.window->findChild<QTabWidget*>();
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QTest::qWait(50);
            t.workbench.inbox().deliver();
        }
        const QStringList texts = texts_on_screen(*t.window);
        QVERIFY2(containing(texts, QStringLiteral("387")).isEmpty(),
                 qPrintable(containing(texts, QStringLiteral("387")).join(" | ")));
        QVERIFY2(containing(texts, QStringLiteral("S03")).isEmpty(),
                 qPrintable(containing(texts, QStringLiteral("S03")).join(" | ")));
        QVERIFY2(!containing(texts, QStringLiteral("S05")).isEmpty(), "S05 is not offered");
    }

    void aForeignFileIsRefusedAndTheOpenDatabaseStays() {
        TwoDatabases t;
        t.look_at_s03();
        const QString foreign = t.dir.filePath(QStringLiteral("notes.sqlite"));
        {
            QFile file(foreign);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("These are my notes, not a database.\n");
        }
        open_with_the_file_menu(*t.window, foreign);
        if (QTest::currentTestFailed()) return;
        QTRY_VERIFY2(t.window->banner().text().contains(QStringLiteral("cannot be used")),
                     qPrintable(t.window->banner().text()));
        QVERIFY2(t.window->banner().text().contains(t.first + QStringLiteral(" stays open")),
                 qPrintable(t.window->banner().text()));
        QCOMPARE(QString::fromStdString(t.workbench.database_path()), t.first);
        QVERIFY(t.window->windowTitle().contains(QStringLiteral("first.sqlite")));
        // The visit and what is shown stay; the store answers as before.
        QVERIFY(t.workbench.visit().visit().has_value());
        QVERIFY(t.workbench.storage()->find_subject("S03").has_value());
        auto* history = t.window->findChild<HistoryPage*>();
        QCOMPARE(history->points_table().item(0, 2)->text(), QStringLiteral("387 ± 7"));
        // The foreign file was not touched.
        QFile file(foreign);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("These are my notes, not a database.\n"));
    }
};

QTEST_MAIN(OpenDatabaseTest)
#include "OpenDatabaseTest.moc"
