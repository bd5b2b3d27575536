// algoscope: the live pressure view. With no arguments it starts on the last device used
// (the built-in simulated algometer, sustained-hold scenario, the first time).
//   algoscope --demo SCENARIO --screenshot OUT.png --after SECONDS [--coach] [--size WxH]
//             [--unplug-after SECONDS]
// starts the simulated algometer with SCENARIO, waits, saves a PNG of the window, exits 0;
// --unplug-after makes the simulated device vanish first (the NO SIGNAL screens).
//   algoscope --calibration-report RECORD.json --pdf OUT.pdf [--tolerance PERCENT]
// writes the calibration certificate of a record as a PDF without opening a window.
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <memory>
#include <optional>

#include "algocore/session/Workbench.h"
#include "algogui/AudioCues.h"
#include "algogui/Banner.h"
#include "algogui/CoachView.h"
#include "algogui/MainWindow.h"
#include "algogui/Preferences.h"
#include "algogui/Screenshot.h"
#include "algogui/SharedStudyBar.h"
#include "algogui/ToneOutput.h"
#include "algogui/calibration/CalibrationCertificate.h"
#include "algogui/thresholds/ThresholdsPage.h"
#include "algoversion/Version.h"
#include <QStandardPaths>

namespace {

int fail(const QString& message) {
    std::fprintf(stderr, "algoscope: %s\n", qPrintable(message));
    return 2;
}

struct Options {
    QString demo;
    QString screenshot;
    double after_s = 5.0;
    bool coach = false;
    double unplug_after_s = 0.0; ///< 0: the simulated device stays
    QSize size{1280, 800};
    bool audio = true;
    QString port;
    QString driver = QStringLiteral("auto");
    QString db;   ///< thresholds database; empty = the default in the app data folder
    QString page; ///< page shown first (its title, case-insensitive)
    std::optional<QString> server; ///< the shared study to push to (kept in the settings)
    QString station;               ///< this station's name in the shared study
    QString subject;               ///< subject whose visit is open from the start
    QString calibration_report;    ///< record whose certificate is written headless
    QString pdf;
    double tolerance_percent_fs = 1.0;
};

// Returns an empty string when the options are usable, else what is wrong.
QString parse(QCommandLineParser& parser, const QStringList& arguments, Options& out) {
    parser.setApplicationDescription(QStringLiteral("Algoscope: live pressure algometry."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("demo"),
         QStringLiteral("Run the simulated algometer with SCENARIO (%1).")
             .arg(algogui::simulator_scenarios().join(QStringLiteral(", "))),
         QStringLiteral("SCENARIO")},
        {QStringLiteral("screenshot"), QStringLiteral("Save a PNG of the window and exit."),
         QStringLiteral("OUT.png")},
        {QStringLiteral("after"),
         QStringLiteral("Seconds to wait before the screenshot (default 5)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("coach"),
         QStringLiteral("Open the full-screen coach view (the screenshot shows it).")},
        {QStringLiteral("unplug-after"),
         QStringLiteral(
             "With --demo: the simulated device vanishes after SECONDS (to see NO SIGNAL)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("size"),
         QStringLiteral("Window size for the screenshot (default 1280x800)."),
         QStringLiteral("WxH")},
        {QStringLiteral("port"), QStringLiteral("Connect to this serial port instead."),
         QStringLiteral("PATH")},
        {QStringLiteral("driver"), QStringLiteral("Driver for --port (default auto)."),
         QStringLiteral("NAME")},
        {QStringLiteral("no-audio"), QStringLiteral("Make no sound.")},
        {QStringLiteral("db"),
         QStringLiteral(
             "SQLite database for thresholds (default: algoscope.sqlite in the app data folder)."),
         QStringLiteral("FILE")},
        {QStringLiteral("page"), QStringLiteral("Show this page first (e.g. calibration)."),
         QStringLiteral("TITLE")},
        {QStringLiteral("server"),
         QStringLiteral("Push this station's records to the shared study at URL (a libpq "
                        "connection string or postgresql:// URI; the password comes from "
                        "~/.pgpass) and keep it in the settings; an empty URL works alone "
                        "again."),
         QStringLiteral("URL")},
        {QStringLiteral("station"),
         QStringLiteral("This station's name in the shared study (default: the computer's)."),
         QStringLiteral("NAME")},
        {QStringLiteral("subject"),
         QStringLiteral("Open a visit of this subject (code) from the start, e.g. to see their "
                        "stored thresholds."),
         QStringLiteral("CODE")},
        {QStringLiteral("calibration-report"),
         QStringLiteral("Write the certificate of this calibration record (needs --pdf) and exit."),
         QStringLiteral("RECORD.json")},
        {QStringLiteral("pdf"), QStringLiteral("PDF file for --calibration-report."),
         QStringLiteral("OUT.pdf")},
        {QStringLiteral("tolerance"),
         QStringLiteral("Pass/fail tolerance of the certificate, % of full scale (default 1)."),
         QStringLiteral("PERCENT")},
    });
    if (!parser.parse(arguments)) return parser.errorText();
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first());

    out.demo = parser.value(QStringLiteral("demo"));
    if (parser.isSet(QStringLiteral("demo")) &&
        !algogui::simulator_scenarios().contains(out.demo)) {
        return QStringLiteral("unknown scenario '%1' (known: %2)")
            .arg(out.demo, algogui::simulator_scenarios().join(QStringLiteral(", ")));
    }
    out.screenshot = parser.value(QStringLiteral("screenshot"));
    if (parser.isSet(QStringLiteral("screenshot")) && out.screenshot.isEmpty())
        return QStringLiteral("--screenshot needs a file name");
    if (parser.isSet(QStringLiteral("after"))) {
        bool ok = false;
        out.after_s = parser.value(QStringLiteral("after")).toDouble(&ok);
        if (!ok || !(out.after_s >= 0) || out.after_s > 3600)
            return QStringLiteral("--after wants seconds between 0 and 3600, got '%1'")
                .arg(parser.value(QStringLiteral("after")));
        if (out.screenshot.isEmpty())
            return QStringLiteral("--after only makes sense with --screenshot");
    }
    if (parser.isSet(QStringLiteral("size"))) {
        const auto match = QRegularExpression(QStringLiteral("^(\\d{3,4})x(\\d{3,4})$"))
                               .match(parser.value(QStringLiteral("size")));
        if (!match.hasMatch())
            return QStringLiteral("--size wants WIDTHxHEIGHT like 1280x800, got '%1'")
                .arg(parser.value(QStringLiteral("size")));
        out.size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
    }
    out.coach = parser.isSet(QStringLiteral("coach"));
    if (parser.isSet(QStringLiteral("unplug-after"))) {
        bool ok = false;
        out.unplug_after_s = parser.value(QStringLiteral("unplug-after")).toDouble(&ok);
        if (!ok || !(out.unplug_after_s > 0) || out.unplug_after_s > 3600)
            return QStringLiteral("--unplug-after wants seconds above 0 and up to 3600, got '%1'")
                .arg(parser.value(QStringLiteral("unplug-after")));
        if (out.demo.isEmpty()) return QStringLiteral("--unplug-after only works with --demo");
    }
    out.db = parser.value(QStringLiteral("db"));
    if (parser.isSet(QStringLiteral("db")) && out.db.isEmpty())
        return QStringLiteral("--db needs a file name");
    out.audio = !parser.isSet(QStringLiteral("no-audio"));
    out.port = parser.value(QStringLiteral("port"));
    if (parser.isSet(QStringLiteral("driver"))) out.driver = parser.value(QStringLiteral("driver"));
    if (!out.port.isEmpty() && !out.demo.isEmpty())
        return QStringLiteral("--port and --demo exclude each other");
    out.page = parser.value(QStringLiteral("page"));
    if (parser.isSet(QStringLiteral("server"))) out.server = parser.value(QStringLiteral("server"));
    out.station = parser.value(QStringLiteral("station")).trimmed();
    if (parser.isSet(QStringLiteral("station")) && !out.server)
        return QStringLiteral("--station goes with --server");
    out.subject = parser.value(QStringLiteral("subject")).trimmed();
    if (parser.isSet(QStringLiteral("subject")) && out.subject.isEmpty())
        return QStringLiteral("--subject needs a subject code");
    out.calibration_report = parser.value(QStringLiteral("calibration-report"));
    out.pdf = parser.value(QStringLiteral("pdf"));
    if (parser.isSet(QStringLiteral("calibration-report")) != parser.isSet(QStringLiteral("pdf")))
        return QStringLiteral("--calibration-report and --pdf go together");
    if (parser.isSet(QStringLiteral("tolerance"))) {
        bool ok = false;
        out.tolerance_percent_fs = parser.value(QStringLiteral("tolerance")).toDouble(&ok);
        if (!ok || !(out.tolerance_percent_fs > 0) || out.tolerance_percent_fs > 100)
            return QStringLiteral("--tolerance wants a percentage above 0 and up to 100, got '%1'")
                .arg(parser.value(QStringLiteral("tolerance")));
    }
    return {};
}

void name_application() {
    QCoreApplication::setApplicationName(QStringLiteral("algoscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("Algoscope"));
    const std::string_view version = algoversion::version();
    QCoreApplication::setApplicationVersion(
        QString::fromUtf8(version.data(), static_cast<qsizetype>(version.size())));
}

} // namespace

int main(int argc, char** argv) {
    // The certificate export is headless: it needs fonts and a paint device, not a display.
    for (int i = 1; i < argc; ++i) {
        if (QByteArray(argv[i]).startsWith("--calibration-report") &&
            qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    // Arguments are read before any window system is touched, so --help, --version and a bad
    // argument answer on a machine without a display.
    QCommandLineParser parser;
    Options options;
    {
        QCoreApplication probe(argc, argv);
        name_application();
        if (const QString problem = parse(parser, QCoreApplication::arguments(), options);
            !problem.isEmpty())
            return fail(problem + QStringLiteral("\nTry 'algoscope --help'."));
        if (parser.isSet(QStringLiteral("help"))) parser.showHelp(0);
        if (parser.isSet(QStringLiteral("version"))) parser.showVersion();
    }
    QApplication app(argc, argv);
    name_application();
    QGuiApplication::setDesktopFileName(QStringLiteral(ALGOSCOPE_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/algoscope.svg")));
    if (!options.calibration_report.isEmpty())
        return algogui::calibration::export_certificate_from_file(
            options.calibration_report, options.pdf, options.tolerance_percent_fs);

    // A screenshot run must be reproducible and must not touch the user's preferences.
    const bool screenshot = !options.screenshot.isEmpty();
    QTemporaryDir scratch;
    std::unique_ptr<algogui::Preferences> prefs =
        screenshot
            ? std::make_unique<algogui::Preferences>(scratch.filePath(QStringLiteral("prefs.ini")))
            : std::make_unique<algogui::Preferences>();

    std::unique_ptr<algogui::ToneOutput> tone;
    if (options.audio && !screenshot)
        tone = algogui::make_audio_tone_output(&app);
    else
        tone = std::make_unique<algogui::SilentToneOutput>();

    // The composition root: storage, acquisition, calibrations and every session. A demo or
    // screenshot run records into a scratch database unless --db names one, so it never
    // writes into a study.
    algocore::session::WorkbenchOptions bench_options;
    bench_options.calibration_root =
        (QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
         QStringLiteral("/calibrations"))
            .toStdString();
    algocore::session::Workbench workbench(bench_options);
    const QString database = !options.db.isEmpty() ? options.db
                             : (screenshot || !options.demo.isEmpty())
                                 ? scratch.filePath(QStringLiteral("algoscope.sqlite"))
                                 : algogui::default_database_path();
    const std::string database_problem = workbench.open_database(database.toStdString());

    if (!options.subject.isEmpty() && database_problem.empty()) {
        algocore::session::Visit visit;
        visit.subject_code = options.subject.toStdString();
        visit.operator_role = "therapist";
        if (const std::string problem = workbench.begin_visit(visit); !problem.empty())
            return fail(QStringLiteral("--subject: %1").arg(QString::fromStdString(problem)));
    }
    algogui::MainWindow window(*prefs, std::move(tone), &workbench);
    if (!database_problem.empty()) {
        window.banner().show_message(
            algogui::BannerLevel::Error,
            QStringLiteral("Database %1 cannot be used: %2 — nothing will be stored")
                .arg(database, QString::fromStdString(database_problem)));
    } else if (database.startsWith(scratch.path())) {
        window.banner().show_message(algogui::BannerLevel::Info,
                                     QStringLiteral("Demo: records go to a scratch database that "
                                                    "is deleted on exit (use --db to keep them)"));
    }
    // The shared study: the station's server is kept in its settings (--server, or "Shared
    // study…" in the status bar); a demo's scratch database is pushed only when this run names
    // a server itself.
    if (options.server) prefs->set_shared_study(*options.server, options.station);
    const bool scratch_db = database.startsWith(scratch.path());
    window.statusBar()->addPermanentWidget(new algogui::SharedStudyBar(
        window, database, database_problem.empty() && (!scratch_db || options.server)));
    algogui::DeviceChoice choice = prefs->device();
    if (!options.demo.isEmpty()) {
        choice.port = algogui::kSimulatedPort;
        choice.scenario = options.demo;
        choice.sim_unplug_after_s = options.unplug_after_s;
    } else if (!options.port.isEmpty()) {
        choice.port = options.port;
        choice.driver = options.driver;
    }
    if (screenshot)
        window.resize(options.size);
    else
        window.restore_layout();
    window.show();
    // A port given on the command line (or the demo) is asked for now, and a failure is said
    // aloud; the one remembered from the last run may simply not be plugged in yet.
    if (options.demo.isEmpty() && options.port.isEmpty())
        window.connect_remembered_device(choice);
    else
        window.connect_device(choice);
    if (options.coach) window.show_coach_view(true);
    // A coach-view screenshot has the asked size, not the size of whatever screen is there.
    if (options.coach && screenshot) {
        window.coach_view().showNormal();
        window.coach_view().resize(options.size);
    }
    if (!options.page.isEmpty()) {
        bool found = false;
        for (QTabWidget* pages : window.findChildren<QTabWidget*>()) {
            for (int i = 0; !found && i < pages->count(); ++i) {
                if (pages->tabText(i)
                        .remove(QLatin1Char('&'))
                        .compare(options.page, Qt::CaseInsensitive) != 0)
                    continue;
                pages->setCurrentIndex(i);
                found = true;
            }
            if (found) break;
        }
        if (!found) return fail(QStringLiteral("no page named '%1'").arg(options.page));
    }
    // With --demo, a page that can stage its own demo (a hold under way, an expert template)
    // does so: it has a start_demo() slot.
    if (!options.demo.isEmpty()) {
        for (QTabWidget* pages : window.findChildren<QTabWidget*>()) {
            QWidget* page = pages->currentWidget();
            if (page && page->metaObject()->indexOfSlot("start_demo()") >= 0)
                QMetaObject::invokeMethod(page, "start_demo");
        }
    }

    if (screenshot) {
        QTimer::singleShot(static_cast<int>(options.after_s * 1000), &app, [&] {
            QWidget& shown = options.coach ? static_cast<QWidget&>(window.coach_view())
                                           : static_cast<QWidget&>(window);
            QString error;
            if (!algogui::save_widget_png(shown, options.screenshot, &error)) {
                std::fprintf(stderr, "algoscope: screenshot failed: %s\n", qPrintable(error));
                app.exit(1);
                return;
            }
            std::printf("%s\n", qPrintable(options.screenshot));
            app.exit(0);
        });
    }
    const int code = app.exec();
    // Records the database could not take are kept in a rescue file: say where, also when
    // the window has gone (stderr for scripts, a dialog for the person at the screen).
    if (workbench.close_database() != 0) {
        const QString text = QString::fromStdString(workbench.unwritten_message());
        std::fprintf(stderr, "algoscope: %s\n", qPrintable(text));
        if (options.screenshot.isEmpty())
            QMessageBox::warning(nullptr, QObject::tr("Records not stored"), text);
        return code == 0 ? 4 : code;
    }
    return code;
}
