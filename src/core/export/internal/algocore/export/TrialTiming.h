#pragma once
// A trial's timing as every export writes it: the rate over the last second before the button
// and the RT-adjusted estimate beside the threshold (protocols::rt_adjusted_ppt_kpa with the
// reaction time that applies to the trial's session).
#include <optional>

#include "algocore/records/StudyData.h"

namespace algocore::exporting {

struct TrialTiming {
    std::optional<double> rate_at_button_kpa_s;
    std::optional<double> reaction_time_ms;    ///< the subject's, that this session uses
    std::optional<double> ppt_rt_adjusted_kpa; ///< an estimate, never the threshold
};

TrialTiming trial_timing(const records::StudyData& data, const records::Trial& trial);

} // namespace algocore::exporting
