#include "ClassLines.h"

#include <cstdio>

namespace cli_class {

using algocore::sharedstudy::StationProgress;

namespace {

nlohmann::json value_or_null(const std::optional<double>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

std::string fixed(double value, int decimals) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

} // namespace

nlohmann::json score_fields(const algocore::sharedstudy::ClassScore& score) {
    return {{"constant_error_kpa", score.constant_error_kpa},
            {"absolute_error_kpa", score.absolute_error_kpa},
            {"variable_error_kpa", score.variable_error_kpa},
            {"time_in_band_pct", score.time_in_band_pct}};
}

nlohmann::json station_line(const StationProgress& p) {
    return {{"station", p.station},
            {"student", p.student},
            {"exercise", p.exercise},
            {"state", algocore::sharedstudy::to_string(p.state)},
            {"pressure_kpa", value_or_null(p.pressure_kpa)},
            {"band_low_kpa", value_or_null(p.band_low_kpa)},
            {"band_high_kpa", value_or_null(p.band_high_kpa)},
            {"in_band_pct", value_or_null(p.in_band_pct)},
            {"score", p.score ? score_fields(*p.score) : nlohmann::json(nullptr)},
            {"t", p.t_utc_s}};
}

std::string station_text(const StationProgress& p) {
    std::string line = p.station + "  " + p.student + "  " + p.exercise + "  " +
                       algocore::sharedstudy::to_string(p.state);
    if (p.pressure_kpa) line += "  " + fixed(*p.pressure_kpa, 0) + " kPa";
    if (p.band_low_kpa && p.band_high_kpa)
        line += " [" + fixed(*p.band_low_kpa, 0) + "-" + fixed(*p.band_high_kpa, 0) + "]";
    if (p.in_band_pct) line += "  in band " + fixed(*p.in_band_pct, 0) + " %";
    if (p.score)
        line += "  score: CE " + fixed(p.score->constant_error_kpa, 1) + " AE " +
                fixed(p.score->absolute_error_kpa, 1) + " VE " +
                fixed(p.score->variable_error_kpa, 1) + " kPa";
    return line;
}

nlohmann::json attempt_line(const algocore::sharedstudy::ClassAttempt& a) {
    nlohmann::json line{{"student", a.student},
                        {"t", a.attempted_utc},
                        {"station", a.station},
                        {"session", a.session_uuid},
                        {"session_started_utc", a.session_started_utc},
                        {"exercise", a.exercise},
                        {"feedback", a.feedback}};
    line["attempt"] = a.attempt ? nlohmann::json(*a.attempt) : nlohmann::json(nullptr);
    line.update(score_fields(a.score));
    return line;
}

std::string attempt_text(const algocore::sharedstudy::ClassAttempt& a) {
    return a.student + "  " + a.attempted_utc + "  " + a.exercise + "  abs " +
           fixed(a.score.absolute_error_kpa, 1) + " kPa  var " +
           fixed(a.score.variable_error_kpa, 1) + " kPa  const " +
           fixed(a.score.constant_error_kpa, 1) + " kPa  in band " +
           fixed(a.score.time_in_band_pct, 0) + " %";
}

} // namespace cli_class
