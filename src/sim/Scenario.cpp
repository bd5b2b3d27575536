#include "algosim/Scenario.h"

#include <stdexcept>

namespace algosim {

Scenario::Scenario(std::string name, std::vector<Keyframe> keyframes, bool human_hand)
    : Scenario(std::move(name), std::move(keyframes), human_hand, Extender{}) {}

Scenario::Scenario(std::string name, std::vector<Keyframe> first_keyframes, bool human_hand,
                   Extender extender)
    : name_(std::move(name)), keyframes_(first_keyframes.begin(), first_keyframes.end()),
      human_hand_(human_hand), extender_(std::move(extender)) {
    // Programming errors only: user files are validated by the scenario file parser.
    if (keyframes_.empty()) throw std::invalid_argument("scenario without keyframes");
    for (std::size_t i = 1; i < keyframes_.size(); ++i) {
        if (!(keyframes_[i].t_s > keyframes_[i - 1].t_s)) {
            throw std::invalid_argument("scenario keyframes not increasing in time");
        }
    }
}

void Scenario::extend_until(double t_s) {
    if (!extender_) return;
    std::vector<Keyframe> more;
    while (keyframes_.back().t_s <= t_s) {
        more.clear();
        extender_(more, keyframes_.back());
        bool grew = false;
        for (const Keyframe& keyframe : more) {
            if (keyframe.t_s > keyframes_.back().t_s) {
                keyframes_.push_back(keyframe);
                grew = true;
            }
        }
        if (!grew) return; // a generator that stopped: hold the last state
    }
}

ScenarioState Scenario::state_at(double t_s) {
    extend_until(t_s);
    // Drop keyframes that lie wholly in the past, keeping the one we are interpolating from.
    while (keyframes_.size() >= 2 && keyframes_[1].t_s <= t_s)
        keyframes_.pop_front();

    const Keyframe& from = keyframes_.front();
    if (t_s < from.t_s) return {from.pressure_kpa, false, false};
    ScenarioState state{from.pressure_kpa, from.patient_button, from.operator_button};
    if (keyframes_.size() >= 2) {
        const Keyframe& to = keyframes_[1];
        const double fraction = (t_s - from.t_s) / (to.t_s - from.t_s);
        state.pressure_kpa = from.pressure_kpa + fraction * (to.pressure_kpa - from.pressure_kpa);
    }
    return state;
}

} // namespace algosim
