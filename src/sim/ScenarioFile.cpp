#include "algosim/ScenarioFile.h"

#include <charconv>
#include <cmath>
#include <sstream>

#include "algoinput/InputFile.h"
#include "algoinput/QuotedInput.h"

namespace algosim {
namespace {

constexpr std::string_view kHeader = "t_s,pressure_kpa,patient_button,operator_button";
constexpr const char* kColumnNames[] = {"t_s", "pressure_kpa", "patient_button", "operator_button"};
constexpr double kMaxPressureKpa = 100000.0;

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

std::vector<std::string_view> split_fields(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (true) {
        const auto comma = line.find(',', start);
        fields.push_back(trim(line.substr(start, comma - start)));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return fields;
}

// Locale-independent number parsing: the whole field must be a finite number.
std::optional<double> parse_number(std::string_view field) {
    double value = 0.0;
    const char* end = field.data() + field.size();
    const auto [ptr, ec] = std::from_chars(field.data(), end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
    return value;
}

class LineErrors {
public:
    LineErrors(const std::string& source, std::size_t line) : source_(source), line_(line) {}
    std::string at_line(const std::string& what) const {
        return source_ + ":" + std::to_string(line_) + ": " + what;
    }
    std::string at_column(std::size_t column, const std::string& what) const {
        return at_line("column " + std::to_string(column + 1) + " (" + kColumnNames[column] +
                       "): " + what);
    }

private:
    const std::string& source_;
    std::size_t line_;
};

} // namespace

namespace {

ScenarioFileResult parse_rows(std::string_view text, const std::string& source_name) {
    ScenarioFileResult result;
    bool header_seen = false;
    std::size_t line_number = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto newline = text.find('\n', start);
        const std::string_view raw_line =
            text.substr(start, newline == std::string_view::npos ? text.npos : newline - start);
        start = newline == std::string_view::npos ? text.size() + 1 : newline + 1;
        ++line_number;
        const std::string_view line = trim(raw_line);
        if (line.empty() || line.front() == '#') continue;
        const LineErrors errors(source_name, line_number);

        if (!header_seen) {
            std::string normalised;
            for (const auto field : split_fields(line)) {
                if (!normalised.empty()) normalised += ',';
                normalised += field;
            }
            if (normalised != kHeader) {
                result.error = errors.at_line("expected the header '" + std::string(kHeader) +
                                              "', found '" + algoinput::escape_input(line) + "'");
                return result;
            }
            header_seen = true;
            continue;
        }

        const auto fields = split_fields(line);
        if (fields.size() != 4) {
            result.error = errors.at_line("expected 4 columns (" + std::string(kHeader) +
                                          "), found " + std::to_string(fields.size()));
            return result;
        }
        Keyframe keyframe;
        for (std::size_t column = 0; column < 2; ++column) {
            const auto value = parse_number(fields[column]);
            if (!value) {
                result.error = errors.at_column(
                    column, "'" + algoinput::escape_input(fields[column]) + "' is not a number");
                return result;
            }
            (column == 0 ? keyframe.t_s : keyframe.pressure_kpa) = *value;
        }
        if (keyframe.t_s < 0.0) {
            result.error = errors.at_column(0, "time must not be negative");
            return result;
        }
        if (!result.keyframes.empty() && keyframe.t_s <= result.keyframes.back().t_s) {
            std::ostringstream previous;
            previous << result.keyframes.back().t_s;
            result.error = errors.at_column(0, "time must increase from row to row (previous "
                                               "keyframe at " +
                                                   previous.str() + " s)");
            return result;
        }
        if (keyframe.pressure_kpa < 0.0 || keyframe.pressure_kpa > kMaxPressureKpa) {
            result.error = errors.at_column(1, "pressure must be between 0 and 100000 kPa");
            return result;
        }
        for (std::size_t column = 2; column < 4; ++column) {
            if (fields[column] != "0" && fields[column] != "1") {
                result.error =
                    errors.at_column(column, "expected 0 or 1, found '" +
                                                 algoinput::escape_input(fields[column]) + "'");
                return result;
            }
            (column == 2 ? keyframe.patient_button : keyframe.operator_button) =
                fields[column] == "1";
        }
        result.keyframes.push_back(keyframe);
    }
    if (!header_seen) {
        result.error = source_name + ": empty file; expected the header '" + std::string(kHeader) +
                       "' and at least one keyframe";
    } else if (result.keyframes.empty()) {
        result.error = source_name + ": no keyframes after the header";
    }
    return result;
}

} // namespace

ScenarioFileResult parse_scenario_csv(std::string_view text, const std::string& source_name) {
    ScenarioFileResult result = parse_rows(text, source_name);
    if (!result.ok()) result.keyframes.clear();
    return result;
}

ScenarioFileResult load_scenario_file(const std::string& path) {
    // Read with a size limit: a wrong file (or /dev/zero) is refused, not read forever.
    const algoinput::InputFileRead file =
        algoinput::read_input_file(path, kMaxScenarioFileBytes, "scenario file");
    if (!file.ok()) {
        ScenarioFileResult result;
        result.error = file.error;
        return result;
    }
    return parse_scenario_csv(file.bytes, algoinput::escape_input(path));
}

} // namespace algosim
