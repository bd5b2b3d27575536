#include "algocore/analysis/ReliabilityCsv.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>

#include "algoinput/QuotedInput.h"

namespace algocore::analysis {

namespace {

constexpr const char* kBom = "\xEF\xBB\xBF";

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

std::string lower(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// Splits one line into cells (RFC 4180 quoting); nullopt when a quote is left open.
std::optional<std::vector<std::string>> split_cells(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    bool was_quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"' && trim(cell).empty()) {
            quoted = true;
            was_quoted = true;
            cell.clear();
        } else if (c == ',') {
            cells.push_back(was_quoted ? cell : trim(cell));
            cell.clear();
            was_quoted = false;
        } else {
            cell += c;
        }
    }
    if (quoted) return std::nullopt;
    cells.push_back(was_quoted ? cell : trim(cell));
    return cells;
}

// A finite decimal number, the whole cell ("12.5", "-3", "1e3"); no "nan", "inf" or "12,5".
std::optional<double> parse_number(const std::string& cell) {
    if (cell.empty()) return std::nullopt;
    const char* begin = cell.data();
    const char* end = begin + cell.size();
    if (*begin == '+') ++begin; // from_chars refuses a plus sign that spreadsheets write
    double value = 0.0;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
    return value;
}

} // namespace

std::string quote_for_message(const std::string& text, std::size_t max_chars) {
    std::string out = "'";
    std::size_t shown = 0;
    for (char c : text) {
        if (shown == max_chars) {
            out += "...";
            break;
        }
        const auto u = static_cast<unsigned char>(c);
        if (c == '\t')
            out += "\\t";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\n')
            out += "\\n";
        else if (u < 0x20 || u == 0x7F) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", u);
            out += hex;
        } else {
            out += c;
        }
        ++shown;
    }
    return out + "'";
}

ReliabilityCsvResult read_reliability_csv(std::istream& in, const std::string& source) {
    ReliabilityCsvResult result;
    const auto fail = [&](std::size_t line, const std::string& what) {
        result.ok = false;
        result.rows.clear();
        result.line = line;
        result.error =
            source + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " + what;
        return result;
    };
    std::string text;
    std::size_t line_no = 0;
    int subject_col = -1;
    int rater_col = -1;
    int value_col = -1;
    std::size_t n_columns = 0;
    while (std::getline(in, text)) {
        ++line_no;
        if (!text.empty() && text.back() == '\r') text.pop_back();
        if (line_no == 1 && text.rfind(kBom, 0) == 0) text.erase(0, 3);
        // Names and codes in the file become labels, JSON and stored text: UTF-8 only.
        if (const std::string bad = algoinput::utf8_problem(text); !bad.empty())
            return fail(line_no, bad + ": " + algoinput::kSaveAsUtf8);
        if (trim(text).empty()) continue;
        const auto cells = split_cells(text);
        if (!cells) return fail(line_no, "a quoted cell is not closed: " + quote_for_message(text));
        if (subject_col < 0) {
            // The first non-blank line is the header.
            n_columns = cells->size();
            for (std::size_t c = 0; c < cells->size(); ++c) {
                const std::string name = lower((*cells)[c]);
                int* column = name == "subject" ? &subject_col
                              : name == "rater" ? &rater_col
                              : name == "value" ? &value_col
                                                : nullptr;
                if (!column) continue;
                // A second column of the same name would silently win: refuse it.
                if (*column >= 0)
                    return fail(line_no, "the header names the column '" + name +
                                             "' twice (columns " + std::to_string(*column + 1) +
                                             " and " + std::to_string(c + 1) + ")");
                *column = static_cast<int>(c);
            }
            if (subject_col < 0 || rater_col < 0 || value_col < 0)
                return fail(line_no,
                            "the header must name the columns subject,rater,value; found " +
                                quote_for_message(text));
            continue;
        }
        if (cells->size() != n_columns)
            return fail(line_no, "expected " + std::to_string(n_columns) + " cells, found " +
                                     std::to_string(cells->size()) + ": " +
                                     quote_for_message(text));
        TidyRow row;
        row.subject = (*cells)[static_cast<std::size_t>(subject_col)];
        row.rater = (*cells)[static_cast<std::size_t>(rater_col)];
        row.line = line_no;
        if (row.subject.empty()) return fail(line_no, "the subject is empty");
        if (row.rater.empty()) return fail(line_no, "the rater is empty");
        const std::string& cell = (*cells)[static_cast<std::size_t>(value_col)];
        const auto number = parse_number(cell);
        if (!number) {
            const bool decimal_comma = cell.find(',') != std::string::npos;
            return fail(line_no, "value " + quote_for_message(cell) + " is not a number" +
                                     (decimal_comma ? " (use a decimal point)" : ""));
        }
        row.reading = *number;
        result.rows.push_back(std::move(row));
    }
    if (subject_col < 0) return fail(0, "empty file: expected a header subject,rater,value");
    result.ok = true;
    return result;
}

ReliabilityTableResult read_reliability_table(std::istream& in, const std::string& source) {
    ReliabilityTableResult table;
    const ReliabilityCsvResult csv = read_reliability_csv(in, source);
    if (!csv.ok) {
        table.error = csv.error;
        table.line = csv.line;
        return table;
    }
    table = build_reliability_table(csv.rows);
    if (!table.ok) {
        // The builder says "line N: ..."; a file-level message is "FILE: ...".
        const std::string prefix = "line " + std::to_string(table.line) + ": ";
        if (table.line > 0 && table.error.rfind(prefix, 0) == 0)
            table.error = source + ":" + std::to_string(table.line) + ": " +
                          table.error.substr(prefix.size());
        else
            table.error = source + ": " + table.error;
    }
    return table;
}

} // namespace algocore::analysis
