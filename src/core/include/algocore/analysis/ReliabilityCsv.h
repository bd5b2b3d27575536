#pragma once
// The tidy reliability CSV: a header naming the columns subject, rater and value (any order,
// any case, other columns ignored) and one row per subject and rater. A UTF-8 byte-order mark
// and CRLF line ends are accepted; cells may be quoted as RFC 4180 says (no line breaks).
#include <cstddef>
#include <istream>
#include <string>
#include <vector>

#include "algocore/analysis/ReliabilityTable.h"

namespace algocore::analysis {

/// The rows of a tidy CSV, or the first problem with its line.
struct ReliabilityCsvResult {
    bool ok = false;
    std::vector<TidyRow> rows;
    std::string error;    ///< "FILE:LINE: what is wrong" (source name as given)
    std::size_t line = 0; ///< 0 when the problem is not on one line
};

/// Reads the CSV; source names the input in messages ("study.csv").
ReliabilityCsvResult read_reliability_csv(std::istream& in, const std::string& source);

/// Reads and builds the table; a duplicate cell or too few subjects/raters is reported as
/// "FILE:LINE: ..." or "FILE: ..." like a reading error.
ReliabilityTableResult read_reliability_table(std::istream& in, const std::string& source);

/// Bad input quoted for a message: at most max_chars characters (then "..."), control
/// characters escaped (\t, \r, \n, \xNN), so a binary file cannot garble a terminal.
std::string quote_for_message(const std::string& text, std::size_t max_chars = 200);

} // namespace algocore::analysis
