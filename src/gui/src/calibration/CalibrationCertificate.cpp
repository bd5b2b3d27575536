#include "algogui/calibration/CalibrationCertificate.h"

#include <QFile>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>
#include <cmath>
#include <cstdio>

#include "algocal/CalibrationAnalysis.h"
#include "algocore/calibration/CalibrationRecordJson.h"
#include "algocore/session/CalibrationSession.h"
#include "algogui/calibration/ResidualPlot.h"

namespace algogui::calibration {

namespace {

constexpr int kPlotWidthPx = 1600;
constexpr int kPlotHeightPx = 640;

QString text(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}
QString date(std::chrono::year_month_day d) {
    return QString::fromStdString(algocal::format_date(d));
}
QString num(double v, int precision = 6) {
    return QString::number(v, 'g', precision);
}
QString fixed(double v, int decimals) {
    return QString::number(v, 'f', decimals);
}

QString row(std::initializer_list<QString> cells, bool header = false) {
    QString html = QStringLiteral("<tr>");
    for (const QString& cell : cells)
        html += header ? QStringLiteral("<th>%1</th>").arg(cell)
                       : QStringLiteral("<td>%1</td>").arg(cell);
    return html + QStringLiteral("</tr>");
}

QString power_name(int power) {
    if (power == 0) return QStringLiteral("c0 (offset)");
    if (power == 1) return QStringLiteral("c1 (× load)");
    return QStringLiteral("c%1 (× load<sup>%1</sup>)").arg(power);
}

QImage residual_image(const algocal::CalibrationRecord& record) {
    QImage image(kPlotWidthPx, kPlotHeightPx, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    QFont font = painter.font();
    font.setPixelSize(26);
    painter.setFont(font);
    paint_residual_plot(painter, QRectF(0, 0, kPlotWidthPx, kPlotHeightPx), record.points,
                        record.fit, reading_unit_text(record.reading_kind));
    return image;
}

} // namespace

QString certificate_html(const algocal::CalibrationRecord& record,
                         const CertificateOptions& options) {
    const algocal::ToleranceVerdict verdict =
        algocore::session::tolerance_verdict(record, options.tolerance_percent_fs);
    const QString unit = reading_unit_text(record.reading_kind);
    const bool expired = record.is_expired(options.today);

    QString h;
    h += QStringLiteral(
        "<html><head><style>"
        "body{font-family:'DejaVu Sans';font-size:9pt;}"
        "h1{font-size:16pt;margin-bottom:2pt;} h2{font-size:11pt;margin-top:10pt;}"
        "table{border-collapse:collapse;} td,th{padding:2px 6px;}"
        "th{background:#e8ebf0;text-align:left;}"
        ".pass{color:#176b2c;font-weight:bold;} .fail{color:#b00020;font-weight:bold;}"
        ".warn{color:#9a5600;font-weight:bold;}"
        "</style></head><body>");
    h += QStringLiteral("<h1>Calibration certificate</h1>");
    h += QStringLiteral("<p>Algoscope load calibration, record #%1 (format version %2)</p>")
             .arg(record.id)
             .arg(record.version);

    h += QStringLiteral("<h2>Device and conditions</h2><table border='1' cellspacing='0'>");
    h += row({QStringLiteral("Device serial"), text(record.device_serial)});
    h += row({QStringLiteral("Calibrated on"), date(record.calibrated_on)});
    h += row({QStringLiteral("Valid until"),
              date(record.expires_on) +
                  (expired ? QStringLiteral(" <span class='warn'>— EXPIRED on %1</span>")
                                 .arg(date(options.today))
                           : QString())});
    h += row({QStringLiteral("Operator"), text(record.operator_name)});
    h += row(
        {QStringLiteral("Temperature"), fixed(record.temperature_c, 1) + QStringLiteral(" °C")});
    h += row({QStringLiteral("Probe area"), num(record.probe_area_cm2) + QStringLiteral(" cm²")});
    h += row({QStringLiteral("Device reading"),
              record.reading_kind == algocal::ReadingKind::kRawCounts
                  ? QStringLiteral("raw ADC counts")
                  : QStringLiteral("device force (N, factory calibration)")});
    if (!record.notes.empty()) h += row({QStringLiteral("Notes"), text(record.notes)});
    h += QStringLiteral("</table>");

    // The verdict comes first: it is what a reader of the certificate looks for.
    h += QStringLiteral(
             "<h2>Verdict</h2><p class='%1'>%2 — tolerance %3 % of full scale</p><p>%4</p>")
             .arg(verdict.pass ? QStringLiteral("pass") : QStringLiteral("fail"),
                  verdict.pass ? QStringLiteral("PASS") : QStringLiteral("FAIL"),
                  num(options.tolerance_percent_fs, 4), text(verdict.summary));

    h += QStringLiteral("<h2>Reference standards</h2><table border='1' cellspacing='0'>");
    h += row({QStringLiteral("Id"), QStringLiteral("Description"),
              QStringLiteral("Expanded uncertainty"), QStringLiteral("k")},
             true);
    for (const algocal::ReferenceStandard& s : record.reference_standards) {
        h += row({text(s.id), text(s.description),
                  num(s.expanded_uncertainty_percent, 4) + QStringLiteral(" %"),
                  num(s.coverage_factor, 3)});
    }
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h2>Calibration points</h2><table border='1' cellspacing='0'>");
    h += row({QStringLiteral("#"), QStringLiteral("Run"), QStringLiteral("Direction"),
              QStringLiteral("Applied load"), QStringLiteral("Load (N)"),
              QStringLiteral("Reading (%1)").arg(unit), QStringLiteral("Residual (%1)").arg(unit),
              QStringLiteral("Force error (N)")},
             true);
    for (std::size_t i = 0; i < record.points.size(); ++i) {
        const algocal::CalibrationPoint& p = record.points[i];
        h += row({QString::number(i + 1), QString::number(p.run),
                  p.direction == algocal::LoadDirection::kAscending ? QStringLiteral("up")
                                                                    : QStringLiteral("down"),
                  num(p.applied_load) + QStringLiteral(" ") +
                      QString::fromUtf8(algocal::symbol(p.load_unit).data()),
                  num(p.applied_load_n()), num(p.reading, 8),
                  i < record.fit.residuals.size() ? num(record.fit.residuals[i], 4) : QString(),
                  i < verdict.error_n.size() ? num(verdict.error_n[i], 4) : QString()});
    }
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h2>Fit: reading = c0 + c1·load + … (load in N), degree %1</h2>")
             .arg(record.fit.degree);
    h += QStringLiteral("<table border='1' cellspacing='0'>");
    h += row(
        {QStringLiteral("Coefficient"), QStringLiteral("Value"), QStringLiteral("Standard error")},
        true);
    for (std::size_t i = 0; i < record.fit.coefficients.size(); ++i) {
        h += row({power_name(static_cast<int>(i)), num(record.fit.coefficients[i], 10),
                  i < record.fit.std_errors.size() ? num(record.fit.std_errors[i], 4) : QString()});
    }
    h += QStringLiteral("</table>");

    const algocal::CalibrationStatistics& st = record.statistics;
    const auto percent = [](bool has, double v) {
        return has ? fixed(v, 4) + QStringLiteral(" % FS") : QStringLiteral("not measured");
    };
    h += QStringLiteral("<h2>Statistics</h2><table border='1' cellspacing='0'>");
    h += row({QStringLiteral("Points"), QString::number(record.fit.n)});
    h +=
        row({QStringLiteral("Calibrated range"), num(record.fit.x_min) + QStringLiteral(" – ") +
                                                     num(record.fit.x_max) + QStringLiteral(" N")});
    h += row({QStringLiteral("Residual standard deviation"),
              num(record.fit.residual_sd, 5) + QStringLiteral(" ") + unit});
    h += row({QStringLiteral("R²"), QString::number(record.fit.r_squared, 'f', 8)});
    h += row({QStringLiteral("Max. non-linearity"),
              fixed(st.max_nonlinearity_percent_fs, 4) + QStringLiteral(" % FS")});
    h += row({QStringLiteral("Hysteresis"), percent(st.has_hysteresis, st.hysteresis_percent_fs)});
    h += row({QStringLiteral("Repeatability"),
              percent(st.has_repeatability, st.repeatability_percent_fs)});
    h += row(
        {QStringLiteral("Zero return"), percent(st.has_zero_return, st.zero_return_percent_fs)});
    h += row({QStringLiteral("Lower limit factor (2.4 × residual SD)"),
              num(st.lower_limit_factor, 4) + QStringLiteral(" ") + unit + QStringLiteral(" = ") +
                  num(st.lower_limit_factor_n, 4) + QStringLiteral(" N")});
    h += row({QStringLiteral("Lower force limit, Class A / AA"),
              num(st.lower_force_limit_class_a_n, 4) + QStringLiteral(" N / ") +
                  num(st.lower_force_limit_class_aa_n, 4) + QStringLiteral(" N")});
    h += row({QStringLiteral("Recommended degree"), QString::number(st.recommended_degree) +
                                                        QStringLiteral(": ") +
                                                        text(st.recommendation_reason)});
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h2>Residuals</h2><p><img src='residuals.png' width='620'></p>");

    h += QStringLiteral("<p style='color:#404040'>Printed %1 by Algoscope.</p></body></html>")
             .arg(date(options.today));
    return h;
}

bool write_certificate_pdf(const algocal::CalibrationRecord& record,
                           const CertificateOptions& options, const QString& path, QString* error) {
    QFile probe(path);
    if (!probe.open(QIODevice::WriteOnly)) {
        if (error) *error = QStringLiteral("cannot write %1: %2").arg(path, probe.errorString());
        return false;
    }
    probe.close();

    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(QStringLiteral("Calibration certificate %1 #%2")
                        .arg(QString::fromStdString(record.device_serial))
                        .arg(record.id));
    writer.setCreator(QStringLiteral("Algoscope"));

    QTextDocument document;
    document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("residuals.png")),
                         residual_image(record));
    document.setHtml(certificate_html(record, options));
    document.print(&writer);

    if (QFile::exists(path) && QFile(path).size() > 0) return true;
    if (error) *error = QStringLiteral("cannot write %1: the PDF is empty").arg(path);
    return false;
}

int export_certificate_from_file(const QString& record_path, const QString& pdf_path,
                                 double tolerance_percent_fs) {
    algocore::RecordExpectations expectations;
    const algocore::CalibrationLoadResult loaded =
        algocore::load_calibration_record(record_path.toStdString(), expectations);
    if (!loaded.ok) {
        std::fprintf(stderr, "algoscope: %s: %s\n", qPrintable(record_path),
                     loaded.message.c_str());
        return 1;
    }
    if (loaded.expired) std::fprintf(stderr, "algoscope: warning: %s\n", loaded.warning.c_str());
    CertificateOptions options;
    options.tolerance_percent_fs = tolerance_percent_fs;
    options.today = expectations.today;
    QString error;
    if (!write_certificate_pdf(loaded.record, options, pdf_path, &error)) {
        std::fprintf(stderr, "algoscope: %s\n", qPrintable(error));
        return 2;
    }
    std::printf("%s\n", qPrintable(pdf_path));
    return 0;
}

} // namespace algogui::calibration
