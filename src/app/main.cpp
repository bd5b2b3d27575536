// algoscope: the live pressure view. With no arguments it starts on the last device used
// (the built-in simulated algometer, sustained-hold scenario, the first time).
//   algoscope --demo SCENARIO --screenshot OUT.png --after SECONDS [--coach] [--size WxH]
// starts the simulated algometer with SCENARIO, waits, saves a PNG of the window, exits 0.
#include <QApplication>
#include <QCommandLineParser>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <memory>

#include "algogui/AudioCues.h"
#include "algogui/CoachView.h"
#include "algogui/MainWindow.h"
#include "algogui/Preferences.h"
#include "algogui/Screenshot.h"
#include "algogui/ToneOutput.h"

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
    QSize size{1280, 800};
    bool audio = true;
    QString port;
    QString driver = QStringLiteral("auto");
};

// Returns an empty string when the options are usable, else what is wrong.
QString parse(QCommandLineParser& parser, const QStringList& arguments, Options& out) {
    parser.setApplicationDescription(QStringLiteral("Algoscope: live pressure algometry."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("demo"), QStringLiteral("Run the simulated algometer with SCENARIO (%1).")
                                     .arg(algogui::simulator_scenarios().join(QStringLiteral(", "))),
         QStringLiteral("SCENARIO")},
        {QStringLiteral("screenshot"), QStringLiteral("Save a PNG of the window and exit."),
         QStringLiteral("OUT.png")},
        {QStringLiteral("after"), QStringLiteral("Seconds to wait before the screenshot (default 5)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("coach"), QStringLiteral("Open the full-screen coach view (the screenshot shows it).")},
        {QStringLiteral("size"), QStringLiteral("Window size for the screenshot (default 1280x800)."),
         QStringLiteral("WxH")},
        {QStringLiteral("port"), QStringLiteral("Connect to this serial port instead."), QStringLiteral("PATH")},
        {QStringLiteral("driver"), QStringLiteral("Driver for --port (default auto)."), QStringLiteral("NAME")},
        {QStringLiteral("no-audio"), QStringLiteral("Make no sound.")},
    });
    if (!parser.parse(arguments)) return parser.errorText();
    if (!parser.positionalArguments().isEmpty())
        return QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first());

    out.demo = parser.value(QStringLiteral("demo"));
    if (parser.isSet(QStringLiteral("demo")) && !algogui::simulator_scenarios().contains(out.demo)) {
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
        if (out.screenshot.isEmpty()) return QStringLiteral("--after only makes sense with --screenshot");
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
    out.audio = !parser.isSet(QStringLiteral("no-audio"));
    out.port = parser.value(QStringLiteral("port"));
    if (parser.isSet(QStringLiteral("driver"))) out.driver = parser.value(QStringLiteral("driver"));
    if (!out.port.isEmpty() && !out.demo.isEmpty())
        return QStringLiteral("--port and --demo exclude each other");
    return {};
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("algoscope"));
    QApplication::setOrganizationName(QStringLiteral("Algoscope"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    Options options;
    if (const QString problem = parse(parser, QApplication::arguments(), options); !problem.isEmpty())
        return fail(problem + QStringLiteral("\nTry 'algoscope --help'."));
    if (parser.isSet(QStringLiteral("help"))) parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version"))) parser.showVersion();

    // A screenshot run must be reproducible and must not touch the user's preferences.
    const bool screenshot = !options.screenshot.isEmpty();
    QTemporaryDir scratch;
    std::unique_ptr<algogui::Preferences> prefs =
        screenshot ? std::make_unique<algogui::Preferences>(scratch.filePath(QStringLiteral("prefs.ini")))
                   : std::make_unique<algogui::Preferences>();

    std::unique_ptr<algogui::ToneOutput> tone;
    if (options.audio && !screenshot) tone = algogui::make_audio_tone_output(&app);
    else tone = std::make_unique<algogui::SilentToneOutput>();

    algogui::MainWindow window(*prefs, std::move(tone));
    algogui::DeviceChoice choice = prefs->device();
    if (!options.demo.isEmpty()) {
        choice.port = algogui::kSimulatedPort;
        choice.scenario = options.demo;
    } else if (!options.port.isEmpty()) {
        choice.port = options.port;
        choice.driver = options.driver;
    }
    if (screenshot) window.resize(options.size);
    else window.restore_layout();
    window.show();
    window.connect_device(choice);
    if (options.coach) window.show_coach_view(true);

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
    return app.exec();
}
