// Loading calibration records: every field is checked for presence, type and range, then the
// fit and every statistic are recomputed from the points (a record whose numbers were altered
// or damaged no longer reproduces them). The first problem found is reported with the field's
// JSON path; nothing the parser throws leaves this file.
#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>

#include "JsonFieldPath.h"
#include "RecordConsistency.h"
#include "RecordEnumNames.h"
#include "RecordProblem.h"
#include "algocal/CalendarDate.h"
#include "algocal/ProbeArea.h"
#include "algocore/calibration/CalibrationRecordJson.h"
#include "algoinput/InputFile.h"
#include "algoinput/QuotedInput.h"

namespace algocore {
namespace {

using Json = nlohmann::json;

const Json& member(const Json& object, const std::string& path, const char* key) {
    const std::string field = path.empty() ? key : path + "." + key;
    const auto it = object.find(key);
    if (it == object.end()) refuse(field, "is missing");
    return *it;
}

std::string join(const std::string& path, const char* key) {
    return path.empty() ? key : path + "." + key;
}

double number(const Json& object, const std::string& path, const char* key) {
    const Json& value = member(object, path, key);
    if (!value.is_number()) refuse(join(path, key), "must be a number");
    const double x = value.get<double>();
    if (!std::isfinite(x)) refuse(join(path, key), "must be a finite number");
    return x;
}

double number_in(const Json& object, const std::string& path, const char* key, double low,
                 double high) {
    const double x = number(object, path, key);
    if (x < low || x > high) {
        std::ostringstream text;
        text << "must be between " << low << " and " << high << ", got " << x;
        refuse(join(path, key), text.str());
    }
    return x;
}

long long integer(const Json& object, const std::string& path, const char* key) {
    const Json& value = member(object, path, key);
    if (!value.is_number_integer()) refuse(join(path, key), "must be a whole number");
    return value.get<long long>();
}

std::string text(const Json& object, const std::string& path, const char* key) {
    const Json& value = member(object, path, key);
    if (!value.is_string()) refuse(join(path, key), "must be text");
    return value.get<std::string>();
}

// A name printed in reports, certificates and terminals: text without control characters
// (an escape sequence in an operator name would drive the reader's terminal).
std::string name(const Json& object, const std::string& path, const char* key) {
    std::string value = text(object, path, key);
    if (!algoinput::is_printable_text(value))
        refuse(join(path, key),
               "must be text without control characters, got " + algoinput::quote_input(value));
    return value;
}

// Notes may have line breaks and tabs; nothing else that steers a terminal.
std::string notes(const Json& root) {
    std::string value = text(root, "", "notes");
    std::string visible = value;
    std::erase_if(visible, [](char c) { return c == '\n' || c == '\t' || c == '\r'; });
    if (!algoinput::is_printable_text(visible))
        refuse("notes", "must be text without control characters other than line breaks");
    return value;
}

bool flag(const Json& object, const std::string& path, const char* key) {
    const Json& value = member(object, path, key);
    if (!value.is_boolean()) refuse(join(path, key), "must be true or false");
    return value.get<bool>();
}

std::chrono::year_month_day date(const Json& object, const char* key) {
    const std::string value = text(object, "", key);
    const auto parsed = algocal::parse_date(value);
    if (!parsed) refuse(key, "must be a date YYYY-MM-DD, got " + algoinput::quote_input(value));
    return *parsed;
}

std::vector<double> numbers(const Json& object, const std::string& path, const char* key,
                            std::size_t expected_size) {
    const Json& value = member(object, path, key);
    const std::string field = join(path, key);
    if (!value.is_array()) refuse(field, "must be a list of numbers");
    if (value.size() != expected_size)
        refuse(field, "must have " + std::to_string(expected_size) + " entries, has " +
                          std::to_string(value.size()));
    std::vector<double> out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_number() || !std::isfinite(value[i].get<double>()))
            refuse(field + "[" + std::to_string(i) + "]", "must be a finite number");
        out.push_back(value[i].get<double>());
    }
    return out;
}

std::vector<algocal::ReferenceStandard> reference_standards(const Json& root) {
    const Json& list = member(root, "", "reference_standards");
    if (!list.is_array() || list.empty())
        refuse("reference_standards", "must list at least one reference standard");
    std::vector<algocal::ReferenceStandard> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = "reference_standards[" + std::to_string(i) + "]";
        if (!list[i].is_object()) refuse(path, "must be an object");
        algocal::ReferenceStandard standard;
        standard.id = name(list[i], path, "id");
        if (standard.id.empty()) refuse(path + ".id", "must not be empty");
        standard.description = name(list[i], path, "description");
        standard.expanded_uncertainty_percent =
            number_in(list[i], path, "expanded_uncertainty_percent", 0.0, 100.0);
        standard.coverage_factor = number_in(list[i], path, "coverage_factor", 0.1, 10.0);
        out.push_back(standard);
    }
    return out;
}

