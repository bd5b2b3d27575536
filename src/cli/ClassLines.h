#pragma once
// The JSON shapes the class commands print, in one place: a training score's fields (as
// `train attempt` prints them; `class watch` nests the same object) and a station's line.
#include <nlohmann/json.hpp>
#include <string>

#include "algocore/sharedstudy/ClassCourse.h"
#include "algocore/sharedstudy/ClassProgress.h"

namespace cli_class {

/// {"constant_error_kpa":…, "absolute_error_kpa":…, "variable_error_kpa":…,
/// "time_in_band_pct":…}
nlohmann::json score_fields(const algocore::sharedstudy::ClassScore& score);

/// One line of `class watch --json`: station, student, exercise, state, pressure_kpa,
/// band_low_kpa, band_high_kpa, in_band_pct, score (null until the attempt ends), t (seconds
/// since the epoch, the station's time of the values).
nlohmann::json station_line(const algocore::sharedstudy::StationProgress& progress);

/// The same for a person: "room A  Anna  hold 300  attempt  312 kPa [250–350]  in band 84 %".
std::string station_text(const algocore::sharedstudy::StationProgress& progress);

/// One line of `class progress --json`: student, t (attempted, UTC ISO 8601), station,
/// session, session_started_utc, exercise, feedback, attempt, and the score fields.
nlohmann::json attempt_line(const algocore::sharedstudy::ClassAttempt& attempt);

/// The same for a person: "Anna  2026-12-06T04:20:00Z  hold 300  abs 12.3 kPa  in band 84 %".
std::string attempt_text(const algocore::sharedstudy::ClassAttempt& attempt);

} // namespace cli_class
