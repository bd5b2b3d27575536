#pragma once
// Synthetic test-retest rows for the --demo screenshot: 24 subjects, day 1 and day 2, PPT-like
// kPa values made by a fixed generator. Labelled "demo data (synthetic)" wherever shown.
#include <vector>

#include "algocore/analysis/ReliabilityTable.h"

namespace algogui {

/// Always the same rows.
std::vector<algocore::analysis::TidyRow> reliability_demo_rows();

} // namespace algogui
