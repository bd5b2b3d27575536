#include "algocore/sharedstudy/ClassProgress.h"

namespace algocore::sharedstudy {

namespace {

// Each state's words in one table: the machine word (what a station publishes, what
// `class watch --json` prints) and the teacher's words (the Class page's State column).
struct StateWords {
    StationState state;
    const char* machine;
    const char* plain;
};
constexpr StateWords kStateWords[] = {
    {StationState::Idle, "idle", "idle"},
    {StationState::Attempt, "attempt", "attempt running"},
    {StationState::Done, "done", "done"},
    {StationState::NoSignal, "no_signal", "NO SIGNAL"},
    {StationState::Offline, "offline", "offline"},
};

const StateWords& words_of(StationState state) {
    for (const StateWords& w : kStateWords)
        if (w.state == state) return w;
    return kStateWords[0];
}

} // namespace

const char* to_string(StationState state) {
    return words_of(state).machine;
}

const char* plain_words(StationState state) {
    return words_of(state).plain;
}

bool parse_station_state(const std::string& text, StationState& out) {
    for (const StateWords& w : kStateWords)
        if (text == w.machine) {
            out = w.state;
            return true;
        }
    return false;
}

std::optional<double> live_pressure_kpa(const StationProgress& progress) {
    if (progress.state == StationState::Offline || progress.state == StationState::NoSignal)
        return std::nullopt;
    return progress.pressure_kpa;
}

} // namespace algocore::sharedstudy
