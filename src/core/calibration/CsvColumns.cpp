#include "algocore/calibration/CsvColumns.h"

#include <charconv>
#include <cmath>

#include "algoinput/QuotedInput.h"

namespace algocore {
namespace {

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    std::string out(text.substr(first, last - first + 1));
    if (out.size() >= 2 && out.front() == '"' && out.back() == '"')
        out = out.substr(1, out.size() - 2);
    return out;
}

// Splits one line; a delimiter inside double quotes does not split.
std::vector<std::string> split(const std::string& line, char delimiter) {
    std::vector<std::string> out;
    std::string current;
    bool quoted = false;
    for (char c : line) {
        if (c == '"') quoted = !quoted;
        if (c == delimiter && !quoted) {
            out.push_back(trimmed(current));
            current.clear();
        } else {
            current += c;
        }
    }
    out.push_back(trimmed(current));
    return out;
}

bool parse_number(const std::string& text, double& value) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    if (begin != end && *begin == '+') ++begin;
    const auto [ptr, error] = std::from_chars(begin, end, value);
    return error == std::errc{} && ptr == end && std::isfinite(value);
}

bool skipped(const std::string& line) {
    const std::string t = trimmed(line);
    return t.empty() || t.front() == '#';
}

std::string where(const CsvTable& table, std::size_t row, const std::string& column) {
    return "line " + std::to_string(table.line_of_row[row]) + ", column '" +
           algoinput::escape_input(column) + "': ";
}

// The cell of `column` in `row`, or a message naming line and column.
bool cell(const CsvTable& table, std::size_t row, long index, const std::string& column,
          std::string& value, std::string& message) {
    const auto& cells = table.rows[row];
    if (index < 0 || static_cast<std::size_t>(index) >= cells.size()) {
        message = where(table, row, column) + "missing (the row has only " +
                  std::to_string(cells.size()) + " cells)";
        return false;
    }
    value = cells[static_cast<std::size_t>(index)];
    if (value.empty()) {
        message = where(table, row, column) + "empty cell";
        return false;
    }
    return true;
}

bool number_cell(const CsvTable& table, std::size_t row, long index, const std::string& column,
                 double& value, std::string& message) {
    std::string text;
    if (!cell(table, row, index, column, text, message)) return false;
    if (parse_number(text, value)) return true;
    message = where(table, row, column) + algoinput::quote_input(text) + " is not a number";
    return false;
}

std::string missing_column(const CsvTable& table, const std::string& name) {
    std::string known;
    // The header may be anything; say at most a line's worth of it.
    for (const std::string& h : table.header) {
        if (known.size() > algoinput::kMaxQuotedChars) {
            known += ", ...";
            break;
        }
        known += (known.empty() ? "'" : ", '") + algoinput::escape_input(h, 40) + "'";
    }
    return "column '" + algoinput::escape_input(name) +
           "' not found in the header (columns: " + known + ")";
}

} // namespace

long CsvTable::column(const std::string& name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return static_cast<long>(i);
    return -1;
}

CsvTable read_csv_table(std::istream& in) {
    CsvTable table;
    std::string line;
    std::size_t line_number = 0;
    bool have_header = false;
    char delimiter = ',';
    while (std::getline(in, line)) {
        ++line_number;
        // Spreadsheets save "CSV UTF-8" with a byte order mark before the first header name.
        if (line_number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        if (skipped(line)) continue;
        if (!have_header) {
            delimiter = line.find(',') != std::string::npos    ? ','
                        : line.find('\t') != std::string::npos ? '\t'
                        : line.find(';') != std::string::npos  ? ';'
                                                               : ',';
            table.header = split(line, delimiter);
            have_header = true;
            continue;
        }
        table.rows.push_back(split(line, delimiter));
        table.line_of_row.push_back(line_number);
    }
    if (!have_header) {
        table.message = "no header row: the file is empty or only comments";
        return table;
    }
    table.ok = true;
    return table;
}

CsvColumns read_csv_columns(std::istream& in, const std::string& x_column,
                            const std::string& y_column) {
    CsvColumns out;
    const CsvTable table = read_csv_table(in);
    if (!table.ok) {
        out.message = table.message;
        return out;
    }
    for (const std::string& name : {x_column, y_column}) {
        if (table.column(name) < 0) {
            out.message = missing_column(table, name);
            return out;
        }
    }
    for (std::size_t row = 0; row < table.rows.size(); ++row) {
        double x = 0.0, y = 0.0;
        if (!number_cell(table, row, table.column(x_column), x_column, x, out.message) ||
            !number_cell(table, row, table.column(y_column), y_column, y, out.message))
            return out;
        out.x.push_back(x);
        out.y.push_back(y);
        out.line_of_row.push_back(table.line_of_row[row]);
    }
    out.ok = true;
    return out;
}

CsvPoints read_calibration_points_csv(std::istream& in) {
    CsvPoints out;
    const CsvTable table = read_csv_table(in);
    if (!table.ok) {
        out.message = table.message;
        return out;
    }
    for (const char* name : {"applied_load", "unit", "reading", "direction"}) {
        if (table.column(name) < 0) {
            out.message = missing_column(table, name);
            return out;
        }
    }
    const long run_column = table.column("run");
    for (std::size_t row = 0; row < table.rows.size(); ++row) {
        algocal::CalibrationPoint point;
        std::string unit, direction;
        if (!number_cell(table, row, table.column("applied_load"), "applied_load",
                         point.applied_load, out.message) ||
            !cell(table, row, table.column("unit"), "unit", unit, out.message) ||
            !number_cell(table, row, table.column("reading"), "reading", point.reading,
                         out.message) ||
            !cell(table, row, table.column("direction"), "direction", direction, out.message))
            return out;
        const auto parsed_unit = algocal::parse_force_unit(unit);
        if (!parsed_unit) {
            out.message = where(table, row, "unit") + "unknown force unit " +
                          algoinput::quote_input(unit) + " (use N, kgf or lbf)";
            return out;
        }
        point.load_unit = *parsed_unit;
        if (point.applied_load < 0.0) {
            out.message = where(table, row, "applied_load") + "a load cannot be negative";
            return out;
        }
        if (direction == "ascending" || direction == "up") {
            point.direction = algocal::LoadDirection::kAscending;
        } else if (direction == "descending" || direction == "down") {
            point.direction = algocal::LoadDirection::kDescending;
        } else {
            out.message = where(table, row, "direction") + algoinput::quote_input(direction) +
                          " is not ascending/descending (or up/down)";
            return out;
        }
        if (run_column >= 0) {
            double run = 0.0;
            if (!number_cell(table, row, run_column, "run", run, out.message)) return out;
            if (run < 1 || run != std::floor(run) || run > 1000) {
                out.message = where(table, row, "run") + "must be a whole number 1..1000";
                return out;
            }
            point.run = static_cast<int>(run);
        }
        out.points.push_back(point);
    }
    if (out.points.empty()) out.message = "no data rows after the header";
    out.ok = !out.points.empty();
    return out;
}

} // namespace algocore
