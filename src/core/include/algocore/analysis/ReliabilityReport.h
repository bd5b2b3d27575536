#pragma once
// A reliability result as the CLI prints it (one JSON object) and as the Reliability page
// exports its table (CSV). Both name the interval convention and the SEM formula.
#include <ostream>
#include <string>
#include <vector>

#include "algocore/analysis/ReliabilityAnalysis.h"

namespace algocore::analysis {

/// One JSON object: n_subjects, n_raters, n_dropped, raters, icc (six forms with value,
/// ci_low, ci_high, f, df1, df2, p), sem, sem_formula, mdc95, repeatability_coefficient,
/// convention and, for a pair, bland_altman. Non-finite numbers are written as null.
std::string reliability_json(const ReliabilityResult& result,
                             const std::vector<std::string>& raters);

/// The ICC table and the agreement figures as CSV (RFC 4180, CRLF): a header row, six ICC
/// rows, then rows naming SEM, MDC95, the repeatability coefficient, Bland-Altman figures and
/// the convention.
void write_reliability_csv(const ReliabilityResult& result, std::ostream& out);

} // namespace algocore::analysis
