#pragma once
// The threshold estimate corrected for the subject's reaction time. Between feeling the pain
// and pressing, the pressure rose by (rate at the button × reaction time); subtracting it
// estimates the pressure at the moment of perception. It is an estimate shown beside the
// measured threshold, never in its place: a motor reaction to a cue is not the latency of
// pain perception (docs/reaction-time.md).
#include <optional>

namespace algocore::protocols {

/// Name of the estimate wherever it is shown (GUI, report, history); JSON and CSV call it
/// ppt_rt_adjusted_kpa.
inline constexpr const char* kRtAdjustedName = "RT-adjusted estimate";
/// The formula as it is printed beside the estimate.
inline constexpr const char* kRtAdjustedFormula = "PPT \u2212 rate at button \u00d7 reaction time";

/// ppt − rate_at_button × reaction time; nullopt without a rate at the button (no button
/// press, too few samples), without a reaction time, or when the pressure was not rising.
std::optional<double> rt_adjusted_ppt_kpa(double ppt_kpa,
                                          std::optional<double> rate_at_button_kpa_s,
                                          std::optional<double> reaction_ms);

} // namespace algocore::protocols
