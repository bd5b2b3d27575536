#pragma once
// RFC 4180 CSV with spreadsheet formula neutralisation: a cell that a spreadsheet would run
// as a formula (starting with =, +, -, @, tab or CR) is prefixed with a single quote, unless
// it is a plain number such as -12.5 (negative values must stay numbers).
#include <ostream>
#include <string>
#include <vector>

namespace algocore::exporting {

/// Makes text safe against formula injection (see above). Numbers pass unchanged.
std::string neutralise_formula(const std::string& text);
/// Quotes per RFC 4180 when the cell holds a comma, semicolon, quote, CR or LF (quotes
/// doubled); the semicolon because spreadsheets in many locales split on it.
std::string quote_cell(const std::string& text);
/// Formats a number with up to 6 significant decimals, no exponent for usual ranges.
std::string format_number(double value, int decimals = 3);

/// Writes rows ending in CRLF (RFC 4180). Text cells are neutralised then quoted.
class CsvWriter {
public:
    explicit CsvWriter(std::ostream& out) : out_(out) {}
    void row(const std::vector<std::string>& cells);

private:
    std::ostream& out_;
};

} // namespace algocore::exporting
