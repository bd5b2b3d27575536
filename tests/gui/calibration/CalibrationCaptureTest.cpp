// The capture of one calibration point: refused while the force is unstable (scatter, drift,
// too few seconds), accepted when steady, with the mean of the device reading.
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

#include "CalibrationScript.h"
#include "algocore/session/CalibrationPlan.h"
#include "algocore/session/DeviceReading.h"
#include "algocore/session/SampleWindow.h"
#include "algogui/calibration/CalibrationSetupPanel.h"
#include "algogui/calibration/CalibrationWizard.h"

using algogui::calibration::CalibrationWizard;
using calibration_script::hold_load;
using calibration_script::true_reading;

class CalibrationCaptureTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    void fill_setup(CalibrationWizard& wizard) {
        wizard.setup_panel().set_device(QStringLiteral("Test algometer"), QStringLiteral("SN-42"));
        wizard.setup_panel().set_operator(QStringLiteral("A. Tester"));
        wizard.setup_panel().set_reference(QStringLiteral("WS-2026-07"), 0.02);
    }

private Q_SLOTS:
    void CaptureRejectsAScatteredSignalAndSaysWhy() {
        CalibrationWizard wizard(nullptr, dir_.filePath(QStringLiteral("store")).toStdString());
        fill_setup(wizard);
        QVERIFY(wizard.begin());
        // ±0.3 N of hand tremor: far above the 0.05 N scatter limit.
        for (int i = 0; i < 150; ++i) {
            const double wobble = (i % 2 == 0 ? 0.3 : -0.3);
            wizard.add_reading(i * 0.01, true_reading(wobble), wobble);
        }
        QVERIFY(!wizard.capture_point());
        QVERIFY2(wizard.message().contains(QStringLiteral("scatter")),
                 qPrintable(wizard.message()));
        QVERIFY(wizard.stability_text().contains(QStringLiteral("NOT STABLE")));
        QCOMPARE(wizard.session().points().size(), std::size_t{0});
    }

    void CaptureRejectsADriftingSignal() {
        CalibrationWizard wizard(nullptr, dir_.filePath(QStringLiteral("store")).toStdString());
        fill_setup(wizard);
        QVERIFY(wizard.begin());
        // Creep of 0.3 N over the second, with almost no scatter around the trend.
        for (int i = 0; i < 120; ++i) {
            const double f = 0.0025 * i;
            wizard.add_reading(i * 0.01, true_reading(f), f);
        }
        QVERIFY(!wizard.capture_point());
        QVERIFY2(wizard.message().contains(QStringLiteral("drift")) ||
                     wizard.message().contains(QStringLiteral("scatter")),
                 qPrintable(wizard.message()));
    }

    void CaptureWaitsForAFullWindow() {
        CalibrationWizard wizard(nullptr, dir_.filePath(QStringLiteral("store")).toStdString());
        fill_setup(wizard);
        QVERIFY(wizard.begin());
        hold_load(wizard, 0.0, 0.0, 0.4);
        QVERIFY(!wizard.capture_point());
        QVERIFY2(wizard.message().contains(QStringLiteral("still collecting")),
                 qPrintable(wizard.message()));
    }

    void CaptureAcceptsASteadyLoadWithTheMeanReading() {
        CalibrationWizard wizard(nullptr, dir_.filePath(QStringLiteral("store")).toStdString());
        fill_setup(wizard);
        QVERIFY(wizard.begin());
        // First step is 0 N; a wobble first, then the load settles: only the settled second counts.
        for (int i = 0; i < 50; ++i)
            wizard.add_reading(i * 0.01, 5000.0 + 400.0 * (i % 2), 2.0);
        hold_load(wizard, 0.5, 0.0, 1.2, 0.5);
        QVERIFY2(wizard.stability_text().contains(QStringLiteral("● STABLE")),
                 qPrintable(wizard.stability_text()));
        QVERIFY2(wizard.capture_point(), qPrintable(wizard.message()));
        QCOMPARE(wizard.session().points().size(), std::size_t{1});
        const algocal::CalibrationPoint& p = wizard.session().points().front();
        QVERIFY2(std::abs(p.reading - true_reading(0.0)) < 0.01,
                 qPrintable(QString::number(p.reading, 'g', 12)));
        QCOMPARE(p.applied_load, 0.0);
        QVERIFY(p.direction == algocal::LoadDirection::kAscending);
        // The window starts afresh for the next load: an immediate capture is refused.
        QVERIFY(!wizard.capture_point());
    }

    void PlanGoesUpThenDownAndRefusesTooFewLoads() {
        algocore::session::PlanChoice choice;
        choice.loads = {{20, algocal::ForceUnit::kNewton},
                        {0, algocal::ForceUnit::kNewton},
                        {1, algocal::ForceUnit::kKilogramForce}};
        choice.runs = 2;
        const auto plan = algocore::session::make_plan(choice);
        QVERIFY2(plan.ok(), plan.error.c_str());
        QCOMPARE(plan.steps.size(), std::size_t{10}); // (3 up + 2 down) × 2 runs
        QCOMPARE(plan.steps[1].load.unit, algocal::ForceUnit::kKilogramForce); // 9.8 N < 20 N
        QVERIFY(plan.steps[3].direction == algocal::LoadDirection::kDescending);
        QCOMPARE(plan.steps[5].run, 2);
        choice.loads.pop_back();
        QVERIFY(!algocore::session::make_plan(choice).ok());
        choice.loads.push_back({20, algocal::ForceUnit::kNewton});
        QVERIFY(algocore::session::make_plan(choice).error.find("twice") != std::string::npos);
    }

    void DeviceReadingUndoesTareAndActiveCalibration() {
        algocore::Sample raw;
        raw.has_raw = true;
        raw.raw_counts = 123456;
        QCOMPARE(*algocore::session::device_reading(raw, 1.0, nullptr), 123456.0);
        algocore::Sample newtons;
        newtons.force_n = 9.5;
        QCOMPARE(*algocore::session::device_reading(newtons, 0.5, nullptr), 10.0);
        auto record = std::make_shared<algocal::CalibrationRecord>();
        record->id = 7;
        record->fit.degree = 1;
        record->fit.coefficients = {0.5, 2.0};
        newtons.calibration_id = 7;
        QCOMPARE(*algocore::session::device_reading(newtons, 0.5, record), 20.5);
        newtons.calibration_id = 8;
        QVERIFY(!algocore::session::device_reading(newtons, 0.5, record));
    }
};

QTEST_MAIN(CalibrationCaptureTest)
#include "CalibrationCaptureTest.moc"
