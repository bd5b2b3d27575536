#pragma once
// Side-to-side asymmetry of thresholds and change since the previous session, judged
// against a minimal detectable change (MDC).
#include <string>

namespace algocore::protocols {

/// Left-right difference at one site.
struct SideDifference {
    double left_kpa = 0.0;
    double right_kpa = 0.0;
    double difference_kpa = 0.0; ///< left - right
    double abs_difference_kpa = 0.0;
    double difference_pct = 0.0; ///< |left - right| / mean(left, right) × 100
    char lower_side = '=';       ///< 'L', 'R' or '=' (the more sensitive side)
};
SideDifference compare_sides(double left_kpa, double right_kpa);

enum class ChangeVerdict { NoDetectableChange, Increased, Decreased };
/// The machine word for files: "no_detectable_change", "increased", "decreased".
const char* to_string(ChangeVerdict verdict);
/// The verdict in words for people, the one wording every view, command and report prints:
/// "real increase", "real decrease", "no real change" (a change within the MDC).
const char* verdict_words(ChangeVerdict verdict);

/// Change of a site's threshold between two sessions.
struct ThresholdChange {
    double previous_kpa = 0.0;
    double current_kpa = 0.0;
    double change_kpa = 0.0;                                   ///< current - previous
    double change_pct = 0.0;                                   ///< relative to previous
    double mdc_kpa = 0.0;                                      ///< MDC used
    ChangeVerdict verdict = ChangeVerdict::NoDetectableChange; ///< |change| > MDC
    std::string mdc_source; ///< where mdc_kpa comes from, one line (set by whoever chose it)
};

ThresholdChange judge_change(double previous_kpa, double current_kpa, double mdc_kpa);

} // namespace algocore::protocols
