#include "algocore/calibration/CalibrationReport.h"

#include <cmath>
#include <cstdarg>
#include <cstdio>

#include "algocal/CalibrationAnalysis.h"
#include "algocal/FitInverter.h"

namespace algocore {
namespace {

// printf-style append; report lines are short, so a fixed buffer is enough.
void line(std::string& out, const char* format, ...) __attribute__((format(printf, 2, 3)));
void line(std::string& out, const char* format, ...) {
    char buffer[512];
    va_list args;
    va_start(args, format);
    std::vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    out += buffer;
    out += '\n';
}

const char* reading_unit(algocal::ReadingKind kind) {
    return kind == algocal::ReadingKind::kRawCounts ? "counts" : "N (device)";
}

void statistics_section(std::string& out, const algocal::CalibrationRecord& record) {
    const algocal::CalibrationStatistics& s = record.statistics;
    line(out, "STATISTICS (percent of full-scale reading %.6g %s at %.6g N)", s.full_scale_reading,
         reading_unit(record.reading_kind), s.full_scale_load_n);
    line(out, "  Max non-linearity (terminal line)  %.4f %%", s.max_nonlinearity_percent_fs);
    if (s.has_hysteresis)
        line(out, "  Hysteresis                         %.4f %%", s.hysteresis_percent_fs);
    else
        line(out, "  Hysteresis                         not measured (no descending points)");
    if (s.has_repeatability)
        line(out, "  Repeatability (between runs)       %.4f %%", s.repeatability_percent_fs);
    else
        line(out, "  Repeatability                      not measured (one run)");
    if (s.has_zero_return)
        line(out, "  Zero return                        %.4f %%", s.zero_return_percent_fs);
    else
        line(out, "  Zero return                        not measured");
    line(out, "  Lower limit factor (2.4 x SD)      %.6g %s = %.4g N", s.lower_limit_factor,
         reading_unit(record.reading_kind), s.lower_limit_factor_n);
    line(out, "  Lower force limit, Class A (400 x LLF)    %.4g N", s.lower_force_limit_class_a_n);
    line(out, "  Lower force limit, Class AA (2000 x LLF)  %.4g N", s.lower_force_limit_class_aa_n);
    line(out, "  Recommended degree                 %s", s.recommendation_reason.c_str());
}

} // namespace

std::string calibration_report(const algocal::CalibrationRecord& record,
                               std::chrono::year_month_day today) {
    std::string out;
    const std::string rule(78, '=');
    line(out, "%s", rule.c_str());
    line(out, "ALGOSCOPE LOAD CALIBRATION REPORT");
    line(out, "%s", rule.c_str());
    line(out, "Record id            %llu (format version %d)",
         static_cast<unsigned long long>(record.id), record.version);
    line(out, "Device serial        %s", record.device_serial.c_str());
    line(out, "Calibrated on        %s", algocal::format_date(record.calibrated_on).c_str());
    line(out, "Valid until          %s%s", algocal::format_date(record.expires_on).c_str(),
         record.is_expired(today) ? "   ** EXPIRED: recalibrate before use **" : "");
    line(out, "Operator             %s", record.operator_name.c_str());
    line(out, "Temperature          %.1f \u00b0C", record.temperature_c);
    line(out, "Probe area           %.3g cm\u00b2", record.probe_area_cm2);
    line(out, "Instrument reading   %s",
         record.reading_kind == algocal::ReadingKind::kRawCounts ? "raw ADC counts"
                                                                 : "device force in newtons");
    out += '\n';
    line(out, "REFERENCE STANDARDS");
    for (const auto& standard : record.reference_standards)
        line(out, "  %-20s %s  (U = %.3g %% of load, k = %.3g)", standard.id.c_str(),
             standard.description.c_str(), standard.expanded_uncertainty_percent,
             standard.coverage_factor);
    out += '\n';

    const algocal::FitInverter inverter(record.fit);
    line(out, "CALIBRATION POINTS");
    line(out, "  %3s %3s %-4s %14s %16s %14s %14s", "#", "run", "dir", "applied load", "reading",
         "residual", "force error");
    for (std::size_t i = 0; i < record.points.size(); ++i) {
        const auto& p = record.points[i];
        char load[48];
        std::snprintf(load, sizeof load, "%.6g %s", p.applied_load,
                      std::string(algocal::symbol(p.load_unit)).c_str());
        const double residual = p.reading - record.fit.evaluate(p.applied_load_n());
        const double error_n = inverter.invert(p.reading).force_n - p.applied_load_n();
        line(out, "  %3zu %3d %-4s %14s %16.8g %14.4g %12.4g N", i + 1, p.run,
             p.direction == algocal::LoadDirection::kAscending ? "up" : "down", load, p.reading,
             residual, error_n);
    }
    out += '\n';
    std::string terms = "c0";
    for (int k = 1; k <= record.fit.degree; ++k)
        terms += " + c" + std::to_string(k) + (k == 1 ? " F" : " F^" + std::to_string(k));
    line(out, "FIT: reading = %s  (F = applied load in N, least squares)", terms.c_str());
    for (std::size_t k = 0; k < record.fit.coefficients.size(); ++k)
        line(out, "  c%zu = %24.17g   standard error %.6g", k, record.fit.coefficients[k],
             k < record.fit.std_errors.size() ? record.fit.std_errors[k] : NAN);
    line(out, "  Residual SD %.6g %s   R\u00b2 %.12f   n = %zu   range %.6g to %.6g N",
         record.fit.residual_sd, reading_unit(record.reading_kind), record.fit.r_squared,
         record.fit.n, record.fit.x_min, record.fit.x_max);
    line(out,
         "  Force from a reading: inverse of the fit (monotonic: %s); readings outside the "
         "calibrated range are flagged",
         inverter.usable() ? "yes" : "NO");
    out += '\n';
    statistics_section(out, record);
    if (!record.notes.empty()) {
        out += '\n';
        line(out, "NOTES");
        line(out, "  %s", record.notes.c_str());
    }
    line(out, "%s", rule.c_str());
    return out;
}

} // namespace algocore
