#pragma once
// The calibration certificate as a PDF: device, dates, reference standards, every point,
// the fit coefficients with standard errors, the statistics, the residual plot and the
// verdict against a tolerance. Rendered with QTextDocument onto a QPdfWriter (A4), so it
// needs a QGuiApplication (the offscreen platform is enough) but no window.
#include <QString>
#include <chrono>

#include "algocal/CalendarDate.h"
#include "algocal/CalibrationRecord.h"

namespace algogui::calibration {

/// What the certificate is judged against and when it is printed.
struct CertificateOptions {
    double tolerance_percent_fs = 1.0; ///< pass/fail limit of the force error
    std::chrono::year_month_day today = algocal::today_utc();
};

/// The certificate as HTML; the residual plot is referenced as "residuals.png".
QString certificate_html(const algocal::CalibrationRecord& record,
                         const CertificateOptions& options);

/// Writes the PDF to `path`. False with `error` set ("cannot write /x.pdf: ...") on failure.
bool write_certificate_pdf(const algocal::CalibrationRecord& record,
                           const CertificateOptions& options, const QString& path, QString* error);

/// Headless `algoscope --calibration-report RECORD.json --pdf OUT.pdf [--tolerance PCT]`:
/// loads and validates the record, writes the PDF, prints warnings/errors to stderr.
/// Returns the process exit code (0 written, 1 refused record, 2 cannot write).
int export_certificate_from_file(const QString& record_path, const QString& pdf_path,
                                 double tolerance_percent_fs);

} // namespace algogui::calibration
