// Writing calibration records. Field names are part of the file format (version 1); the
// reader in CalibrationRecordReader.cpp must accept everything written here.
#include <nlohmann/json.hpp>

#include <fstream>
#include <system_error>

#include "RecordEnumNames.h"
#include "algocal/CalendarDate.h"
#include "algocore/calibration/CalibrationRecordJson.h"
#include "algoinput/JsonText.h"

namespace algocore {
namespace {

using Json = nlohmann::ordered_json;

Json statistics_json(const algocal::CalibrationStatistics& s) {
    return Json{
        {"full_scale_load_n", s.full_scale_load_n},
        {"full_scale_reading", s.full_scale_reading},
        {"max_nonlinearity_percent_fs", s.max_nonlinearity_percent_fs},
        {"has_hysteresis", s.has_hysteresis},
        {"hysteresis_percent_fs", s.hysteresis_percent_fs},
        {"has_repeatability", s.has_repeatability},
        {"repeatability_percent_fs", s.repeatability_percent_fs},
        {"has_zero_return", s.has_zero_return},
        {"zero_return_percent_fs", s.zero_return_percent_fs},
        {"lower_limit_factor", s.lower_limit_factor},
        {"lower_limit_factor_n", s.lower_limit_factor_n},
        {"lower_force_limit_class_a_n", s.lower_force_limit_class_a_n},
        {"lower_force_limit_class_aa_n", s.lower_force_limit_class_aa_n},
        {"recommended_degree", s.recommended_degree},
        {"recommendation_reason", s.recommendation_reason},
    };
}

} // namespace

std::string calibration_record_to_json(const algocal::CalibrationRecord& record) {
    Json standards = Json::array();
    for (const auto& standard : record.reference_standards)
        standards.push_back(
            {{"id", standard.id},
             {"description", standard.description},
             {"expanded_uncertainty_percent", standard.expanded_uncertainty_percent},
             {"coverage_factor", standard.coverage_factor}});
    Json points = Json::array();
    for (const auto& point : record.points)
        points.push_back({{"applied_load", point.applied_load},
                          {"unit", std::string(algocal::symbol(point.load_unit))},
                          {"reading", point.reading},
                          {"direction", std::string(direction_name(point.direction))},
                          {"run", point.run}});
    const algocal::PolynomialFit& fit = record.fit;
    const Json fit_json{{"degree", fit.degree},         {"coefficients", fit.coefficients},
                        {"std_errors", fit.std_errors}, {"residual_sd", fit.residual_sd},
                        {"r_squared", fit.r_squared},   {"n", fit.n},
                        {"load_min_n", fit.x_min},      {"load_max_n", fit.x_max},
                        {"residuals", fit.residuals}};
    const Json root{{"format", kCalibrationRecordFormat},
                    {"version", record.version},
                    {"id", record.id},
                    {"device_serial", record.device_serial},
                    {"calibrated_on", algocal::format_date(record.calibrated_on)},
                    {"expires_on", algocal::format_date(record.expires_on)},
                    {"operator", record.operator_name},
                    {"reference_standards", standards},
                    {"temperature_c", record.temperature_c},
                    {"probe_area_cm2", record.probe_area_cm2},
                    {"reading_kind", std::string(reading_kind_name(record.reading_kind))},
                    {"points", points},
                    {"fit", fit_json},
                    {"statistics", statistics_json(record.statistics)},
                    {"notes", record.notes}};
    // Text fields come from people and devices: bytes that are not UTF-8 are written as
    // U+FFFD instead of throwing out of a save.
    return algoinput::json_text(root, 2) + "\n";
}

std::string save_calibration_record(const std::filesystem::path& path,
                                    const algocal::CalibrationRecord& record) {
    const std::string text = calibration_record_to_json(record);
    // Write beside the target and rename, so a crash never leaves a half-written record.
    std::filesystem::path temporary = path;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return "cannot write " + temporary.string();
        out << text;
        out.flush();
        if (!out) return "cannot write " + temporary.string() + " (disk full?)";
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error)
        return "cannot rename " + temporary.string() + " to " + path.string() + ": " +
               error.message();
    return {};
}

} // namespace algocore
