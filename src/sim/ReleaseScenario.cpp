#include "algosim/ReleaseScenario.h"

#include <algorithm>

namespace algosim {
namespace {

// Pressure of a keyframe track at t_s (linear between keyframes; held after the last).
double pressure_at(const std::vector<Keyframe>& track, double t_s) {
    for (std::size_t i = 1; i < track.size(); ++i) {
        if (track[i].t_s < t_s) continue;
        const Keyframe& a = track[i - 1];
        const Keyframe& b = track[i];
        return a.pressure_kpa + (t_s - a.t_s) / (b.t_s - a.t_s) * (b.pressure_kpa - a.pressure_kpa);
    }
    return track.back().pressure_kpa;
}

// Presses the operator button over [from_s, to_s): keyframes at both ends keep the pressure
// line as it was, and every keyframe in between carries the pressed button.
void press_operator_button(std::vector<Keyframe>& track, double from_s, double to_s) {
    const Keyframe down{from_s, pressure_at(track, from_s), false, true};
    const Keyframe up{to_s, pressure_at(track, to_s), false, false};
    for (Keyframe& k : track)
        if (k.t_s > from_s && k.t_s < to_s) k.operator_button = true;
    track.push_back(down);
    track.push_back(up);
    std::stable_sort(track.begin(), track.end(),
                     [](const Keyframe& a, const Keyframe& b) { return a.t_s < b.t_s; });
}

} // namespace

ReleaseMarksCycle release_marks_cycle() {
    return {};
}

void append_release_marks_cycle(std::vector<Keyframe>& out, const Keyframe& last) {
    const ReleaseMarksCycle c = release_marks_cycle();
    const double start = last.t_s;
    const double h0 = start + c.target_reached_s();
    const double bottom_kpa = c.target_kpa * (1.0 - c.fall_pct_per_s / 100.0 * c.fall_s);

    std::vector<Keyframe> track{{start, 0.0, false, false},
                                {start + c.rest_before_s, 0.0, false, false},
                                {h0, c.target_kpa, false, false}};
    for (const double onset : c.release_onsets_s) {
        track.push_back({h0 + onset, c.target_kpa, false, false});
        track.push_back({h0 + onset + c.fall_s, bottom_kpa, false, false});
        track.push_back({h0 + onset + c.fall_s + c.pause_s, bottom_kpa, false, false});
        track.push_back(
            {h0 + onset + c.fall_s + c.pause_s + c.step_up_s, c.target_kpa, false, false});
    }
    track.push_back({h0 + c.lift_at_s, c.target_kpa, false, false});
    track.push_back({h0 + c.lift_at_s + c.lift_s, 0.0, false, false});
    track.push_back({h0 + c.lift_at_s + c.lift_s + c.rest_after_s, 0.0, false, false});
    for (const double mark : c.marks_s)
        press_operator_button(track, h0 + mark, h0 + mark + c.mark_press_s);

    // The first keyframe repeats `last` (the scenario keeps only later ones).
    out.insert(out.end(), track.begin() + 1, track.end());
}

} // namespace algosim
