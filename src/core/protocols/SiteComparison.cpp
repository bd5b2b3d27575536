#include "algocore/protocols/SiteComparison.h"

#include <cmath>

namespace algocore::protocols {

SideDifference compare_sides(double left_kpa, double right_kpa) {
    SideDifference d;
    d.left_kpa = left_kpa;
    d.right_kpa = right_kpa;
    d.difference_kpa = left_kpa - right_kpa;
    d.abs_difference_kpa = std::fabs(d.difference_kpa);
    // Relative to the mean of both sides so the figure does not depend on which side is
    // named first.
    const double mean = 0.5 * (left_kpa + right_kpa);
    d.difference_pct = mean > 0.0 ? 100.0 * d.abs_difference_kpa / mean : 0.0;
    d.lower_side = left_kpa < right_kpa ? 'L' : (right_kpa < left_kpa ? 'R' : '=');
    return d;
}

const char* to_string(ChangeVerdict verdict) {
    switch (verdict) {
    case ChangeVerdict::NoDetectableChange: return "no_detectable_change";
    case ChangeVerdict::Increased: return "increased";
    case ChangeVerdict::Decreased: return "decreased";
    }
    return "unknown";
}

const char* verdict_words(ChangeVerdict verdict) {
    switch (verdict) {
    case ChangeVerdict::NoDetectableChange: return "no real change";
    case ChangeVerdict::Increased: return "real increase";
    case ChangeVerdict::Decreased: return "real decrease";
    }
    return "unknown";
}

ThresholdChange judge_change(double previous_kpa, double current_kpa, double mdc_kpa) {
    ThresholdChange c;
    c.previous_kpa = previous_kpa;
    c.current_kpa = current_kpa;
    c.change_kpa = current_kpa - previous_kpa;
    c.change_pct = previous_kpa > 0.0 ? 100.0 * c.change_kpa / previous_kpa : 0.0;
    c.mdc_kpa = mdc_kpa;
    // A change equal to the MDC is still within measurement error.
    if (std::fabs(c.change_kpa) > mdc_kpa)
        c.verdict = c.change_kpa > 0.0 ? ChangeVerdict::Increased : ChangeVerdict::Decreased;
    return c;
}

} // namespace algocore::protocols
