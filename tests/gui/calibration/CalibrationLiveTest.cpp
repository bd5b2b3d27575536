// The wizard on the live feed with the in-process simulated algometer: the device's serial
// fills in, readings of the right kind (raw counts) reach the capture window every frame and
// the stability indicator judges them. With ALGOSCOPE_SCREENSHOT_DIR set it also saves the
// capture and results pages (docs/screenshots/calibration-*.png are made this way).
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include "CalibrationScript.h"
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
};

QTEST_MAIN(CalibrationLiveTest)
#include "CalibrationLiveTest.moc"
