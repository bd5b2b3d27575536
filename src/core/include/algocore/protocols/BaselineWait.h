#pragma once
// A trial armed while the probe is loaded waits for the baseline before it looks for a ramp
// (PptTrial): what it waits on, and a patient's press during that wait, in the operator's
// words. The Thresholds page and `algoscope-cli ppt` both say these words; the baseline is
// the preset's (PptPreset::baseline_kpa, by default kProbeLiftedKpa).
#include <string>
#include <vector>

namespace algocore::protocols {

/// The patient pressed (device button or an external signal) while the armed trial waited
/// for the baseline. The ramp it ended was not seen from baseline, so it is no trial; it is
/// kept as an event so the press is never lost without a word.
struct PressWhileLoaded {
    double t_s = 0.0;          ///< on the session clock
    double pressure_kpa = 0.0; ///< the pressure at the press
};

/// The armed trial waits for the pressure to fall below the baseline.
struct BaselineWait {
    double pressure_kpa = 0.0;             ///< the newest pressure, at or above the baseline
    double lift_below_kpa = 0.0;           ///< the preset's baseline: lift below this to begin
    std::vector<PressWhileLoaded> presses; ///< kept during this wait (oldest first)
};

/// "probe loaded (73 kPa): lift below 5 kPa to begin"
std::string to_words(const BaselineWait& wait);
/// "the patient pressed at 431 kPa while the probe was loaded: kept as an event, not a trial
/// (its ramp did not start from baseline)"
std::string to_words(const PressWhileLoaded& press);

} // namespace algocore::protocols