std::vector<algocal::CalibrationPoint> points(const Json& root) {
    const Json& list = member(root, "", "points");
    if (!list.is_array() || list.empty()) refuse("points", "must list the calibration points");
    std::vector<algocal::CalibrationPoint> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = "points[" + std::to_string(i) + "]";
        if (!list[i].is_object()) refuse(path, "must be an object");
        algocal::CalibrationPoint point;
        point.applied_load = number_in(list[i], path, "applied_load", 0.0, 1e9);
        const std::string unit = text(list[i], path, "unit");
        const auto parsed_unit = algocal::parse_force_unit(unit);
        if (!parsed_unit)
            refuse(path + ".unit", "unknown force unit " + algoinput::quote_input(unit));
        point.load_unit = *parsed_unit;
        point.reading = number(list[i], path, "reading");
        const std::string direction = text(list[i], path, "direction");
        const auto parsed_direction = parse_direction(direction);
        if (!parsed_direction)
            refuse(path + ".direction", "must be \"ascending\" or \"descending\", got " +
                                            algoinput::quote_input(direction));
        point.direction = *parsed_direction;
        const long long run = integer(list[i], path, "run");
        if (run < 1 || run > 1000) refuse(path + ".run", "must be 1..1000");
        point.run = static_cast<int>(run);
        out.push_back(point);
    }
    return out;
}

algocal::PolynomialFit fit(const Json& root, std::size_t point_count) {
    const Json& object = member(root, "", "fit");
    if (!object.is_object()) refuse("fit", "must be an object");
    algocal::PolynomialFit out;
    const long long degree = integer(object, "fit", "degree");
    if (degree < algocal::kMinFitDegree || degree > algocal::kMaxFitDegree)
        refuse("fit.degree", "must be 1..5, got " + std::to_string(degree));
    out.degree = static_cast<int>(degree);
    const auto terms = static_cast<std::size_t>(degree) + 1;
    out.coefficients = numbers(object, "fit", "coefficients", terms);
    out.std_errors = numbers(object, "fit", "std_errors", terms);
    out.residual_sd = number_in(object, "fit", "residual_sd", 0.0, 1e300);
    out.r_squared = number_in(object, "fit", "r_squared", -1e300, 1.0);
    const long long n = integer(object, "fit", "n");
    if (n != static_cast<long long>(point_count))
        refuse("fit.n", "says " + std::to_string(n) + " points but the record has " +
                            std::to_string(point_count));
    out.n = point_count;
    out.x_min = number(object, "fit", "load_min_n");
    out.x_max = number(object, "fit", "load_max_n");
    if (!(out.x_max > out.x_min)) refuse("fit.load_max_n", "must be above fit.load_min_n");
    out.residuals = numbers(object, "fit", "residuals", point_count);
    return out;
}

algocal::CalibrationStatistics statistics(const Json& root) {
    const Json& o = member(root, "", "statistics");
    if (!o.is_object()) refuse("statistics", "must be an object");
    const std::string p = "statistics";
    algocal::CalibrationStatistics s;
    s.full_scale_load_n = number(o, p, "full_scale_load_n");
    s.full_scale_reading = number(o, p, "full_scale_reading");
    s.max_nonlinearity_percent_fs = number(o, p, "max_nonlinearity_percent_fs");
    s.has_hysteresis = flag(o, p, "has_hysteresis");
    s.hysteresis_percent_fs = number(o, p, "hysteresis_percent_fs");
    s.has_repeatability = flag(o, p, "has_repeatability");
    s.repeatability_percent_fs = number(o, p, "repeatability_percent_fs");
    s.has_zero_return = flag(o, p, "has_zero_return");
    s.zero_return_percent_fs = number(o, p, "zero_return_percent_fs");
    s.lower_limit_factor = number(o, p, "lower_limit_factor");
    s.lower_limit_factor_n = number(o, p, "lower_limit_factor_n");
    s.lower_force_limit_class_a_n = number(o, p, "lower_force_limit_class_a_n");
    s.lower_force_limit_class_aa_n = number(o, p, "lower_force_limit_class_aa_n");
    const long long degree = integer(o, p, "recommended_degree");
    if (degree < algocal::kMinFitDegree || degree > algocal::kMaxFitDegree)
        refuse("statistics.recommended_degree", "must be 1..5");
    s.recommended_degree = static_cast<int>(degree);
    s.recommendation_reason = text(o, p, "recommendation_reason");
    return s;
}

