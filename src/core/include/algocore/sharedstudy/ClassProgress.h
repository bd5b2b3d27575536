#pragma once
// A station's live progress in its class, as its station publishes it and the teacher's watcher
// shows it: who trains on what, the state, the pressure against the exercise's band, the time
// in band so far and the score once the attempt ended. Small (a few values), at most
// kMaxProgressPerSecond a second; raw samples never go through the server.
#include <optional>
#include <string>

namespace algocore::sharedstudy {

/// What a station is doing, as the class view names it. Offline is never published: a watcher
/// derives it when a station's last update is older than kStationOfflineAfterS.
enum class StationState {
    Idle,     ///< no attempt running, none finished since the student started
    Attempt,  ///< an attempt is armed or running
    Done,     ///< the last attempt ended and was scored
    NoSignal, ///< the station's live view shows NO SIGNAL (the device is silent or gone)
    Offline,  ///< the watcher heard nothing from the station for kStationOfflineAfterS
};

/// The machine word a station publishes and `class watch --json` prints as `state`:
/// "idle", "attempt", "done", "no_signal", "offline".
const char* to_string(StationState state);
/// The inverse of to_string; false for an unknown word.
bool parse_station_state(const std::string& text, StationState& out);
/// The same state in the teacher's words, as the Class page shows it: "idle",
/// "attempt running", "done", "NO SIGNAL", "offline".
const char* plain_words(StationState state);

/// At most this many updates a second per station.
inline constexpr int kMaxProgressPerSecond = 5;
/// A station whose last update is older than this shows offline, never its last pressure.
inline constexpr double kStationOfflineAfterS = 2.0;

/// A finished attempt's score: the training score's fields.
struct ClassScore {
    double constant_error_kpa = 0.0;
    double absolute_error_kpa = 0.0;
    double variable_error_kpa = 0.0;
    double time_in_band_pct = 0.0;
};

struct StationProgress;
/// The pressure a view may show for a station: only while it has a live signal. An offline
/// station's last value is history and a NO SIGNAL station has none, so neither shows one.
std::optional<double> live_pressure_kpa(const StationProgress& progress);

/// One station's progress at one moment.
struct StationProgress {
    std::string station; ///< the station's name in the study
    std::string student;
    std::string exercise; ///< the template's name
    StationState state = StationState::Idle;
    std::optional<double> pressure_kpa; ///< only with a live signal
    std::optional<double> band_low_kpa;
    std::optional<double> band_high_kpa;
    std::optional<double> in_band_pct; ///< of the running attempt so far, or the last one's
    std::optional<ClassScore> score;   ///< once the attempt ended
    double t_utc_s = 0.0;              ///< the station's wall-clock time of these values
};

} // namespace algocore::sharedstudy
