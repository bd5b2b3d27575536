#include "algocore/protocols/PptSummary.h"

#include <algorithm>
#include <cmath>

namespace algocore::protocols {

PptSummary summarize_ppt(const std::vector<double>& ppt_kpa, PptAggregate aggregate,
                         bool any_censored) {
    PptSummary summary;
    summary.any_censored = any_censored;
    summary.n = static_cast<int>(ppt_kpa.size());
    if (ppt_kpa.empty()) return summary;
    const double n = static_cast<double>(ppt_kpa.size());

    double sum = 0.0;
    double sum_log10 = 0.0;
    for (double v : ppt_kpa) {
        sum += v;
        // A threshold of 0 kPa cannot happen on a real ramp; clamp so the log stays finite.
        sum_log10 += std::log10(std::max(v, 1e-9));
    }
    summary.mean_kpa = sum / n;
    summary.mean_log10_kpa = sum_log10 / n;
    summary.geometric_mean_kpa = std::pow(10.0, summary.mean_log10_kpa);

    if (ppt_kpa.size() >= 2) {
        double ss = 0.0;
        for (double v : ppt_kpa)
            ss += (v - summary.mean_kpa) * (v - summary.mean_kpa);
        summary.sd_kpa = std::sqrt(ss / (n - 1.0));
    }
    if (summary.mean_kpa > 0.0) summary.cv_pct = 100.0 * summary.sd_kpa / summary.mean_kpa;

    std::vector<double> sorted = ppt_kpa;
    std::sort(sorted.begin(), sorted.end());
    const std::size_t mid = sorted.size() / 2;
    summary.median_kpa =
        sorted.size() % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);

    switch (aggregate) {
    case PptAggregate::Mean: summary.reported_kpa = summary.mean_kpa; break;
    case PptAggregate::Median: summary.reported_kpa = summary.median_kpa; break;
    case PptAggregate::GeometricMean: summary.reported_kpa = summary.geometric_mean_kpa; break;
    }
    return summary;
}

} // namespace algocore::protocols
