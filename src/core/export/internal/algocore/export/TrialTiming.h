#pragma once
// A trial's timing as every export writes it: the rate over the last second before the button
// and the RT-adjusted estimate beside the threshold (protocols::rt_adjusted_ppt_kpa with the
// reaction time that applies to the trial's session), and when its ramp started on the wall
// clock (its session clock's anchor + ramp_start_t_s, in UTC).
#include <optional>
#include <string>

#include "algocore/records/StudyData.h"

namespace algocore::exporting {

struct TrialTiming {
    std::optional<double> rate_at_button_kpa_s;
    std::optional<double> reaction_time_ms;    ///< the subject's, that this session uses
    std::optional<double> ppt_rt_adjusted_kpa; ///< an estimate, never the threshold
    /// "2026-11-23T19:30:12.750Z": the anchor (records::Trial::clock_zero_utc) plus
    /// ramp_start_t_s, to the millisecond. nullopt without an anchor (a trial stored before
    /// schema 13, or not measured live): no time is made up for it.
    std::optional<std::string> ramp_start_utc;
};

TrialTiming trial_timing(const records::StudyData& data, const records::Trial& trial);

} // namespace algocore::exporting
