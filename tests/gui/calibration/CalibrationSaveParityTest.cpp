// One calibration session, two front ends: the wizard (Start, Capture point and "Save and make
// active" clicked, the loads held by the scripted device) and `algoscope-cli calibrate new
// --activate` given the same points in a CSV store the same record, byte for byte but for the
// id each store gives it, and both make it the device's active record.
#include <CLI/CLI.hpp>
#include <QFile>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstdio>
#include <fstream>

#include "CalibrationScript.h"
#include "CliCommand.h"
#include "algocore/calibration/CalibrationStore.h"
#include "algogui/calibration/CalibrationSetupPanel.h"
#include "algogui/calibration/CalibrationWizard.h"

using algogui::calibration::CalibrationWizard;

namespace {

const char* const kSerial = "SN-42";

QPushButton* button_named(QWidget& parent, const QString& text) {
    for (auto* button : parent.findChildren<QPushButton*>())
        if (button->text() == text && button->isVisible()) return button;
    return nullptr;
}

// The points as the CLI reads them: every reading with all 17 digits, so nothing is rounded.
void write_points_csv(const std::string& path, const std::vector<algocal::CalibrationPoint>& ps) {
    std::ofstream out(path);
    out << "applied_load,unit,reading,direction,run\n";
    for (const auto& p : ps) {
        char reading[40], load[40];
        std::snprintf(reading, sizeof reading, "%.17g", p.reading);
        std::snprintf(load, sizeof load, "%.17g", p.applied_load);
        out << load << ",N," << reading << ","
            << (p.direction == algocal::LoadDirection::kAscending ? "ascending" : "descending")
            << "," << p.run << "\n";
    }
}

// The stored record's text with its id (the store's own, time-based) left out.
QString record_without_id(const algocore::CalibrationStore& store, std::uint64_t id) {
    QFile file(QString::fromStdString(store.record_path(kSerial, id).string()));
    if (!file.open(QIODevice::ReadOnly)) return {};
    QString text = QString::fromUtf8(file.readAll());
    text.replace(QRegularExpression(QStringLiteral("\n  \"id\": [0-9]+,")), QString());
    return text;
}

} // namespace

class CalibrationSaveParityTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theWizardAndTheCliStoreTheSameRecord() {
        QTemporaryDir dir;
        const std::string gui_root = dir.filePath(QStringLiteral("gui-store")).toStdString();
        const std::string cli_root = dir.filePath(QStringLiteral("cli-store")).toStdString();

        CalibrationWizard wizard(nullptr, gui_root);
        wizard.resize(1280, 800);
        wizard.show();
        wizard.setup_panel().set_device(QStringLiteral("Test algometer"), kSerial);
        wizard.setup_panel().set_operator(QStringLiteral("A. Tester"));
        wizard.setup_panel().set_reference(QStringLiteral("WS-2026-07"), 0.02);
        wizard.setup_panel().set_loads({{0, algocal::ForceUnit::kNewton},
                                        {15, algocal::ForceUnit::kNewton},
                                        {30, algocal::ForceUnit::kNewton},
                                        {45, algocal::ForceUnit::kNewton}});
        QTest::mouseClick(button_named(wizard, QStringLiteral("Start calibration")),
                          Qt::LeftButton);
        QVERIFY2(wizard.session().started(), qPrintable(wizard.message()));
        double t = 0.0;
        while (!wizard.session().finished()) {
            const double load_n = wizard.session().current_step().load.amount;
            // A slight ripple, so the captured readings are averages, not exact integers.
            t = calibration_script::hold_load(wizard, t, load_n, 1.2, 0.37) + 0.5;
            QPushButton* capture = button_named(wizard, QStringLiteral("Capture point"));
            QVERIFY(capture);
            const std::size_t before = wizard.session().step_index();
            QTest::mouseClick(capture, Qt::LeftButton);
            QVERIFY2(wizard.session().step_index() == before + 1, qPrintable(wizard.message()));
        }
        QVERIFY(wizard.record().has_value());
        QPushButton* save = button_named(wizard, QStringLiteral("Save and make active"));
        QVERIFY(save);
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY2(wizard.session().saved(), qPrintable(wizard.message()));
        const std::uint64_t gui_id = wizard.record()->id;

        // The CLI: the captured points and the wizard's setup, as arguments.
        const std::string csv = dir.filePath(QStringLiteral("points.csv")).toStdString();
        write_points_csv(csv, wizard.session().points());
        const auto setup = wizard.setup_panel().setup();
        QCOMPARE(setup.temperature_c, 21.0); // the wizard's default, given to the CLI below
        QCOMPARE(parity::cli_command({"calibrate", "new", "--points", csv, "--store", cli_root,
                                      "--device", kSerial, "--operator", "A. Tester", "--reference",
                                      "WS-2026-07", "--reference-uncertainty", "0.02",
                                      "--temperature", "21", "--activate"}),
                 0);

        const algocore::CalibrationStore gui_store(gui_root);
        const algocore::CalibrationStore cli_store(cli_root);
        QCOMPARE(gui_store.active_id(kSerial).value_or(0), gui_id);
        const auto cli_id = cli_store.active_id(kSerial);
        QVERIFY(cli_id.has_value());
        const QString gui_record = record_without_id(gui_store, gui_id);
        const QString cli_record = record_without_id(cli_store, *cli_id);
        QVERIFY2(gui_record.contains(QStringLiteral("\"operator\": \"A. Tester\"")),
                 qPrintable(gui_record.left(400)));
        QVERIFY(!gui_record.contains(QStringLiteral("\"id\": ") + QString::number(gui_id)));
        QCOMPARE(cli_record, gui_record);
    }
};

QTEST_MAIN(CalibrationSaveParityTest)
#include "CalibrationSaveParityTest.moc"
