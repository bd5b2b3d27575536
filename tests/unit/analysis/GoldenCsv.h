#pragma once
// Reads the expected-value CSVs that tests/data/reliability/psych_reference.R writes: a header
// row and rows of cells, numbers by column name ("NA" reads as NaN).
#include <map>
#include <string>
#include <vector>

namespace golden {

struct Row {
    std::map<std::string, std::string> cells;
    double number(const std::string& column) const;
    const std::string& text(const std::string& column) const;
};

/// All rows of a file in tests/data/reliability.
std::vector<Row> read_rows(const std::string& file_name);
/// The path of a file in tests/data/reliability.
std::string data_path(const std::string& file_name);

} // namespace golden
