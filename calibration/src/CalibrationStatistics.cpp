#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "algocal/CalibrationAnalysis.h"

namespace algocal {
namespace {

// Loads within this fraction of full scale are "the same load" (the same dead weight entered
// in different units, or rounding in a CSV).
constexpr double kSameLoadFractionOfFs = 1e-6;

// ASTM E74: LLF = 2.4 × SD of the fit; lower force limits 400 × LLF (Class A) and
// 2000 × LLF (Class AA).
constexpr double kLowerLimitFactorPerSd = 2.4;
constexpr double kClassAMultiple = 400.0;
constexpr double kClassAAMultiple = 2000.0;

struct LoadLevels {
    std::vector<double> loads_n; // sorted distinct loads
    double tolerance_n = 0.0;

    std::size_t level_of(double load_n) const {
        const auto it = std::lower_bound(loads_n.begin(), loads_n.end(), load_n - tolerance_n);
        return static_cast<std::size_t>(it - loads_n.begin());
    }
};

LoadLevels load_levels(std::span<const CalibrationPoint> points, double full_scale_n) {
    LoadLevels levels;
    levels.tolerance_n = kSameLoadFractionOfFs * std::max(std::abs(full_scale_n), 1e-300);
    std::vector<double> loads;
    for (const CalibrationPoint& p : points)
        loads.push_back(p.applied_load_n());
    std::sort(loads.begin(), loads.end());
    for (double load : loads)
        if (levels.loads_n.empty() || load - levels.loads_n.back() > levels.tolerance_n)
            levels.loads_n.push_back(load);
    return levels;
}

double mean(const std::vector<double>& values) {
    double sum = 0.0;
    for (double v : values)
        sum += v;
    return sum / static_cast<double>(values.size());
}

// Terminal-line non-linearity: ascending mean readings against the straight line through
// the lowest and highest load, as load-cell data sheets state it.
double nonlinearity(std::span<const CalibrationPoint> points, const LoadLevels& levels) {
    bool any_ascending = false;
    for (const CalibrationPoint& p : points)
        any_ascending |= p.direction == LoadDirection::kAscending;
    std::map<std::size_t, std::vector<double>> readings;
    for (const CalibrationPoint& p : points)
        if (!any_ascending || p.direction == LoadDirection::kAscending)
            readings[levels.level_of(p.applied_load_n())].push_back(p.reading);
    if (readings.size() < 3) return 0.0;
    const double load0 = levels.loads_n[readings.begin()->first];
    const double load1 = levels.loads_n[readings.rbegin()->first];
    const double reading0 = mean(readings.begin()->second);
    const double reading1 = mean(readings.rbegin()->second);
    double worst = 0.0;
    for (const auto& [level, values] : readings) {
        const double line =
            reading0 + (reading1 - reading0) * (levels.loads_n[level] - load0) / (load1 - load0);
        worst = std::max(worst, std::abs(mean(values) - line));
    }
    return worst;
}

} // namespace

CalibrationStatistics compute_statistics(std::span<const CalibrationPoint> points,
                                         const PolynomialFit& fit) {
    CalibrationStatistics stats;
    if (points.empty() || fit.coefficients.empty()) return stats;
    stats.full_scale_load_n = fit.x_max;
    stats.full_scale_reading = std::abs(fit.evaluate(fit.x_max) - fit.evaluate(fit.x_min));
    const double fs_reading = stats.full_scale_reading > 0.0 ? stats.full_scale_reading : 1.0;
    const auto percent = [&](double reading_difference) {
        return 100.0 * reading_difference / fs_reading;
    };
    const LoadLevels levels = load_levels(points, fit.x_max);

    stats.max_nonlinearity_percent_fs = percent(nonlinearity(points, levels));

    // Group readings by (run, level, direction) and by (direction, level, run).
    struct Key {
        int run;
        std::size_t level;
        int direction;
        bool operator<(const Key& o) const {
            return std::tie(run, level, direction) < std::tie(o.run, o.level, o.direction);
        }
    };
    std::map<Key, std::vector<double>> groups;
    for (const CalibrationPoint& p : points)
        groups[{p.run, levels.level_of(p.applied_load_n()), static_cast<int>(p.direction)}]
            .push_back(p.reading);

    // Hysteresis: descending minus ascending at the same load in the same run. Zero load is
    // left to the zero return.
    const int up = static_cast<int>(LoadDirection::kAscending);
    const int down = static_cast<int>(LoadDirection::kDescending);
    double worst_hysteresis = 0.0;
    for (const auto& [key, values] : groups) {
        if (key.direction != up || std::abs(levels.loads_n[key.level]) <= levels.tolerance_n)
            continue;
        const auto other = groups.find({key.run, key.level, down});
        if (other == groups.end()) continue;
        stats.has_hysteresis = true;
        worst_hysteresis = std::max(worst_hysteresis, std::abs(mean(other->second) - mean(values)));
    }
    stats.hysteresis_percent_fs = percent(worst_hysteresis);

    // Repeatability: spread of the per-run means at one load and direction.
    std::map<std::pair<int, std::size_t>, std::vector<double>> across_runs;
    for (const auto& [key, values] : groups)
        across_runs[{key.direction, key.level}].push_back(mean(values));
    double worst_spread = 0.0;
    for (const auto& [key, run_means] : across_runs) {
        if (run_means.size() < 2) continue;
        stats.has_repeatability = true;
        const auto [lo, hi] = std::minmax_element(run_means.begin(), run_means.end());
        worst_spread = std::max(worst_spread, *hi - *lo);
    }
    stats.repeatability_percent_fs = percent(worst_spread);

    // Zero return: last zero-load reading of a run minus its first, when loads came between.
    std::map<int, std::vector<std::pair<double, bool>>> runs; // (reading, is zero load)
    for (const CalibrationPoint& p : points)
        runs[p.run].push_back({p.reading, std::abs(p.applied_load_n()) <= levels.tolerance_n});
    double worst_zero = 0.0;
    for (const auto& [run, sequence] : runs) {
        const auto first =
            std::find_if(sequence.begin(), sequence.end(), [](const auto& s) { return s.second; });
        const auto last = std::find_if(sequence.rbegin(), sequence.rend(),
                                       [](const auto& s) { return s.second; });
        if (first == sequence.end() || last.base() - 1 == first) continue;
        if (std::none_of(first, last.base(), [](const auto& s) { return !s.second; })) continue;
        stats.has_zero_return = true;
        worst_zero = std::max(worst_zero, std::abs(last->first - first->first));
    }
    stats.zero_return_percent_fs = percent(worst_zero);

    // Lower limit factor in reading units, then in newtons through the mean sensitivity.
    stats.lower_limit_factor = kLowerLimitFactorPerSd * fit.residual_sd;
    const double load_span_n = fit.x_max - fit.x_min;
    if (load_span_n > 0.0 && stats.full_scale_reading > 0.0) {
        const double readings_per_newton = stats.full_scale_reading / load_span_n;
        stats.lower_limit_factor_n = stats.lower_limit_factor / readings_per_newton;
    }
    stats.lower_force_limit_class_a_n = kClassAMultiple * stats.lower_limit_factor_n;
    stats.lower_force_limit_class_aa_n = kClassAAMultiple * stats.lower_limit_factor_n;
    return stats;
}

} // namespace algocal
