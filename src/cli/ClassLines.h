#pragma once
// The JSON shapes the class commands print, in one place: a training score's fields (as
// `train attempt` prints them; `class watch` nests the same object) and a station's line.
#include <nlohmann/json.hpp>
#include <string>

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

} // namespace cli_class
