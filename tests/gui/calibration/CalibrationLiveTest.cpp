// The wizard on the live feed with the in-process simulated algometer: the device's serial
// fills in, readings of the right kind (raw counts) reach the capture window every frame and
// the stability indicator judges them. With ALGOSCOPE_SCREENSHOT_DIR set it also saves the
// capture and results pages (docs/screenshots/calibration-*.png are made this way).
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <fstream>
#include <sstream>

#include "CalibrationScript.h"
#include "algocal/CalibrationAnalysis.h"
#include "algocore/calibration/CalibrationStore.h"
#include "algocore/session/Workbench.h"
#include "algogui/LiveFeed.h"
#include "algogui/Screenshot.h"
#include "algogui/calibration/CalibrationSetupPanel.h"
#include "algogui/calibration/CalibrationWizard.h"

using algogui::calibration::CalibrationWizard;

class CalibrationLiveTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    void maybe_save(QWidget& widget, const QString& name) {
        const QString out = qEnvironmentVariable("ALGOSCOPE_SCREENSHOT_DIR");
        if (out.isEmpty()) return;
        QTest::qWait(100); // let the layouts settle on the page just shown
        QString error;
        QVERIFY2(algogui::save_widget_png(widget, out + QLatin1Char('/') + name, &error),
                 qPrintable(error));
    }

private Q_SLOTS:
    void WizardReadsTheSimulatedDeviceLive() {
        algogui::LiveFeed feed;
        CalibrationWizard wizard(&feed, dir_.filePath(QStringLiteral("store")).toStdString());
        wizard.resize(1100, 720);
        wizard.show();
        algogui::DeviceChoice choice;
        choice.scenario = QStringLiteral("idle");
        QString error;
        QVERIFY2(feed.connect_device(choice, &error), qPrintable(error));

        // The device identifies itself within a couple of seconds.
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.setup_panel().setup().device_serial.empty(), 5000);
        QVERIFY(wizard.setup_panel().setup().device_serial.rfind("SIM-", 0) == 0);
        QVERIFY(wizard.setup_panel().setup().reading_kind == algocal::ReadingKind::kRawCounts);

        wizard.setup_panel().set_operator(QStringLiteral("A. Tester"));
        wizard.setup_panel().set_reference(QStringLiteral("WS-2026-07"), 0.02);
        QVERIFY2(wizard.begin(), qPrintable(wizard.message()));
        // A full window of live readings arrives and is judged (stable or with a reason).
        QTRY_VERIFY_WITH_TIMEOUT(wizard.session().window().covered_s() > 0.9, 5000);
        QVERIFY(wizard.session().window().size() > 100);
        QVERIFY(!wizard.stability_text().isEmpty());
        maybe_save(wizard, QStringLiteral("calibration-capture.png"));
        feed.disconnect_device();

        // Finish with scripted points (the simulator cannot carry dead weights) for the
        // results page picture.
        wizard.session().start(wizard.session().setup(), wizard.session().steps());
        double t = 1000.0;
        while (!wizard.session().finished()) {
            const double load_n = wizard.session().current_step().load.amount;
            const bool descending =
                wizard.session().current_step().direction == algocal::LoadDirection::kDescending;
            // A little hysteresis and scatter so the statistics and the residual plot show.
            const double offset =
                descending ? 30.0 : 12.0 * (static_cast<int>(load_n / 10) % 3 - 1);
            t = calibration_script::hold_load(wizard, t, load_n, 1.2, 0.0, offset) + 0.5;
            QVERIFY2(wizard.capture_point(), qPrintable(wizard.message()));
        }
        QCOMPARE(wizard.current_step_page(), 2);
        maybe_save(wizard, QStringLiteral("calibration-results.png"));
    }

    // Issue 12, item 1: the active record of the connected device holds a number too large
    // for a double. The device falls back to its factory calibration with a warning naming
    // the field; nothing aborts.
    void ADamagedActiveRecordFallsBackToTheFactoryCalibrationWithAWarning() {
        const std::string root = dir_.filePath(QStringLiteral("damaged-store")).toStdString();
        const std::string serial = "SIM-00000001"; // the simulator's serial for seed 1
        algocal::CalibrationRecord record;
        record.id = 1795000000002;
        record.device_serial = serial;
        record.calibrated_on = algocal::today_utc();
        record.expires_on = std::chrono::year_month_day{
            std::chrono::sys_days{record.calibrated_on} + std::chrono::days{30}};
        record.operator_name = "A. Tester";
        record.reference_standards.push_back({"WS-2026-07", "M1 weights", 0.02, 2.0});
        record.temperature_c = 21.5;
        for (double f : {0.0, 10.0, 20.0, 30.0, 40.0, 50.0})
            record.points.push_back({f, algocal::ForceUnit::kNewton,
                                     calibration_script::true_reading(f),
                                     algocal::LoadDirection::kAscending, 1});
        const algocal::CalibrationAnalysis analysis =
            algocal::analyse_calibration(record.points, 2);
        record.fit = analysis.fit;
        record.statistics = analysis.statistics;
        algocore::CalibrationStore store(root);
        const algocore::StoreResult saved = store.save_and_activate(record);
        QVERIFY2(saved.ok(), saved.error.c_str());

        const auto path = store.record_path(serial, record.id);
        std::stringstream text;
        text << std::ifstream(path).rdbuf();
        std::string json = text.str();
        const auto at = json.find("\"temperature_c\": 21.5");
        QVERIFY(at != std::string::npos);
        json.replace(at, 21, "\"temperature_c\": 1e999");
        std::ofstream(path, std::ios::trunc) << json;

        // The workbench reads the device's active record when the device identifies itself.
        algocore::session::WorkbenchOptions options;
        options.calibration_root = root;
        algocore::session::Workbench workbench(options);
        algogui::LiveFeed feed(workbench);
        QStringList warnings;
        QObject::connect(&feed, &algogui::LiveFeed::bannerMessage,
                         [&warnings](algogui::BannerLevel level, const QString& message) {
                             if (level == algogui::BannerLevel::Warning) warnings << message;
                         });
        CalibrationWizard wizard(&feed, root);
        algogui::DeviceChoice choice;
        choice.scenario = QStringLiteral("idle");
        QString error;
        QVERIFY2(feed.connect_device(choice, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(
            warnings.join(QLatin1Char('\n')).contains(QStringLiteral("field 'temperature_c'")),
            5000);
        QVERIFY2(warnings.join(QLatin1Char('\n')).contains(QStringLiteral("factory calibration")),
                 qPrintable(warnings.join(QLatin1Char('\n'))));
        QVERIFY(!feed.calibration());
        feed.disconnect_device();
    }
};

QTEST_MAIN(CalibrationLiveTest)
#include "CalibrationLiveTest.moc"
