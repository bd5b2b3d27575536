#pragma once
// Quantiles of a small sample, as R's default (type 7: linear interpolation between order
// statistics), so a median, an interquartile range or a 90th percentile reads the same here
// as in the statistics package a researcher checks it with.
#include <optional>
#include <vector>

namespace algocore::protocols {

/// The p-quantile (0 <= p <= 1) of `values`; nullopt when there are none.
std::optional<double> sample_quantile(std::vector<double> values, double p);

/// Q3 − Q1; nullopt when there are no values.
std::optional<double> interquartile_range(const std::vector<double>& values);

} // namespace algocore::protocols
