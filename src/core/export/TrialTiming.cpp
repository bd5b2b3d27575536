#include "algocore/export/TrialTiming.h"

#include <cmath>

#include "algocore/WallClock.h"
#include "algocore/protocols/ReactionAdjustment.h"

namespace algocore::exporting {

TrialTiming trial_timing(const records::StudyData& data, const records::Trial& trial) {
    TrialTiming t;
    t.rate_at_button_kpa_s = trial.rate_at_button_kpa_s;
    if (const auto found = data.reaction_ms_by_session.find(trial.session_id);
        found != data.reaction_ms_by_session.end())
        t.reaction_time_ms = found->second;
    t.ppt_rt_adjusted_kpa = protocols::rt_adjusted_ppt_kpa(
        trial.ppt_kpa, trial.rate_at_button_kpa_s, t.reaction_time_ms);
    if (const auto zero_ms = parse_utc_iso8601_ms(trial.clock_zero_utc);
        zero_ms && std::isfinite(trial.ramp_start_t_s))
        t.ramp_start_utc = utc_iso8601_ms(*zero_ms + std::llround(trial.ramp_start_t_s * 1000.0));
    return t;
}

} // namespace algocore::exporting
