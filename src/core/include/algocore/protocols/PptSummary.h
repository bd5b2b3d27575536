#pragma once
// Summary statistics of the counted trials at one site and side.
#include <vector>

#include "algocore/protocols/PptPreset.h"

namespace algocore::protocols {

/// Statistics over thresholds in kPa.
struct PptSummary {
    int n = 0; ///< counted trials
    double mean_kpa = 0.0;
    double sd_kpa = 0.0; ///< sample SD (n-1); 0 when n < 2
    double cv_pct = 0.0; ///< sd / mean × 100
    double median_kpa = 0.0;
    double geometric_mean_kpa = 0.0; ///< 10^(mean log10): the DFNS analysis scale
    double mean_log10_kpa = 0.0;     ///< mean of log10(kPa), as DFNS z-scores use
    double reported_kpa = 0.0;       ///< per the preset's aggregate
    bool any_censored = false;       ///< a counted trial hit the cut-off (a lower bound)
};

/// Summarises thresholds (all > 0). Empty input gives n = 0 and zeros.
PptSummary summarize_ppt(const std::vector<double>& ppt_kpa, PptAggregate aggregate,
                         bool any_censored = false);

} // namespace algocore::protocols