algocal::CalibrationRecord parse_record(const Json& root, const RecordExpectations& expect) {
    if (!root.is_object()) refuse("(record)", "must be a JSON object");
    const std::string format = text(root, "", "format");
    if (format != kCalibrationRecordFormat)
        refuse("format",
               "is " + algoinput::quote_input(format) + ", not an Algoscope calibration record");
    const long long version = integer(root, "", "version");
    if (version > algocal::kCalibrationRecordVersion)
        refuse("version", "record format version " + std::to_string(version) +
                              " is newer than this program understands (" +
                              std::to_string(algocal::kCalibrationRecordVersion) +
                              "); update Algoscope");
    if (version < 1) refuse("version", "must be at least 1, got " + std::to_string(version));

    algocal::CalibrationRecord record;
    record.version = static_cast<int>(version);
    const Json& id = member(root, "", "id");
    if (!id.is_number_unsigned() || id.get<std::uint64_t>() == 0)
        refuse("id", "must be a whole number greater than 0");
    record.id = id.get<std::uint64_t>();
    record.device_serial = name(root, "", "device_serial");
    if (record.device_serial.empty()) refuse("device_serial", "must not be empty");
    if (!expect.device_serial.empty() && record.device_serial != expect.device_serial)
        refuse("device_serial",
               "record is for device " + algoinput::quote_input(record.device_serial) +
                   ", not this device " + algoinput::quote_input(expect.device_serial));
    record.calibrated_on = date(root, "calibrated_on");
    record.expires_on = date(root, "expires_on");
    if (record.expires_on < record.calibrated_on) refuse("expires_on", "is before calibrated_on");
    record.operator_name = name(root, "", "operator");
    if (record.operator_name.empty()) refuse("operator", "must name who calibrated");
    record.reference_standards = reference_standards(root);
    record.temperature_c = number_in(root, "", "temperature_c", -40.0, 80.0);
    record.probe_area_cm2 =
        number_in(root, "", "probe_area_cm2", algocal::kMinProbeAreaCm2, algocal::kMaxProbeAreaCm2);
    const std::string kind = text(root, "", "reading_kind");
    const auto parsed_kind = parse_reading_kind(kind);
    if (!parsed_kind)
        refuse("reading_kind",
               "must be \"raw_counts\" or \"device_newtons\", got " + algoinput::quote_input(kind));
    record.reading_kind = *parsed_kind;
    record.points = points(root);
    record.fit = fit(root, record.points.size());
    record.statistics = statistics(root);
    if (root.contains("notes")) record.notes = notes(root);
    check_record_consistency(record);
    return record;
}

} // namespace

CalibrationLoadResult calibration_record_from_json(std::string_view json,
                                                   const RecordExpectations& expectations) {
    CalibrationLoadResult result;
    const auto refused = [&result](const std::string& field, const std::string& problem) {
        result.field = field;
        result.message = "field '" + field + "': " + problem;
        return result;
    };
    ParsedJson parsed = parse_json_naming_field(json);
    if (!parsed.ok && parsed.field == "(record)") {
        // Not even the first field could be read: the record as a whole.
        result.field = parsed.field;
        result.message = "record " + parsed.problem;
        return result;
    }
    if (!parsed.ok) return refused(parsed.field, parsed.problem);
    // The boundary of the loader: a record that defeats a check below (a library exception,
    // memory) is refused like any other damaged record, never thrown at the caller.
    try {
        result.record = parse_record(parsed.value, expectations);
    } catch (const RecordProblem& problem) {
        return refused(problem.field, problem.message);
    } catch (const nlohmann::json::exception&) {
        return refused("(record)", "cannot be read (damaged record)");
    } catch (const std::bad_alloc&) {
        return refused("(record)", "is too large to check in memory");
    }
    result.ok = true;
    if (result.record.is_expired(expectations.today)) {
        const auto days = (std::chrono::sys_days{expectations.today} -
                           std::chrono::sys_days{result.record.expires_on})
                              .count();
        result.expired = true;
        result.warning = "calibration " + std::to_string(result.record.id) + " expired on " +
                         algocal::format_date(result.record.expires_on) + " (" +
                         std::to_string(days) + " days ago); recalibrate the device";
    }
    return result;
}

CalibrationLoadResult load_calibration_record(const std::filesystem::path& path,
                                              const RecordExpectations& expectations) {
    const algoinput::InputFileRead file =
        algoinput::read_input_file(path, kMaxCalibrationRecordBytes, "calibration record");
    if (!file.ok()) {
        CalibrationLoadResult result;
        result.field = "(file)";
        result.message = file.error;
        return result;
    }
    CalibrationLoadResult result = calibration_record_from_json(file.bytes, expectations);
    if (!result.ok)
        result.message = algoinput::escape_input(path.filename().string()) + ": " + result.message;
    return result;
}

} // namespace algocore
