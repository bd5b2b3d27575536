#include "GoldenCsv.h"

#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace golden {

namespace {
std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (char c : line) {
        if (c == '"')
            quoted = !quoted;
        else if (c == ',' && !quoted) {
            cells.push_back(cell);
            cell.clear();
        } else if (c != '\r')
            cell += c;
    }
    cells.push_back(cell);
    return cells;
}
} // namespace

std::string data_path(const std::string& file_name) {
    return std::string(ALGOSCOPE_RELIABILITY_DATA) + "/" + file_name;
}

double Row::number(const std::string& column) const {
    const std::string& cell = text(column);
    return cell == "NA" ? std::nan("") : std::stod(cell);
}

const std::string& Row::text(const std::string& column) const {
    const auto it = cells.find(column);
    if (it == cells.end()) throw std::runtime_error("no column " + column);
    return it->second;
}

std::vector<Row> read_rows(const std::string& file_name) {
    std::ifstream in(data_path(file_name));
    if (!in) throw std::runtime_error("cannot open " + data_path(file_name));
    std::string line;
    std::getline(in, line);
    const std::vector<std::string> header = split(line);
    std::vector<Row> rows;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const std::vector<std::string> cells = split(line);
        Row row;
        for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i)
            row.cells[header[i]] = cells[i];
        rows.push_back(row);
    }
    return rows;
}

} // namespace golden
