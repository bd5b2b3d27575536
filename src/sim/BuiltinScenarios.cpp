#include "algosim/BuiltinScenarios.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "algosim/ReleaseScenario.h"
#include "algosim/SeededRandom.h"

namespace algosim {
namespace {

constexpr std::uint64_t kScenarioStream = 3;

// ppt-ramp: the standard PPT procedure on a 1 cm² tip.
constexpr double kPptRestS = 3.0;
constexpr double kPptRampKpaPerS = 50.0;
constexpr double kPptRampSpread = 0.10;
constexpr double kPptThresholdKpa = 400.0;
constexpr double kPptThresholdSpread = 0.15;
constexpr double kPptReactionS = 0.25;
constexpr double kPptLiftS = 1.0;

// sustained-hold: ischaemic compression of a trigger point.
constexpr double kHoldRestBeforeS = 3.0;
constexpr double kHoldRampKpaPerS = 60.0;
constexpr double kHoldTargetLowKpa = 335.0;
constexpr double kHoldTargetHighKpa = 370.0;
constexpr double kHoldDurationS = 90.0;
constexpr double kHoldReleaseFloorFraction = 0.80;
constexpr double kHoldReleaseTimeConstantS = 25.0;
constexpr double kHoldStepUpSagFraction = 0.10;
constexpr double kHoldStepUpS = 1.0;
constexpr double kHoldKeyframeStepS = 0.5;
constexpr double kHoldLiftS = 1.5;
constexpr double kHoldRestAfterS = 5.0;

void append_ppt_trial(SeededRandom& random, std::vector<Keyframe>& out, const Keyframe& last) {
    const double rate =
        kPptRampKpaPerS * random.uniform(1.0 - kPptRampSpread, 1.0 + kPptRampSpread);
    const double threshold =
        kPptThresholdKpa * random.uniform(1.0 - kPptThresholdSpread, 1.0 + kPptThresholdSpread);
    double t = last.t_s + kPptRestS;
    out.push_back({t, 0.0, false, false});
    t += threshold / rate;
    out.push_back({t, threshold, true, false});
    // The examiner keeps ramping until they react to the button.
    t += kPptReactionS;
    const double peak = threshold + rate * kPptReactionS;
    out.push_back({t, peak, true, false});
    t += kPptLiftS / 2.0;
    out.push_back({t, peak / 2.0, false, false});
    t += kPptLiftS / 2.0;
    out.push_back({t, 0.0, false, false});
}

void append_sustained_hold(SeededRandom& random, std::vector<Keyframe>& out, const Keyframe& last) {
    const double target = random.uniform(kHoldTargetLowKpa, kHoldTargetHighKpa);
    double t = last.t_s + kHoldRestBeforeS;
    out.push_back({t, 0.0, false, false});
    t += target / kHoldRampKpaPerS;
    out.push_back({t, target, false, false});

    // Tissue release: the force under a still hand relaxes towards a floor; the examiner
    // notices the sag and steps back up to the target.
    const double hold_end = t + kHoldDurationS;
    const double floor = kHoldReleaseFloorFraction * target;
    const double decay_per_step = std::exp(-kHoldKeyframeStepS / kHoldReleaseTimeConstantS);
    double pressure = target;
    while (t + kHoldKeyframeStepS < hold_end) {
        if (pressure < (1.0 - kHoldStepUpSagFraction) * target) {
            t += kHoldStepUpS;
            pressure = target;
        } else {
            t += kHoldKeyframeStepS;
            pressure = floor + (pressure - floor) * decay_per_step;
        }
        out.push_back({t, pressure, false, false});
    }
    t = std::max(t + kHoldKeyframeStepS, hold_end);
    out.push_back({t, pressure, false, false});
    t += kHoldLiftS;
    out.push_back({t, 0.0, false, false});
    t += kHoldRestAfterS;
    out.push_back({t, 0.0, false, false});
}

} // namespace

std::vector<std::string> builtin_scenario_names() {
    return {"ppt-ramp", "sustained-hold", "release-marks", "idle"};
}

std::unique_ptr<Scenario> make_builtin_scenario(const std::string& name, std::uint64_t seed) {
    const std::vector<Keyframe> start{{0.0, 0.0, false, false}};
    if (name == "idle") return std::make_unique<Scenario>(name, start, false);
    // Played exactly: the detector's answer is known only without tremor and drift.
    if (name == "release-marks")
        return std::make_unique<Scenario>(name, start, false, append_release_marks_cycle);

    auto random = std::make_shared<SeededRandom>(seed, kScenarioStream);
    if (name == "ppt-ramp") {
        return std::make_unique<Scenario>(
            name, start, true, [random](std::vector<Keyframe>& out, const Keyframe& last) {
                append_ppt_trial(*random, out, last);
            });
    }
    if (name == "sustained-hold") {
        return std::make_unique<Scenario>(
            name, start, true, [random](std::vector<Keyframe>& out, const Keyframe& last) {
                append_sustained_hold(*random, out, last);
            });
    }
    return nullptr;
}

} // namespace algosim
