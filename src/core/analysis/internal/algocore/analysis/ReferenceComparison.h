#pragma once
// A subject's PPT against published reference values: the z-score on log10 kPa as the DFNS
// computes it, or the quartile band, shown only when the session's probe area and ramp rate
// match the table's (a 1 cm2 probe at 50 kPa/s is not comparable with 0.5 cm2 at 30 kPa/s).
// Whatever is shown carries its citation; whatever is not says why.
#include <optional>
#include <string>
#include <vector>

#include "algocore/analysis/ReferenceTable.h"

namespace algocore::analysis {

/// Probe areas match within 5 % (1.0 vs 1.05 cm2 do; 1 vs 0.5 cm2 do not).
inline constexpr double kProbeAreaTolerance = 0.05;
/// Ramp rates match within 10 % (50 vs 54 kPa/s do; 50 vs 98 kPa/s do not).
inline constexpr double kRampRateTolerance = 0.10;

/// What is known of the measurement to compare.
struct ReferenceQuery {
    std::string site;     ///< site key or name
    std::string sex;      ///< "female", "male" or empty when not recorded
    std::string age_band; ///< "30-39", or empty when not recorded
    double probe_cm2 = 1.0;
    double ramp_kpa_s = 50.0;
    double ppt_kpa = 0.0;
};

/// The comparison, or why there is none.
struct ReferenceComparison {
    bool shown = false;
    std::string reason; ///< when not shown: why (no table for the site, probe differs, ...)
    std::optional<ReferenceEntry> entry;
    /// (log10 PPT - mean) / SD: negative = lower threshold than the reference.
    std::optional<double> z;
    /// DFNS sign: -z for thresholds, so positive = more sensitive (gain of function).
    std::optional<double> z_dfns;
    std::optional<double> percentile; ///< 100 * Phi(z), log-normal reference
    std::string quartile_band;        ///< "below Q1", "Q1 to median", "median to Q3", "above Q3"
    std::string citation;             ///< "source, table (n = N, probe X cm2, ramp Y kPa/s)"
};

/// Finds the row for the query (site, then sex and age band, "any" matching anything; the
/// most specific row wins) and compares, only when probe and ramp match within tolerance.
ReferenceComparison compare_with_reference(const std::vector<ReferenceEntry>& entries,
                                           const ReferenceQuery& query);

/// The citation line of a row.
std::string cite(const ReferenceEntry& entry);

} // namespace algocore::analysis
