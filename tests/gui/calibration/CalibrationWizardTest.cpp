// A whole scripted calibration through the wizard: every load up and down, the fit recovers
// the device's polynomial, pass/fail is shown, the record is saved, made active on the live
// feed and shown by the device bar.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

#include "CalibrationScript.h"
#include "algocore/calibration/CalibrationStore.h"
#include "algogui/DeviceBar.h"
#include "algogui/LiveFeed.h"
#include "algogui/calibration/CalibrationResultsPanel.h"
#include "algogui/calibration/CalibrationSetupPanel.h"
#include "algogui/calibration/CalibrationWizard.h"

using algogui::calibration::CalibrationWizard;
using calibration_script::hold_load;

namespace {

bool close_to(double actual, double expected, double relative) {
    return std::abs(actual - expected) <= relative * std::max(1.0, std::abs(expected));
}

// Runs every step of the wizard's plan with the scripted device; returns false on a refusal.
bool capture_every_point(CalibrationWizard& wizard) {
    double t = 0.0;
    while (!wizard.session().finished()) {
        const double load_n = wizard.session().current_step().load.amount;
        t = hold_load(wizard, t, load_n) + 0.5;
        if (!wizard.capture_point()) return false;
    }
    return true;
}

} // namespace

class CalibrationWizardTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    void fill_setup(CalibrationWizard& wizard) {
        wizard.setup_panel().set_device(QStringLiteral("Test algometer"), QStringLiteral("SN-42"));
        wizard.setup_panel().set_operator(QStringLiteral("A. Tester"));
        wizard.setup_panel().set_reference(QStringLiteral("WS-2026-07"), 0.02);
        wizard.setup_panel().set_loads({{0, algocal::ForceUnit::kNewton},
                                        {10, algocal::ForceUnit::kNewton},
                                        {20, algocal::ForceUnit::kNewton},
                                        {30, algocal::ForceUnit::kNewton},
                                        {40, algocal::ForceUnit::kNewton},
                                        {50, algocal::ForceUnit::kNewton}});
    }

private Q_SLOTS:
    void StartIsRefusedWithoutAnOperator() {
        CalibrationWizard wizard(nullptr, dir_.filePath(QStringLiteral("s0")).toStdString());
        wizard.setup_panel().set_device({}, QStringLiteral("SN-42"));
        wizard.setup_panel().set_reference(QStringLiteral("WS-1"), 0.02);
        QVERIFY(!wizard.begin());
        QVERIFY2(wizard.message().contains(QStringLiteral("operator")),
                 qPrintable(wizard.message()));
        QCOMPARE(wizard.current_step_page(), 0);
    }

    void ScriptedCalibrationRecoversTheFitAndBecomesActive() {
        algogui::LiveFeed feed;
        const std::string root = dir_.filePath(QStringLiteral("s1")).toStdString();
        CalibrationWizard wizard(&feed, root);
        fill_setup(wizard);
        QVERIFY2(wizard.begin(), qPrintable(wizard.message()));
        QCOMPARE(wizard.session().step_count(), std::size_t{11}); // 6 up, 5 down
        QVERIFY2(capture_every_point(wizard), qPrintable(wizard.message()));
        QCOMPARE(wizard.current_step_page(), 2);

        // The device is exactly quadratic; the degree-2 fit must give its coefficients back.
        QVERIFY(wizard.show_fit(2));
        QVERIFY(wizard.record().has_value());
        const algocal::PolynomialFit& fit = wizard.record()->fit;
        QCOMPARE(fit.degree, 2);
        QVERIFY2(close_to(fit.coefficients[0], 1000.0, 1e-7),
                 qPrintable(QString::number(fit.coefficients[0], 'g', 17)));
        QVERIFY2(close_to(fit.coefficients[1], 2000.0, 1e-9),
                 qPrintable(QString::number(fit.coefficients[1], 'g', 17)));
        QVERIFY2(close_to(fit.coefficients[2], 3.0, 1e-9),
                 qPrintable(QString::number(fit.coefficients[2], 'g', 17)));
        QCOMPARE(wizard.record()->points.size(), std::size_t{11});
        QVERIFY(wizard.record()->statistics.has_hysteresis);
        QVERIFY(wizard.results_panel().verdict_text().contains(QStringLiteral("PASS")));
        QVERIFY(wizard.results_panel().statistics_text().contains(QStringLiteral("Hysteresis")));

        QSignalSpy activated(&wizard, &CalibrationWizard::calibrationActivated);
        QVERIFY2(wizard.save_and_activate(), qPrintable(wizard.message()));
        QCOMPARE(activated.count(), 1);
        const std::uint64_t id = wizard.record()->id;
        QVERIFY(id != 0);
        // Stored and active for the device, applied to the live feed.
        algocore::CalibrationStore store(root);
        QCOMPARE(store.active_id("SN-42").value_or(0), id);
        const algocore::CalibrationLoadResult loaded = store.load_active("SN-42");
        QVERIFY2(loaded.ok, loaded.message.c_str());
        QVERIFY(close_to(loaded.record.fit.coefficients[2], 3.0, 1e-9));
        // No device is connected: the record waits for SN-42 and is applied to nobody else.
        QVERIFY(!feed.calibration());
        // The device bar names the record once the acquisition reports it in use.
        algogui::DeviceBar bar;
        algocore::AcquisitionStatus status;
        status.link = algocore::AcquisitionStatus::Link::Connected;
        status.calibration_id = id;
        bar.show_status(status, true,
                        std::make_shared<const algocal::CalibrationRecord>(loaded.record));
        QVERIFY2(bar.calibration_text().contains(QString::number(id)),
                 qPrintable(bar.calibration_text()));
        // Saving twice is refused.
        QVERIFY(!wizard.save_and_activate());
    }

    void StraightLineOnACurvedDeviceFailsTheTolerance() {
        CalibrationWizard wizard(nullptr, dir_.filePath(QStringLiteral("s2")).toStdString());
        fill_setup(wizard);
        QVERIFY(wizard.begin());
        QVERIFY(capture_every_point(wizard));
        QVERIFY(wizard.show_fit(1));
        QCOMPARE(wizard.record()->fit.degree, 1);
        QVERIFY2(wizard.results_panel().verdict_text().contains(QStringLiteral("FAIL")),
                 qPrintable(wizard.results_panel().verdict_text()));
        QVERIFY(wizard.message().contains(QStringLiteral("FAILS")));
        // The recommendation (degree 2 here: the x³ term of a cubic fit is not significant)
        // is what the fit falls back to.
        QVERIFY(wizard.show_fit(0));
        QVERIFY(wizard.record()->fit.degree >= 2);
        QVERIFY(wizard.results_panel().verdict_text().contains(QStringLiteral("PASS")));
    }

    void UndoGoesBackOneStep() {
        CalibrationWizard wizard(nullptr, dir_.filePath(QStringLiteral("s3")).toStdString());
        fill_setup(wizard);
        QVERIFY(wizard.begin());
        hold_load(wizard, 0.0, 0.0);
        QVERIFY(wizard.capture_point());
        QCOMPARE(wizard.session().step_index(), std::size_t{1});
        QVERIFY(wizard.session().undo_last());
        QCOMPARE(wizard.session().step_index(), std::size_t{0});
    }
};

QTEST_MAIN(CalibrationWizardTest)
#include "CalibrationWizardTest.moc"
