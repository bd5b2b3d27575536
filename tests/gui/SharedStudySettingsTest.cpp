// The shared-study setting driven as a user would, on the real widgets against the real test
// PostgreSQL server: "Shared study…" takes the server and the station's name, the station's
// records are pushed in the background and the status bar says so; the check box then makes
// History read every station's sessions (compared with the server's rows), and unticked, this
// station's own again. An address with a password in it cannot be saved.
#include <QPushButton>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "StationRecords.h"
#include "TestServer.h"
#include "algocore/session/Workbench.h"
#include "algocore/sharedstudy/ServerConnection.h"
#include "algocore/sharedstudy/ServerSchema.h"
#include "algocore/sharedstudy/StationPush.h"
#include "algocore/sharedstudy/SubjectRegistry.h"
#include "algocore/storage/OpenStorage.h"
#include "algogui/MainWindow.h"
#include "algogui/Preferences.h"
#include "algogui/SharedStudyBar.h"
#include "algogui/SharedStudyDialog.h"
#include "algogui/SharedStudyStatus.h"
#include "algogui/ToneOutput.h"
#include "algogui/history/HistoryPage.h"

using namespace algogui;
using namespace algocore::sharedstudy;

namespace {

// A station's file with `sessions` sessions of `code` by `examiner` from day `first_day`.
void record(const std::string& db, const std::string& code, const std::string& examiner,
            int sessions, int first_day, double ppt_kpa) {
    auto opened = algocore::storage::open(db);
    QVERIFY2(opened.storage, opened.error.c_str());
    for (int i = 0; i < sessions; ++i) {
        algotest::RecordedSession s;
        s.subject_code = code;
        s.operator_name = examiner;
        s.started_utc = "2027-04-" + std::to_string(10 + first_day + i) + "T09:00:00Z";
        s.ppt_kpa = ppt_kpa;
        algotest::record_session(*opened.storage, s);
    }
    opened.storage->close();
}

} // namespace

class SharedStudySettingsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        std::string error;
        server_ = algotest::TestServer::from_environment(error);
        QVERIFY2(error.empty(), error.c_str()); // no server is a failure, never a skip
        database_ = "gui_shared_" + std::to_string(QCoreApplication::applicationPid());
        QCOMPARE(server_.recreate_database(database_), std::string());
        auto admin = ServerConnection::open(server_.admin_url(database_));
        QVERIFY2(admin.connection, admin.error.message.c_str());
        QVERIFY(!init_study(*admin.connection, "knee-oa").error);
    }

    void cleanupTestCase() {
        if (!database_.empty())
            server_.admin_sql("postgres", "DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
    }

    void theSettingPushesThisStationAndTheCheckBoxReadsEveryStation() {
        QTemporaryDir dir;
        const std::string url = server_.admin_url(database_);
        // Room B recorded two sessions of S-017 and pushed them; room A has one of its own.
        const std::string room_b = dir.filePath(QStringLiteral("room-b.sqlite")).toStdString();
        record(room_b, "S-017", "Bo", 2, 0, 420.0);
        {
            auto file = StationFile::open(room_b);
            QVERIFY2(file.file, file.error.c_str());
            auto server = ServerConnection::open(url);
            QVERIFY(server.connection);
            PushOptions options;
            options.station_name = "room B";
            QVERIFY(!push_station(*file.file, *server.connection, options).error);
        }
        const QString room_a = dir.filePath(QStringLiteral("room-a.sqlite"));
        record(room_a.toStdString(), "S-017", "Anna", 1, 5, 380.0);

        algocore::session::Workbench workbench;
        QCOMPARE(workbench.open_database(room_a.toStdString()), std::string());
        Preferences prefs(dir.filePath(QStringLiteral("prefs.ini")));
        MainWindow window(prefs, std::make_unique<SilentToneOutput>(), &workbench);
        auto* bar = new SharedStudyBar(window, room_a, true);
        window.statusBar()->addPermanentWidget(bar);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!bar->whole_study().isVisible()); // no server yet: the station works alone
        QVERIFY(!bar->status());

        // "Shared study…": the server and this station's name, typed and saved.
        QTest::mouseClick(&bar->settings_button(), Qt::LeftButton);
        QTRY_VERIFY(bar->dialog() && bar->dialog()->isVisible());
        SharedStudyDialog& dialog = *bar->dialog();
        QTest::keyClicks(&dialog.server_field(), QString::fromStdString(url));
        QTest::keyClicks(&dialog.station_field(), QStringLiteral("room A"));
        QVERIFY(!dialog.problem_label().isVisible());
        QTest::mouseClick(dialog.buttons().button(QDialogButtonBox::Save), Qt::LeftButton);
        QCOMPARE(prefs.shared_server(), QString::fromStdString(url));
        QCOMPARE(prefs.shared_station(), QStringLiteral("room A"));
        QVERIFY(bar->whole_study().isVisible());
        QVERIFY(!bar->whole_study().isChecked());
        QVERIFY(bar->status());
        QTRY_VERIFY_WITH_TIMEOUT(
            bar->status()->text().startsWith(QStringLiteral("shared study: synced")), 20000);

        // Room A's records are on the server under its name; the two S-017 are one person.
        auto admin = ServerConnection::open(url);
        QVERIFY(admin.connection);
        auto& server = *admin.connection;
        QCOMPARE(server
                     .exec("SELECT count(*) FROM algoscope.sessions x JOIN algoscope.stations "
                           "s ON s.id = x.station_id WHERE s.name = 'room A'")
                     .rows.integer(0, 0),
                 std::int64_t{1});
        const SubjectList subjects = list_subjects(server);
        QCOMPARE(subjects.subjects.size(), std::size_t{2});
        QVERIFY(subjects.subjects[0].clash);
        QVERIFY(!merge_subjects(server, subjects.subjects[0].uuid, subjects.subjects[1].uuid,
                                "same person, two rooms"));

        // History reads this station's own database: one session.
        auto* history = window.findChild<HistoryPage*>();
        QVERIFY(history);
        window.show_page(history);
        history->open_subject(QStringLiteral("S-017"));
        QTRY_COMPARE_WITH_TIMEOUT(history->sessions_table().rowCount(), 1, 10000);

        // Ticked: every station's sessions, as the server holds them (newest first).
        QTest::mouseClick(&bar->whole_study(), Qt::LeftButton);
        QVERIFY(bar->whole_study().isChecked());
        QTRY_COMPARE_WITH_TIMEOUT(history->sessions_table().rowCount(), 3, 10000);
        const auto rows = server.exec(
            "SELECT left(started_utc, 10), (SELECT round(avg(t.ppt_kpa)) FROM algoscope.trials t "
            "WHERE t.session_uuid = x.uuid) FROM algoscope.sessions x ORDER BY started_utc DESC");
        QCOMPARE(rows.rows.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(history->sessions_table().item(i, 0)->text(),
                     QString::fromStdString(rows.rows.text(i, 0)));
        // The newest session's point: the mean the server's trials give.
        history->sessions_table().setCurrentCell(0, 0);
        QTRY_VERIFY(history->points_table().rowCount() > 0);
        QVERIFY2(history->points_table().item(0, 2)->text().startsWith(
                     QString::fromStdString(rows.rows.text(0, 1)) + QStringLiteral(" ")),
                 qPrintable(history->points_table().item(0, 2)->text()));

        // Unticked: this station's own database again.
        QTest::mouseClick(&bar->whole_study(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(history->sessions_table().rowCount(), 1, 10000);
    }

    void anAddressWithAPasswordCannotBeSaved() {
        QTemporaryDir dir;
        Preferences prefs(dir.filePath(QStringLiteral("prefs.ini")));
        MainWindow window(prefs, std::make_unique<SilentToneOutput>());
        auto* bar = new SharedStudyBar(window, dir.filePath(QStringLiteral("a.sqlite")), true);
        window.statusBar()->addPermanentWidget(bar);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::mouseClick(&bar->settings_button(), Qt::LeftButton);
        QTRY_VERIFY(bar->dialog() && bar->dialog()->isVisible());
        SharedStudyDialog& dialog = *bar->dialog();
        QTest::keyClicks(&dialog.server_field(),
                         QStringLiteral("postgresql://room-a:s3cret@study.example/algoscope"));
        QVERIFY(dialog.problem_label().isVisible());
        QVERIFY2(dialog.problem_label().text().contains(QStringLiteral("~/.pgpass")),
                 qPrintable(dialog.problem_label().text()));
        QVERIFY(!dialog.buttons().button(QDialogButtonBox::Save)->isEnabled());
        QTest::mouseClick(dialog.buttons().button(QDialogButtonBox::Cancel), Qt::LeftButton);
        QCOMPARE(prefs.shared_server(), QString());
        QVERIFY(!bar->status());
    }

private:
    algotest::TestServer server_;
    std::string database_;
};

QTEST_MAIN(SharedStudySettingsTest)
#include "SharedStudySettingsTest.moc"
