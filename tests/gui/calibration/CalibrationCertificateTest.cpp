// The PDF certificate and opening stored records: a real PDF is written, the certificate
// carries the record's facts and verdict, an expired record is shown with a warning and a
// corrupt one is refused with the field named.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "CalibrationScript.h"
#include "algocal/CalibrationAnalysis.h"
#include "algocore/calibration/CalibrationRecordJson.h"
#include "algogui/calibration/CalibrationCertificate.h"
#include "algogui/calibration/CalibrationResultsPanel.h"
#include "algogui/calibration/CalibrationWizard.h"

using namespace algogui::calibration;
using calibration_script::true_reading;
using namespace std::chrono;

namespace {

// A record of the scripted device: 0..50 N up and down, 0.2 counts of hysteresis.
algocal::CalibrationRecord sample_record(year_month_day calibrated_on, year_month_day expires_on) {
    algocal::CalibrationRecord record;
    record.id = 1795000000001;
    record.device_serial = "SN-42";
    record.calibrated_on = calibrated_on;
    record.expires_on = expires_on;
    record.operator_name = "A. Tester";
    record.reference_standards.push_back({"WS-2026-07", "M1 weights 1-5 kg", 0.02, 2.0});
    record.temperature_c = 21.0;
    for (double f : {0.0, 10.0, 20.0, 30.0, 40.0, 50.0})
        record.points.push_back({f, algocal::ForceUnit::kNewton, true_reading(f),
                                 algocal::LoadDirection::kAscending, 1});
    for (double f : {40.0, 30.0, 20.0, 10.0, 0.0})
        record.points.push_back({f, algocal::ForceUnit::kNewton, true_reading(f) + 0.2,
                                 algocal::LoadDirection::kDescending, 1});
    const algocal::CalibrationAnalysis analysis = algocal::analyse_calibration(record.points, 2);
    record.fit = analysis.fit;
    record.statistics = analysis.statistics;
    return record;
}

QByteArray read_all(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool write_text(const QString& path, const std::string& text) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) &&
           file.write(text.data(), static_cast<qint64>(text.size())) ==
               static_cast<qint64>(text.size());
}

} // namespace

class CalibrationCertificateTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    const year_month_day today_{year{2026} / 11 / 23};

private Q_SLOTS:
    void CertificatePdfIsWrittenAndIsAPdf() {
        const auto record = sample_record(today_, year_month_day{sys_days{today_} + days{365}});
        const QString path = dir_.filePath(QStringLiteral("certificate.pdf"));
        QString error;
        QVERIFY2(write_certificate_pdf(record, {1.0, today_}, path, &error), qPrintable(error));
        const QByteArray pdf = read_all(path);
        QVERIFY(pdf.size() > 5000);
        QVERIFY(pdf.startsWith("%PDF"));
    }

    void CertificateNamesDeviceStandardCoefficientsAndVerdict() {
        const auto record = sample_record(today_, year_month_day{sys_days{today_} + days{365}});
        const QString html = certificate_html(record, {1.0, today_});
        QVERIFY(html.contains(QStringLiteral("SN-42")));
        QVERIFY(html.contains(QStringLiteral("WS-2026-07")));
        QVERIFY(html.contains(QStringLiteral("2026-11-23")));
        QVERIFY(html.contains(QString::number(record.fit.coefficients[1], 'g', 10)));
        QVERIFY(html.contains(QStringLiteral("PASS")));
        QVERIFY(!html.contains(QStringLiteral("EXPIRED")));
        // 0.001 % FS cannot be met by 0.2 counts of hysteresis on a 107 500-count span.
        QVERIFY(certificate_html(record, {0.00001, today_}).contains(QStringLiteral("FAIL")));
    }

    void ExpiredRecordIsMarkedOnTheCertificate() {
        const year_month_day last_year{year{2025} / 11 / 1};
        const auto record = sample_record(last_year, year_month_day{year{2026} / 11 / 1});
        QVERIFY(certificate_html(record, {1.0, today_}).contains(QStringLiteral("EXPIRED")));
    }

    void CertificateToAnUnwritablePlaceSaysWhere() {
        const auto record = sample_record(today_, year_month_day{sys_days{today_} + days{365}});
        QString error;
        QVERIFY(
            !write_certificate_pdf(record, {}, QStringLiteral("/nonexistent-dir/c.pdf"), &error));
        QVERIFY2(error.contains(QStringLiteral("/nonexistent-dir/c.pdf")), qPrintable(error));
    }

    void OpeningAnExpiredRecordShowsAWarning() {
        auto record =
            sample_record(year_month_day{year{2024} / 1 / 10}, year_month_day{year{2025} / 1 / 10});
        const QString path = dir_.filePath(QStringLiteral("expired.json"));
        QVERIFY(write_text(path, algocore::calibration_record_to_json(record)));
        CalibrationWizard wizard(nullptr, dir_.filePath(QStringLiteral("store")).toStdString());
        QVERIFY2(wizard.open_record(path), qPrintable(wizard.message()));
        QVERIFY2(wizard.message().contains(QStringLiteral("EXPIRED")),
                 qPrintable(wizard.message()));
        QVERIFY(!wizard.results_panel().notice_text().isEmpty());
        QCOMPARE(wizard.current_step_page(), 2);
        // The wizard exports what it shows.
        const QString pdf = dir_.filePath(QStringLiteral("expired.pdf"));
        QVERIFY2(wizard.export_certificate(pdf), qPrintable(wizard.message()));
        QVERIFY(read_all(pdf).startsWith("%PDF"));
    }

    void OpeningACorruptRecordNamesTheField() {
        const auto record = sample_record(today_, year_month_day{sys_days{today_} + days{365}});
        std::string json = algocore::calibration_record_to_json(record);
        const std::string good = "\"temperature_c\": 21.0";
        const auto at = json.find(good);
        QVERIFY(at != std::string::npos);
        json.replace(at, good.size(), "\"temperature_c\": \"warm\"");
        const QString path = dir_.filePath(QStringLiteral("corrupt.json"));
        QVERIFY(write_text(path, json));
        CalibrationWizard wizard(nullptr, dir_.filePath(QStringLiteral("store")).toStdString());
        QVERIFY(!wizard.open_record(path));
        QVERIFY2(wizard.message().contains(QStringLiteral("temperature_c")),
                 qPrintable(wizard.message()));
        QVERIFY(!wizard.record().has_value());
        // The headless export refuses it too (exit code 1).
        QCOMPARE(export_certificate_from_file(path, dir_.filePath(QStringLiteral("x.pdf")), 1.0),
                 1);
    }
};

QTEST_MAIN(CalibrationCertificateTest)
#include "CalibrationCertificateTest.moc"
