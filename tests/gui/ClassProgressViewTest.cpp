// The Class page's "Over the course" view driven as a teacher would, on the real widgets against
// the real test PostgreSQL: stations of 7b published in the class and pushed their students'
// scores over two sessions (8a's student too); "Over the course" reads them on a worker (the
// page does not wait), shows one line per student through their sessions with the stored
// numbers, the picked student's every attempt in the Training page's chart, and Export… writes
// the same bytes as `algoscope-cli class progress --csv`. Laid out whole and photographed at
// 1024x640, 1280x800 and 1920x1080 (ALGOSCOPE_SHOT_DIR).
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <memory>

#include "CliCommand.h"
#include "CourseRecords.h"
#include "LayoutChecks.h"
#include "TeacherWindow.h"
#include "TestServer.h"
#include "algocore/sharedstudy/ClassPublisher.h"
#include "algocore/sharedstudy/ServerConnection.h"
#include "algocore/sharedstudy/ServerSchema.h"
#include "algogui/MainWindow.h"
#include "algogui/Preferences.h"
#include "algogui/Screenshot.h"
#include "algogui/ToneOutput.h"
#include "algogui/class/ClassCourseChart.h"
#include "algogui/class/ClassPage.h"
#include "algogui/class/ClassProgressView.h"
#include "algogui/training/ProgressChart.h"

using namespace algogui;
using namespace algogui::classview;
using namespace algocore::sharedstudy;
using namespace std::chrono_literals;
using algotest::StoredAttempt;

namespace {

constexpr const char* kDesk1 = "0190eeee-0000-7000-8000-000000000001";
constexpr const char* kDesk2 = "0190eeee-0000-7000-8000-000000000002";
constexpr const char* kDesk3 = "0190eeee-0000-7000-8000-000000000003";

const std::vector<StoredAttempt> kAnna{
    {"Anna", 1, "2099-03-01T09:00:00Z", 31.0625, 42.75, 20.5, 22.25},
    {"Anna", 1, "2099-03-01T09:01:30Z", 12.5, 25.25, 14.375, 55.5},
    {"Anna", 2, "2099-03-08T09:00:05Z", -4.25, 9.5, 6.125, 81.5},
    {"Anna", 3, "2099-03-15T09:00:05Z", -1.5, 6.0, 4.0, 90.0},
};
const std::vector<StoredAttempt> kBen{
    {"Ben", 1, "2099-03-01T10:00:00Z", -18.0, 30.0, 11.0, 40.0},
    {"Ben", 2, "2099-03-09T10:00:00Z", -2.0, 12.0, 7.0, 77.0},
    {"Ben", 2, "2099-03-09T10:02:00Z", 3.0, 10.0, 6.0, 80.0},
};

} // namespace

class ClassProgressViewTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        std::string error;
        server_ = algotest::TestServer::from_environment(error);
        QVERIFY2(error.empty(), error.c_str()); // no server is a failure, never a skip
        database_ = "gui_course_" + std::to_string(QCoreApplication::applicationPid());
        QCOMPARE(server_.recreate_database(database_), std::string());
        url_ = server_.admin_url(database_);
        auto admin = ServerConnection::open(url_);
        QVERIFY2(admin.connection, admin.error.message.c_str());
        QVERIFY(!init_study(*admin.connection, "course").error);
        QVERIFY(admin.connection->exec("INSERT INTO algoscope.classes (name) VALUES ('7b'), ('8a')")
                    .ok());
        int n = 0;
        for (const char* uuid : {kDesk1, kDesk2, kDesk3}) {
            auto added = admin.connection->exec(
                "INSERT INTO algoscope.stations (uuid, name) VALUES ($1, $2)",
                {ServerParam::text(uuid), ServerParam::text("desk " + std::to_string(++n))});
            QVERIFY2(added.ok(), added.error.message.c_str());
        }
        // Each station publishes in its class (the server notes it), then pushes its scores.
        const auto publish = [this](const char* station, const char* class_name) {
            ClassPublisher publisher(url_, station, class_name);
            StationProgress p;
            p.student = "someone";
            p.exercise = "trapezius 300";
            p.t_utc_s = 1.8e9;
            publisher.offer(p);
            return publisher.flush(5s);
        };
        QVERIFY(publish(kDesk1, "7b") && publish(kDesk2, "7b") && publish(kDesk3, "8a"));
        algotest::CourseRecords records;
        QCOMPARE(records.push(*admin.connection, kDesk1, kAnna), std::string());
        QCOMPARE(records.push(*admin.connection, kDesk2, kBen), std::string());
        QCOMPARE(records.push(*admin.connection, kDesk3,
                              {{"Carl", 1, "2099-03-01T11:00:00Z", 1.0, 2.0, 3.0, 99.0}}),
                 std::string());
    }

    void cleanupTestCase() {
        if (!database_.empty())
            server_.admin_sql("postgres", "DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
    }

    void theCourseShowsEachStudentsSessionsWithTheStoredNumbers() {
        QTemporaryDir dir; // for the exports
        TeacherWindow teacher(url_);
        MainWindow& window = teacher.window();
        ClassPage* page = teacher.class_page();
        QVERIFY(page);
        QTest::keyClicks(&page->class_field(), QStringLiteral("7b"));
        ClassProgressView& view = page->progress_view();
        const QString live = page->status_label().text();
        QCOMPARE(live, QStringLiteral("Name the class and press Watch."));
        QTest::mouseClick(&page->course_button(), Qt::LeftButton);
        // The read runs on a worker: the click returns before the answer.
        QCOMPARE(view.answers(), 0);
        QVERIFY(view.isVisible());
        // The page's status line says what is shown, the class's course, not the live table's
        // words; the view's own status line is not shown beside it.
        QCOMPARE(page->status_label().text(), QStringLiteral("Reading the course of 7b…"));
        QVERIFY(!view.status_label().isVisible());
        // The live table's filter has nothing to filter here, so it is not offered.
        QVERIFY(!page->filter_field().isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(view.answers(), 1, 10000);
        QVERIFY2(view.export_button().isEnabled(), qPrintable(view.status_label().text()));
        QCOMPARE(page->status_label().text(),
                 QStringLiteral("7b: 7 finished attempts by 2 students"));

        // One line per student, each point a session's mean of the stored absolute errors.
        const auto& series = view.chart().series();
        QCOMPARE(series.size(), std::size_t{2});
        QCOMPARE(series[0].student, QStringLiteral("Anna"));
        QCOMPARE(series[0].session_means, (std::vector<double>{(42.75 + 25.25) / 2.0, 9.5, 6.0}));
        QCOMPARE(series[1].student, QStringLiteral("Ben"));
        QCOMPARE(series[1].session_means, (std::vector<double>{30.0, (12.0 + 10.0) / 2.0}));
        QCOMPARE(view.students().count(), 2);
        QCOMPARE(view.students().item(0)->text(), QStringLiteral("Anna — 3 sessions, 4 attempts"));
        QCOMPARE(view.students().item(1)->text(), QStringLiteral("Ben — 2 sessions, 3 attempts"));
        for (const auto& a : view.attempts())
            QVERIFY2(a.student != "Carl", "8a's student shows in 7b");

        // Time in band instead.
        view.measure_box().setCurrentIndex(1);
        QCOMPARE(view.chart().series()[0].session_means,
                 (std::vector<double>{(22.25 + 55.5) / 2.0, 81.5, 90.0}));
        QCOMPARE(view.chart().series()[1].session_means,
                 (std::vector<double>{40.0, (77.0 + 80.0) / 2.0}));

        // The picked student's every attempt, in the Training page's chart.
        QTest::mouseClick(view.students().viewport(), Qt::LeftButton, {},
                          view.students().visualItemRect(view.students().item(1)).center());
        const auto& scores = view.student_chart().scores();
        QCOMPARE(scores.size(), kBen.size());
        for (std::size_t i = 0; i < kBen.size(); ++i) {
            QCOMPARE(QString::fromStdString(scores[i].attempted_utc), QString(kBen[i].t));
            QCOMPARE(scores[i].absolute_error_kpa, kBen[i].ae);
            QCOMPARE(scores[i].constant_error_kpa, kBen[i].ce);
            QCOMPARE(scores[i].variable_error_kpa, kBen[i].ve);
            QCOMPARE(scores[i].time_in_band_pct, kBen[i].tib);
        }
        QCOMPARE(view.student_chart().sessions_shown(), 2);
        QVERIFY(view.student_title().text().startsWith(QStringLiteral("Ben: every attempt")));

        // Export… writes what the CLI writes, byte for byte.
        const QString gui_csv = dir.filePath(QStringLiteral("gui.csv"));
        const QString cli_csv = dir.filePath(QStringLiteral("cli.csv"));
        QCOMPARE(view.export_to(gui_csv), QString());
        QCOMPARE(parity::cli_command({"class", "progress", "--server", url_, "--class", "7b",
                                      "--csv", cli_csv.toStdString()}),
                 0);
        QFile gui_file(gui_csv);
        QFile cli_file(cli_csv);
        QVERIFY(gui_file.open(QIODevice::ReadOnly) && cli_file.open(QIODevice::ReadOnly));
        const QByteArray gui_bytes = gui_file.readAll();
        QCOMPARE(gui_bytes.count('\n'), 8);
        QVERIFY(gui_bytes.contains("7b,Ben,2099-03-09T10:02:00Z,desk 2,"));
        QCOMPARE(gui_bytes, cli_file.readAll());

        // Laid out whole at a laptop's and a projector's size, and photographed.
        view.measure_box().setCurrentIndex(0);
        for (const QSize size : {QSize(1024, 640), QSize(1280, 800), QSize(1920, 1080)}) {
            window.resize(size);
            QTest::qWait(100);
            const QStringList problems = layout_checks::text_that_does_not_fit(window) +
                                         layout_checks::widgets_cut_off(window);
            QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1x%2: %3")
                                                        .arg(size.width())
                                                        .arg(size.height())
                                                        .arg(problems.join("; "))));
            if (const QByteArray folder = qgetenv("ALGOSCOPE_SHOT_DIR"); !folder.isEmpty()) {
                QString error;
                QVERIFY2(save_widget_png(window,
                                         QStringLiteral("%1/class-progress-%2x%3.png")
                                             .arg(QString::fromLocal8Bit(folder))
                                             .arg(size.width())
                                             .arg(size.height()),
                                         &error),
                         qPrintable(error));
            }
        }
        // Back to the live class, and its status line.
        QTest::mouseClick(&page->course_button(), Qt::LeftButton);
        QVERIFY(!view.isVisible());
        QCOMPARE(page->status_label().text(), live);
        QVERIFY(page->filter_field().isVisible());
    }

    void aClassThatIsNotThereIsNamed() {
        ClassProgressView view;
        view.load(QString::fromStdString(url_), QStringLiteral("nosuch"));
        QTRY_COMPARE_WITH_TIMEOUT(view.answers(), 1, 10000);
        QVERIFY2(view.status_label().text().contains(QStringLiteral("no class named 'nosuch'")),
                 qPrintable(view.status_label().text()));
        QVERIFY(!view.export_button().isEnabled());
    }

private:
    algotest::TestServer server_;
    std::string database_;
    std::string url_;
};

QTEST_MAIN(ClassProgressViewTest)
#include "ClassProgressViewTest.moc"
