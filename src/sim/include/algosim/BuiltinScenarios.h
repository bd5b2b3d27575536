#pragma once
// The scenarios built into the simulator. Each loops forever with seeded variation so a long
// demo never repeats exactly, yet a seed reproduces a run.
//
//   ppt-ramp        pressure-pain threshold trials: rest 3 s, ramp at ~50 kPa/s (±10 %) until
//                   the patient presses the button at ~400 kPa (±15 %), the examiner reacts
//                   within ~0.25 s and lifts the probe over 1 s; the patient lets go of the
//                   button half-way down.
//   sustained-hold  trigger-point release: rest 3 s, ramp at ~60 kPa/s into the 300–400 kPa
//                   band (target 335–370 kPa), hold 90 s while the tissue releases (pressure
//                   decays towards 80 % of target, time constant 25 s) and the examiner steps
//                   back up to the target whenever it has sagged by 10 % (about every 17 s);
//                   release over 1.5 s, rest 5 s.
//   release-marks   sustained holds at 350 kPa with tissue releases and "release felt" marks
//                   (operator button) at known times, played without tremor or drift, so a
//                   release detector can be scored against a known answer (ReleaseScenario.h).
//   idle            probe resting on the bench: zero pressure (load-cell noise only).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "algosim/Scenario.h"

namespace algosim {

/// Names of the built-in scenarios, in the order --help lists them.
std::vector<std::string> builtin_scenario_names();

/// A built-in scenario by name, or nullptr for an unknown name.
std::unique_ptr<Scenario> make_builtin_scenario(const std::string& name, std::uint64_t seed);

} // namespace algosim
