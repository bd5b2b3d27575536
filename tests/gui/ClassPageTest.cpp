// The Class page driven as a teacher would, on the real widgets against the real test
// PostgreSQL server: stations publish their progress (algocore's ClassPublisher, as a station
// does), the class is named and Watch clicked, and the table shows each station's state and
// numbers as published; a station that stops publishing shows "offline" within ~2 s without a
// pressure; a click follows a station large. With 30 stations the page is laid out (nothing
// cut) and photographed at 1280x800 and 1920x1080 (ALGOSCOPE_SHOT_DIR, scripts/screenshots.sh).
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>

#include "LayoutChecks.h"
#include "SilentServer.h"
#include "TeacherWindow.h"
#include "TestServer.h"
#include "algocore/protocols/FeedbackSchedule.h"
#include "algocore/session/Workbench.h"
#include "algocore/sharedstudy/ClassExercise.h"
#include "algocore/sharedstudy/ClassPublisher.h"
#include "algocore/sharedstudy/ServerConnection.h"
#include "algocore/sharedstudy/ServerSchema.h"
#include "algogui/MainWindow.h"
#include "algogui/Preferences.h"
#include "algogui/Screenshot.h"
#include "algogui/ToneOutput.h"
#include "algogui/class/AssignExerciseDialog.h"
#include "algogui/class/ClassPage.h"
#include "algogui/class/ClassTableModel.h"
#include "algogui/class/StationFollowView.h"

using namespace algogui;
using namespace algogui::classview;
using namespace algocore::sharedstudy;
using namespace std::chrono_literals;

namespace {

std::string station_uuid(int n) {
    char text[40];
    std::snprintf(text, sizeof text, "0190cccc-0000-7000-8000-%012d", n);
    return text;
}

std::string station_name(int n) {
    return "desk " + std::to_string(n);
}

StationProgress progress(const char* student, StationState state, std::optional<double> kpa,
                         double in_band_pct) {
    StationProgress p;
    p.student = student;
    p.exercise = "trapezius hold";
    p.state = state;
    p.pressure_kpa = kpa;
    p.band_low_kpa = 250.0;
    p.band_high_kpa = 350.0;
    p.in_band_pct = in_band_pct;
    // Each offer a moment later, as a station's clock moves on.
    static double t_utc_s = 1.8e9;
    t_utc_s += 0.2;
    p.t_utc_s = t_utc_s;
    return p;
}

// The text the table shows in a station's row (found by its name) and a column.
QString cell(QTableView& table, const QString& station, int column) {
    auto* model = table.model();
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, ClassTableModel::Station).data().toString() == station)
            return model->index(r, column).data().toString();
    return QStringLiteral("<no row %1>").arg(station);
}

// Every cell's text fits its column (the table is read from 2 m: nothing elided or cut).
QStringList cells_that_do_not_fit(QTableView& table) {
    QStringList problems;
    const QFontMetrics metrics(table.font());
    auto* model = table.model();
    for (int c = 0; c < model->columnCount(); ++c) {
        const QString title = model->headerData(c, Qt::Horizontal).toString();
        const QFontMetrics header(table.horizontalHeader()->font());
        // Room for the title and the sort arrow.
        const int arrow = table.style()->pixelMetric(QStyle::PM_HeaderMarkSize) +
                          2 * table.style()->pixelMetric(QStyle::PM_HeaderMargin);
        if (header.horizontalAdvance(title) + arrow + 4 > table.columnWidth(c))
            problems << QStringLiteral("header %1 (%2 px)").arg(title).arg(table.columnWidth(c));
        if (c == ClassTableModel::Pressure) continue; // a bar and a number, drawn to fit
        for (int r = 0; r < model->rowCount(); ++r) {
            const QString text = model->index(r, c).data().toString();
            if (metrics.horizontalAdvance(text) + 8 > table.columnWidth(c))
                problems << QStringLiteral("%1 in column %2 (%3 px)")
                                .arg(text, title)
                                .arg(table.columnWidth(c));
        }
    }
    // Every column is on the page: nothing to scroll sideways to.
    if (table.horizontalHeader()->length() > table.viewport()->width())
        problems << QStringLiteral("columns %1 px wide in %2 px")
                        .arg(table.horizontalHeader()->length())
                        .arg(table.viewport()->width());
    if (metrics.height() > table.rowHeight(0))
        problems << QStringLiteral("rows of %1 px for text %2 px high")
                        .arg(table.rowHeight(0))
                        .arg(metrics.height());
    return problems;
}

} // namespace

class ClassPageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        std::string error;
        server_ = algotest::TestServer::from_environment(error);
        QVERIFY2(error.empty(), error.c_str()); // no server is a failure, never a skip
        database_ = "gui_class_" + std::to_string(QCoreApplication::applicationPid());
        QCOMPARE(server_.recreate_database(database_), std::string());
        url_ = server_.admin_url(database_);
        auto admin = ServerConnection::open(url_);
        QVERIFY2(admin.connection, admin.error.message.c_str());
        QVERIFY(!init_study(*admin.connection, "class").error);
        QVERIFY(
            admin.connection
                ->exec("INSERT INTO algoscope.classes (name) VALUES ('7b'), ('room 30'), ('7f')")
                .ok());
        for (int n = 1; n <= 30; ++n) {
            auto added = admin.connection->exec(
                "INSERT INTO algoscope.stations (uuid, name) VALUES ($1, $2)",
                {ServerParam::text(station_uuid(n)), ServerParam::text(station_name(n))});
            QVERIFY2(added.ok(), added.error.message.c_str());
        }
    }

    void cleanupTestCase() {
        if (!database_.empty())
            server_.admin_sql("postgres", "DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
    }

    void threeStationsShowAsPublishedAndOneThatStopsGoesOffline() {
        TeacherWindow teacher(url_);
        ClassPage* page = teacher.class_page();
        QVERIFY(page);
        // The server comes from the shared-study setting.
        QCOMPARE(page->server_field().text(), QString::fromStdString(url_));

        auto desk1 = std::make_unique<ClassPublisher>(url_, station_uuid(1), "7b");
        auto desk2 = std::make_unique<ClassPublisher>(url_, station_uuid(2), "7b");
        auto desk3 = std::make_unique<ClassPublisher>(url_, station_uuid(3), "7b");
        desk1->offer(progress("Anna", StationState::Attempt, 312.0, 84.0));
        StationProgress done = progress("Ben", StationState::Done, 301.0, 90.0);
        done.score = ClassScore{4.5, 12.5, 9.5, 90.0};
        desk2->offer(done);
        desk3->offer(progress("Cleo", StationState::NoSignal, std::nullopt, 20.0));
        QVERIFY(desk1->flush(5s) && desk2->flush(5s) && desk3->flush(5s));

        QTest::keyClicks(&page->class_field(), QStringLiteral("7b"));
        QTest::mouseClick(&page->watch_button(), Qt::LeftButton);
        QTableView& table = page->table();
        QTRY_COMPARE_WITH_TIMEOUT(table.model()->rowCount(), 3, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(cell(table, "desk 1", ClassTableModel::Pressure),
                                  QStringLiteral("312.0"), 5000);
        QCOMPARE(cell(table, "desk 1", ClassTableModel::Student), QStringLiteral("Anna"));
        QCOMPARE(cell(table, "desk 1", ClassTableModel::Exercise),
                 QStringLiteral("trapezius hold"));
        QCOMPARE(cell(table, "desk 1", ClassTableModel::State), QStringLiteral("attempt running"));
        QCOMPARE(cell(table, "desk 1", ClassTableModel::InBand), QStringLiteral("84 %"));
        QCOMPARE(cell(table, "desk 1", ClassTableModel::AbsoluteError), QStringLiteral("–"));
        QCOMPARE(cell(table, "desk 2", ClassTableModel::State), QStringLiteral("done"));
        QCOMPARE(cell(table, "desk 2", ClassTableModel::Pressure), QStringLiteral("301.0"));
        QCOMPARE(cell(table, "desk 2", ClassTableModel::InBand), QStringLiteral("90 %"));
        QCOMPARE(cell(table, "desk 2", ClassTableModel::AbsoluteError), QStringLiteral("12.5"));
        QCOMPARE(cell(table, "desk 2", ClassTableModel::ConstantError), QStringLiteral("+4.5"));
        QCOMPARE(cell(table, "desk 2", ClassTableModel::VariableError), QStringLiteral("9.5"));
        QCOMPARE(cell(table, "desk 3", ClassTableModel::State), QStringLiteral("NO SIGNAL"));
        QCOMPARE(cell(table, "desk 3", ClassTableModel::Pressure), QString());
        QCOMPARE(cell(table, "desk 3", ClassTableModel::Student), QStringLiteral("Cleo"));

        // Sorted by pressure (a header click), highest first on the second click.
        const int pressure_x =
            table.horizontalHeader()->sectionViewportPosition(ClassTableModel::Pressure) + 5;
        QTest::mouseClick(table.horizontalHeader()->viewport(), Qt::LeftButton, {},
                          QPoint(pressure_x, 5));
        QTest::mouseClick(table.horizontalHeader()->viewport(), Qt::LeftButton, {},
                          QPoint(pressure_x, 5));
        QCOMPARE(table.model()->index(0, ClassTableModel::Station).data().toString(),
                 QStringLiteral("desk 1"));
        QCOMPARE(table.model()->index(2, ClassTableModel::Station).data().toString(),
                 QStringLiteral("desk 3"));

        // Desk 1 keeps publishing; desk 2 stops (its program ended): offline, no pressure.
        desk2.reset();
        const auto stopped = std::chrono::steady_clock::now();
        double kpa = 312.0;
        QElapsedTimer waited;
        waited.start();
        while (cell(table, "desk 2", ClassTableModel::State) != QStringLiteral("offline") &&
               waited.elapsed() < 5000) {
            kpa += 1.0;
            desk1->offer(progress("Anna", StationState::Attempt, kpa, 85.0));
            QTest::qWait(50);
        }
        const double offline_after_s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - stopped).count();
        QCOMPARE(cell(table, "desk 2", ClassTableModel::State), QStringLiteral("offline"));
        qInfo("desk 2 showed offline %.2f s after it stopped publishing", offline_after_s);
        QVERIFY2(offline_after_s <= 2.6, qPrintable(QString::number(offline_after_s)));
        QCOMPARE(cell(table, "desk 2", ClassTableModel::Pressure), QString());
        QCOMPARE(cell(table, "desk 1", ClassTableModel::State), QStringLiteral("attempt running"));
        qInfo("%d pictures since Watch", page->pictures());
        // At most ten pictures a second reached the table.
        QVERIFY2(page->pictures() <= 10 * (waited.elapsed() / 1000 + 12),
                 qPrintable(QString::number(page->pictures())));

        // A click on desk 1 follows it large: its pressure, live, in band.
        int row = 0;
        while (table.model()->index(row, 0).data().toString() != QStringLiteral("desk 1"))
            ++row;
        const QRect at = table.visualRect(table.model()->index(row, ClassTableModel::Student));
        QTest::mouseClick(table.viewport(), Qt::LeftButton, {}, at.center());
        QVERIFY(page->following());
        StationFollowView& follow = page->follow_view();
        desk1->offer(progress("Anna", StationState::Attempt, 333.0, 86.0));
        QTRY_COMPARE_WITH_TIMEOUT(follow.pressure().text(), QStringLiteral("333 kPa"), 5000);
        QVERIFY(follow.band_state().text().contains(QStringLiteral("IN BAND")));
        QVERIFY(follow.trace_points() >= 2);
        // Desk 1 stops too: the large view shows no number.
        desk1.reset();
        QTRY_VERIFY_WITH_TIMEOUT(follow.band_state().text().contains(QStringLiteral("offline")),
                                 5000);
        QCOMPARE(follow.pressure().text(), QStringLiteral("–"));
        QTest::mouseClick(&follow.close_button(), Qt::LeftButton);
        QVERIFY(!page->following());
    }

    // "Assign exercise…": a template the teacher recorded is handed out to 7b through the engine
    // of `class assign`; the server's current exercise of 7b is then that template and schedule.
    void assignExerciseHandsOutATemplateOfTheOpenDatabase() {
        QTemporaryDir dir;
        const std::string db = dir.filePath(QStringLiteral("teacher.sqlite")).toStdString();
        algocore::session::Workbench workbench;
        QCOMPARE(workbench.open_database(db), std::string());
        auto& training = workbench.training();
        QCOMPARE(training.set_teacher("Tess"), std::string());
        QCOMPARE(training.start_recording(algocore::protocols::TemplateKind::Hold, "trapezius 300",
                                          algocore::protocols::PressureBand{250.0, 350.0}),
                 std::string());
        std::vector<algocore::Sample> hold;
        // Rest 1 s, press to 300 kPa in 0.5 s, hold it 3 s.
        for (int i = 0; i <= 4500; ++i) {
            algocore::Sample sample;
            sample.t_s = i / 1000.0;
            sample.pressure_kpa = sample.t_s < 1.0   ? 0.0
                                  : sample.t_s < 1.5 ? 600.0 * (sample.t_s - 1.0)
                                                     : 300.0;
            hold.push_back(sample);
        }
        workbench.feed_frame(hold);
        QCOMPARE(training.finish_recording(), std::string());
        QVERIFY(training.template_id());
        QVERIFY(workbench.storage()->flush(std::chrono::seconds(10)));

        Preferences prefs(dir.filePath(QStringLiteral("prefs.ini")));
        prefs.set_shared_study(QString::fromStdString(url_), QStringLiteral("teacher desk"));
        MainWindow window(prefs, std::make_unique<SilentToneOutput>(), &workbench);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* page = window.findChild<ClassPage*>();
        QVERIFY(page);
        window.show_page(page);
        QTest::keyClicks(&page->class_field(), QStringLiteral("7b"));
        QTest::mouseClick(&page->assign_button(), Qt::LeftButton);
        QTRY_VERIFY(page->assign_dialog() && page->assign_dialog()->isVisible());
        AssignExerciseDialog& dialog = *page->assign_dialog();
        QCOMPARE(dialog.templates().count(), 1);
        QVERIFY(dialog.templates().currentText().startsWith(QStringLiteral("trapezius 300")));
        dialog.feedback().setCurrentIndex(2); // band_only on every attempt
        QTest::mouseClick(&dialog.assign_button(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.assigned(), 20000);
        QCOMPARE(dialog.result_label().text(),
                 QStringLiteral("Class 7b: exercise 'trapezius 300' assigned"));

        auto admin = ServerConnection::open(url_);
        QVERIFY(admin.connection);
        const ClassExerciseRead current = read_current_exercise(*admin.connection, "7b");
        QVERIFY2(current.exercise, current.error.message.c_str());
        QCOMPARE(current.exercise->name, std::string("trapezius 300"));
        QCOMPARE(current.exercise->band_low_kpa, std::optional<double>(250.0));
        std::string why;
        const auto schedule =
            algocore::protocols::FeedbackSchedule::from_json(current.exercise->schedule, &why);
        QVERIFY2(schedule, why.c_str());
        QCOMPARE(schedule->stages().size(), std::size_t{1});
        QVERIFY(schedule->stages()[0].level == algocore::protocols::FeedbackLevel::BandOnly);
        dialog.close();

        // Against a server that hangs mid-connect, Assign says it is assigning, and closing
        // the dialog meanwhile returns at once (it waited for libpq's connect_timeout before).
        algotest::SilentServer silent;
        QVERIFY(silent.port() > 0);
        page->server_field().setText(QString::fromStdString(silent.address(3)));
        QTest::mouseClick(&page->assign_button(), Qt::LeftButton);
        QTRY_VERIFY(page->assign_dialog() && page->assign_dialog()->isVisible());
        QPointer<AssignExerciseDialog> waiting = page->assign_dialog();
        QTest::mouseClick(&waiting->assign_button(), Qt::LeftButton);
        QCOMPARE(waiting->result_label().text(), QStringLiteral("Assigning…"));
        QTest::qWait(300);
        QElapsedTimer closing;
        closing.start();
        waiting->close(); // deleted on close
        QTRY_VERIFY(waiting.isNull());
        QVERIFY2(closing.elapsed() < 1000, qPrintable(QString::number(closing.elapsed())));
    }

    void aClassOfThirtyFitsAProjectorAndALaptop() {
        TeacherWindow teacher(url_);
        MainWindow& window = teacher.window();
        ClassPage* page = teacher.class_page();
        QVERIFY(page);

        static const char* const kStudents[] = {
            "Anna Berg",    "Ben Okafor",    "Cleo Martin",   "Dawit Haile",   "Eva Novak",
            "Farid Haddad", "Greta Lind",    "Hugo Silva",    "Ines Moreau",   "Jonas Weber",
            "Kira Tanaka",  "Leo Rossi",     "Maja Kowalska", "Nils Berg",     "Olga Petrova",
            "Pablo Ruiz",   "Quinn Walsh",   "Rosa Costa",    "Sami Virtanen", "Tara Singh",
            "Uma Patel",    "Victor Dubois", "Wen Li",        "Xenia Popova",  "Yusuf Demir",
            "Zoe Fischer",  "Amir Khan",     "Bea Schmidt",   "Carl Jensen",   "Dana Cohen"};
        std::vector<std::unique_ptr<ClassPublisher>> stations;
        std::vector<StationProgress> published;
        for (int n = 1; n <= 30; ++n) {
            stations.push_back(std::make_unique<ClassPublisher>(url_, station_uuid(n), "room 30"));
            StationProgress p;
            switch (n % 6) {
            case 0:
                p = progress(kStudents[n - 1], StationState::Idle, std::nullopt, 0.0);
                p.in_band_pct.reset();
                break;
            case 1:
            case 2:
            case 3:
                p = progress(kStudents[n - 1], StationState::Attempt, 200.0 + 7.0 * n, 40.0 + n);
                break;
            case 4:
                p = progress(kStudents[n - 1], StationState::Done, 290.0 + n, 60.0 + n);
                p.score = ClassScore{-3.5 + n * 0.5, 10.0 + n, 8.0 + n * 0.25, 60.0 + n};
                break;
            default:
                p = progress(kStudents[n - 1], StationState::NoSignal, std::nullopt, 30.0);
                break;
            }
            p.exercise = n % 2 ? "trapezius hold 300 kPa" : "forearm ramp";
            published.push_back(p);
        }
        // The stations publish as they do while their students train (5 a second, the pressure
        // moving), for `ms`; desk 7 has gone away.
        int tick = 0;
        const auto keep_publishing = [&](int ms) {
            QElapsedTimer elapsed;
            elapsed.start();
            while (elapsed.elapsed() < ms) {
                ++tick;
                for (std::size_t i = 0; i < stations.size(); ++i) {
                    if (!stations[i]) continue;
                    StationProgress p = published[i];
                    p.t_utc_s = 1.8e9 + tick * 0.2;
                    if (p.state == StationState::Attempt)
                        *p.pressure_kpa += 20.0 * std::sin(tick * 0.3 + static_cast<double>(i));
                    stations[i]->offer(p);
                }
                QTest::qWait(200);
            }
        };
        keep_publishing(400);
        for (auto& s : stations)
            QVERIFY(s->flush(10s));
        stations[6].reset();

        QTest::keyClicks(&page->class_field(), QStringLiteral("room 30"));
        QTest::keyClick(&page->class_field(), Qt::Key_Return);
        QTableView& table = page->table();
        QElapsedTimer waited;
        waited.start();
        while ((table.model()->rowCount() < 30 ||
                cell(table, "desk 7", ClassTableModel::State) != QStringLiteral("offline")) &&
               waited.elapsed() < 15000)
            keep_publishing(200);
        QCOMPARE(table.model()->rowCount(), 30);
        QCOMPARE(cell(table, "desk 7", ClassTableModel::State), QStringLiteral("offline"));
        QCOMPARE(cell(table, "desk 1", ClassTableModel::State), QStringLiteral("attempt running"));
        // Sorted by station as people count: desk 2 comes before desk 10.
        QCOMPARE(table.model()->index(1, ClassTableModel::Station).data().toString(),
                 QStringLiteral("desk 2"));
        for (const QSize size : {QSize(1024, 640), QSize(1280, 800), QSize(1920, 1080)}) {
            window.resize(size);
            keep_publishing(400);
            QCOMPARE(cell(table, "desk 1", ClassTableModel::State),
                     QStringLiteral("attempt running"));
            const QStringList problems = layout_checks::text_that_does_not_fit(window) +
                                         layout_checks::widgets_cut_off(window) +
                                         cells_that_do_not_fit(table);
            QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1x%2: %3")
                                                        .arg(size.width())
                                                        .arg(size.height())
                                                        .arg(problems.join("; "))));
            if (size.height() >= 1080) {
                // On the projector the whole class is on the page at once.
                QVERIFY2(table.verticalScrollBar()->maximum() == 0,
                         qPrintable(QString::number(table.verticalScrollBar()->maximum())));
                QVERIFY2(table.font().pixelSize() >= 17,
                         qPrintable(QString::number(table.font().pixelSize())));
                // What the teacher types in the filter reads as large as the class.
                QVERIFY2(page->filter_field().font().pixelSize() >= table.font().pixelSize(),
                         qPrintable(QString::number(page->filter_field().font().pixelSize())));
            }
            if (const QByteArray folder = qgetenv("ALGOSCOPE_SHOT_DIR"); !folder.isEmpty()) {
                QString error;
                QVERIFY2(save_widget_png(window,
                                         QStringLiteral("%1/class-%2x%3.png")
                                             .arg(QString::fromLocal8Bit(folder))
                                             .arg(size.width())
                                             .arg(size.height()),
                                         &error),
                         qPrintable(error));
            }
        }

        // The projector with the class narrowed to one exercise: half the class, still sorted.
        QTest::keyClicks(&page->filter_field(), QStringLiteral("forearm"));
        QCOMPARE(table.model()->rowCount(), 15);
        QCOMPARE(page->status_label().text(),
                 QStringLiteral("Class room 30: 30 station(s), 15 shown"));
        QCOMPARE(table.model()->index(0, ClassTableModel::Station).data().toString(),
                 QStringLiteral("desk 2"));
        keep_publishing(400);
        QStringList narrowed = layout_checks::text_that_does_not_fit(window) +
                               layout_checks::widgets_cut_off(window) +
                               cells_that_do_not_fit(table);
        QVERIFY2(narrowed.isEmpty(), qPrintable(narrowed.join("; ")));
        if (const QByteArray folder = qgetenv("ALGOSCOPE_SHOT_DIR"); !folder.isEmpty()) {
            QString error;
            QVERIFY2(save_widget_png(window,
                                     QStringLiteral("%1/class-filter-1920x1080.png")
                                         .arg(QString::fromLocal8Bit(folder)),
                                     &error),
                     qPrintable(error));
        }
        QTest::keyClick(&page->filter_field(), Qt::Key_Escape);
        QCOMPARE(table.model()->rowCount(), 30);

        // Desk 1 followed large on the projector: its trace against the band, live.
        int row = 0;
        while (table.model()->index(row, 0).data().toString() != QStringLiteral("desk 1"))
            ++row;
        QTest::mouseClick(
            table.viewport(), Qt::LeftButton, {},
            table.visualRect(table.model()->index(row, ClassTableModel::Student)).center());
        QVERIFY(page->following());
        keep_publishing(3000);
        StationFollowView& follow = page->follow_view();
        QVERIFY(follow.trace_points() >= 10);
        QVERIFY(follow.pressure().text().endsWith(QStringLiteral(" kPa")));
        const QStringList problems =
            layout_checks::text_that_does_not_fit(window) + layout_checks::widgets_cut_off(window);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join("; ")));
        if (const QByteArray folder = qgetenv("ALGOSCOPE_SHOT_DIR"); !folder.isEmpty()) {
            QString error;
            QVERIFY2(save_widget_png(window,
                                     QStringLiteral("%1/class-follow-1920x1080.png")
                                         .arg(QString::fromLocal8Bit(folder)),
                                     &error),
                     qPrintable(error));
        }
    }

    // The filter box: the teacher types part of a student's name, an exercise or a state and
    // the table shows only those stations, still sorted; Esc shows them all again. A click on
    // a row of the narrowed table follows the station in that row (the proxy's row mapped to
    // the model's, not the model's row of the same number).
    void theFilterNarrowsTheClassAndAClickFollowsTheStationShown() {
        TeacherWindow teacher(url_);
        ClassPage* page = teacher.class_page();
        QVERIFY(page);
        QVERIFY(!page->filter_field().placeholderText().isEmpty());

        struct Desk {
            int n;
            const char* student;
            const char* exercise;
            StationState state;
            std::optional<double> kpa;
        };
        const Desk desks[] = {{11, "Anna Berg", "forearm ramp", StationState::Attempt, 280.0},
                              {12, "Ben Okafor", "trapezius hold", StationState::Done, 301.0},
                              {13, "Cleo Martin", "forearm ramp", StationState::NoSignal, {}},
                              {14, "Dawit Berger", "trapezius hold", StationState::Attempt, 260.0}};
        std::vector<std::unique_ptr<ClassPublisher>> stations;
        std::vector<StationProgress> published;
        for (const Desk& d : desks) {
            stations.push_back(std::make_unique<ClassPublisher>(url_, station_uuid(d.n), "7f"));
            published.push_back(progress(d.student, d.state, d.kpa, 50.0));
            published.back().exercise = d.exercise;
        }
        // The stations publish 5 times a second as they do while their students train.
        int tick = 0;
        const auto publish = [&] {
            ++tick;
            for (std::size_t i = 0; i < stations.size(); ++i) {
                if (!stations[i]) continue;
                StationProgress p = published[i];
                p.t_utc_s = 1.9e9 + tick * 0.2;
                stations[i]->offer(p);
            }
        };
        publish();
        for (auto& s : stations)
            QVERIFY(s->flush(10s));
        QTimer publishing;
        publishing.setInterval(200);
        connect(&publishing, &QTimer::timeout, this, publish);
        publishing.start();
        // Desk 14 goes away: it shows offline.
        stations.back().reset();
        QTest::keyClicks(&page->class_field(), QStringLiteral("7f"));
        QTest::keyClick(&page->class_field(), Qt::Key_Return);
        QTableView& table = page->table();
        QTRY_COMPARE_WITH_TIMEOUT(table.model()->rowCount(), 4, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(cell(table, "desk 14", ClassTableModel::State),
                                  QStringLiteral("offline"), 6000);

        const auto shown = [&] {
            QStringList rows;
            for (int r = 0; r < table.model()->rowCount(); ++r)
                rows << table.model()->index(r, ClassTableModel::Station).data().toString();
            return rows.join(QStringLiteral(", "));
        };
        const auto filter_by = [&](const QString& text) {
            page->filter_field().clear();
            QTest::keyClicks(&page->filter_field(), text);
            return shown();
        };
        // A student's name, in any case; an exercise; a state in the teacher's words.
        QCOMPARE(filter_by(QStringLiteral("BERG")), QStringLiteral("desk 11, desk 14"));
        QCOMPARE(filter_by(QStringLiteral("ramp")), QStringLiteral("desk 11, desk 13"));
        QCOMPARE(filter_by(QStringLiteral("offline")), QStringLiteral("desk 14"));
        QCOMPARE(filter_by(QStringLiteral("no signal")), QStringLiteral("desk 13"));
        QCOMPARE(filter_by(QStringLiteral("desk 12")), QStringLiteral("desk 12"));
        QCOMPARE(filter_by(QStringLiteral("nobody")), QString());
        // Esc shows every station again.
        QTest::keyClick(&page->filter_field(), Qt::Key_Escape);
        QCOMPARE(page->filter_field().text(), QString());
        QCOMPARE(shown(), QStringLiteral("desk 11, desk 12, desk 13, desk 14"));

        // Narrowed and sorted by station, last first (two header clicks): the sort holds.
        QCOMPARE(filter_by(QStringLiteral("hold")), QStringLiteral("desk 12, desk 14"));
        const int station_x =
            table.horizontalHeader()->sectionViewportPosition(ClassTableModel::Station) + 5;
        QTest::mouseClick(table.horizontalHeader()->viewport(), Qt::LeftButton, {},
                          QPoint(station_x, 5));
        if (shown() != QStringLiteral("desk 14, desk 12"))
            QTest::mouseClick(table.horizontalHeader()->viewport(), Qt::LeftButton, {},
                              QPoint(station_x, 5));
        QCOMPARE(shown(), QStringLiteral("desk 14, desk 12"));
        // The stations keep publishing: the narrowed table and its count follow them (desk 12
        // starts another attempt and joins those running one).
        QCOMPARE(filter_by(QStringLiteral("attempt running")), QStringLiteral("desk 11"));
        QCOMPARE(page->status_label().text(), QStringLiteral("Class 7f: 4 station(s), 1 shown"));
        published[1] = progress("Ben Okafor", StationState::Attempt, 333.0, 10.0);
        published[1].exercise = "trapezius hold";
        QTRY_COMPARE_WITH_TIMEOUT(shown(), QStringLiteral("desk 12, desk 11"), 5000);
        QCOMPARE(cell(table, "desk 12", ClassTableModel::Pressure), QStringLiteral("333.0"));
        QCOMPARE(page->status_label().text(), QStringLiteral("Class 7f: 4 station(s), 2 shown"));

        // Cleo alone: her row is the table's first, the model's third. A click follows her.
        QCOMPARE(filter_by(QStringLiteral("cleo")), QStringLiteral("desk 13"));
        QTest::mouseClick(
            table.viewport(), Qt::LeftButton, {},
            table.visualRect(table.model()->index(0, ClassTableModel::Student)).center());
        QVERIFY(page->following());
        QCOMPARE(page->follow_view().followed(), std::string("desk 13"));
        QVERIFY(page->follow_view().title().text().contains(QStringLiteral("Cleo Martin")));
        QTest::mouseClick(&page->follow_view().close_button(), Qt::LeftButton);
        // Berg: Dawit's row is the table's first when sorted last first.
        QCOMPARE(filter_by(QStringLiteral("berg")), QStringLiteral("desk 14, desk 11"));
        QTest::mouseClick(
            table.viewport(), Qt::LeftButton, {},
            table.visualRect(table.model()->index(0, ClassTableModel::Student)).center());
        QCOMPARE(page->follow_view().followed(), std::string("desk 14"));
    }

private:
    algotest::TestServer server_;
    std::string database_;
    std::string url_;
};

QTEST_MAIN(ClassPageTest)
#include "ClassPageTest.moc"
