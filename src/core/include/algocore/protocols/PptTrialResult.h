#pragma once
// The outcome of one PPT trial as it is stored and exported.
#include <cstdint>
#include <optional>
#include <string>

namespace algocore::protocols {

/// How a trial ended.
enum class PptTrialEnd {
    Signalled, ///< the subject signalled pain: ppt_kpa is the threshold
    Released,  ///< the operator released the probe without a pain signal (no button)
    Aborted,   ///< the operator aborted
    CutOff,    ///< pressure reached the cut-off: threshold is above ppt_kpa
};
const char* to_string(PptTrialEnd end);

/// Quality flags of a trial (bit set).
enum PptTrialFlag : std::uint32_t {
    kRateOutOfTolerance = 1u << 0,   ///< actual ramp rate outside target ± tolerance
    kNoButton = 1u << 1,             ///< ramp ended without a pain signal
    kAborted = 1u << 2,              ///< the operator aborted
    kCutOff = 1u << 3,               ///< threshold above the cut-off (censored, still valid)
    kLowCorridorFraction = 1u << 4,  ///< less than min_in_corridor_pct of the ramp in corridor
    kDataGap = 1u << 5,              ///< samples were lost during the ramp
    kSaturated = 1u << 6,            ///< ADC saturated / overload during the ramp
    kTooShortRamp = 1u << 7,         ///< fewer than 3 ramp samples: no rate can be measured
    kStartedAboveBaseline = 1u << 8, ///< the ramp's start was not seen from baseline
    kShortRest = 1u << 9,            ///< the ramp began before the protocol's rest was over
    kRateAtButton = 1u << 10, ///< the rate over the last second before the signal was off target
};
/// Comma-separated flag names ("rate_out_of_tolerance,no_button"), empty when none.
std::string flags_to_string(std::uint32_t flags);

/// Which input carried the pain signal.
enum class PainSignalSource { DevicePatientButton, Keyboard, FootPedal, OnScreen };
const char* to_string(PainSignalSource source);

/// One trial's result. Times are on the session clock (Sample::t_s).
struct PptTrialResult {
    PptTrialEnd end = PptTrialEnd::Aborted;
    double ppt_kpa = 0.0;        ///< pressure of the sample aligned to the signal (or cut-off)
    double ppt_force_n = 0.0;    ///< force of that sample
    double t_signal_s = 0.0;     ///< time of the signal (event time; sample time for button)
    double t_sample_s = 0.0;     ///< time of the aligned sample
    double ramp_start_t_s = 0.0; ///< first sample at/above contact pressure
    double rate_kpa_s = 0.0;     ///< regression slope over the ramp
    /// Regression slope over the last rate_at_button_window_s before the signal (signalled
    /// trials only): what the pressure was doing when the subject pressed.
    std::optional<double> rate_at_button_kpa_s;
    double in_corridor_pct = 0.0; ///< % of ramp samples inside the corridor
    double peak_kpa = 0.0;        ///< highest pressure seen up to the end of the trace
    double baseline_t_s = 0.0;    ///< last sample below baseline before the ramp
    PainSignalSource source = PainSignalSource::DevicePatientButton;
    std::uint32_t flags = 0; ///< PptTrialFlag set
    bool valid = false;      ///< no invalidating flag (cut-off alone stays valid)

    bool censored() const { return (flags & kCutOff) != 0; }
};

} // namespace algocore::protocols
