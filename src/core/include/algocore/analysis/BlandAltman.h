#pragma once
// Bland-Altman agreement of two raters or two sessions (Bland & Altman 1986, Lancet i:307):
// the bias (mean of first - second), the SD of the differences, the limits of agreement
// bias +/- z SD, and the 95 % intervals of the bias (t on n-1 df, SE = SD/sqrt(n)) and of
// each limit (t on n-1 df, SE = sqrt(3 SD^2 / n), the approximation of the 1986 paper).
#include <string>
#include <vector>

#include "algocore/analysis/ReliabilityTable.h"

namespace algocore::analysis {

/// A lower and an upper bound.
struct Interval {
    double low = 0.0;
    double high = 0.0;
};

/// One subject's pair: the plot's x (mean of both) and y (first - second).
struct BlandAltmanPoint {
    std::string subject;
    double mean = 0.0;
    double difference = 0.0;
};

/// The agreement of two columns of readings.
struct BlandAltman {
    std::string first_rater;
    std::string second_rater;
    int n = 0;
    double bias = 0.0; ///< mean of first - second
    double sd = 0.0;   ///< SD of the differences (n - 1 denominator)
    double z = 1.96;   ///< multiplier of the limits
    double loa_low = 0.0;
    double loa_high = 0.0;
    Interval bias_ci;
    Interval loa_low_ci;
    Interval loa_high_ci;
    std::vector<BlandAltmanPoint> points;
};

/// Agreement of the table's columns first and second (at least 2 subjects). z = 1.96 gives
/// 95 % limits; the 1986 paper used 2.
BlandAltman bland_altman(const ReliabilityTable& table, int first, int second, double z = 1.96,
                         double confidence = 0.95);

} // namespace algocore::analysis
