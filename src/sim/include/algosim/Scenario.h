#pragma once
// What the simulated examiner does over time: the pressure they mean to apply and the
// buttons held. Scenarios are keyframe tracks: pressure is interpolated linearly between
// keyframes, buttons hold their state from a keyframe until the next one.
#include <deque>
#include <functional>
#include <string>
#include <vector>

namespace algosim {

/// One keyframe of a scenario.
struct Keyframe {
    double t_s = 0.0;
    double pressure_kpa = 0.0;
    bool patient_button = false;
    bool operator_button = false;
};

/// The intended state at one instant.
struct ScenarioState {
    double pressure_kpa = 0.0;
    bool patient_button = false;
    bool operator_button = false;
};

/// A keyframe track, optionally extended forever by a generator (the built-in scenarios
/// loop with seeded variation). Queries must not go back in time: old keyframes are dropped.
class Scenario {
public:
    /// Appends at least one keyframe later than the last one given (the track so far).
    using Extender = std::function<void(std::vector<Keyframe>& append_here, const Keyframe& last)>;

    /// A fixed track (keyframes strictly increasing in time, at least one). After the last
    /// keyframe its state holds; before the first, the first keyframe's pressure holds with
    /// the buttons released.
    Scenario(std::string name, std::vector<Keyframe> keyframes, bool human_hand);

    /// A track that the extender keeps growing whenever a query reaches its end.
    Scenario(std::string name, std::vector<Keyframe> first_keyframes, bool human_hand,
             Extender extender);

    /// Intended state at t_s; t_s must not be less than in the previous call.
    ScenarioState state_at(double t_s);

    /// Scenario name ("ppt-ramp", or the file name for a scenario file).
    const std::string& name() const { return name_; }

    /// True when a human hand plays it: the simulated hand adds tremor and drift. Scenario
    /// files are played exactly as written (only the load cell's noise is added).
    bool human_hand() const { return human_hand_; }

private:
    void extend_until(double t_s);

    std::string name_;
    std::deque<Keyframe> keyframes_;
    bool human_hand_ = false;
    Extender extender_;
};

} // namespace algosim
