#include "algocore/analysis/ReferenceTable.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>

#include "algocore/analysis/ReliabilityCsv.h"
#include "algoinput/QuotedInput.h"

namespace algocore::analysis {

namespace {

constexpr const char* kHeader = "source,table,n,probe_cm2,ramp_kpa_s,site,sex,age_band,"
                                "log10_mean,log10_sd,q1_kpa,median_kpa,q3_kpa";

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

std::string lower(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// RFC 4180 cells of one line (citations hold commas, so they are quoted).
std::vector<std::string> cells_of(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
            cell += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted) {
            cells.push_back(trim(cell));
            cell.clear();
        } else {
            cell += c;
        }
    }
    cells.push_back(trim(cell));
    return cells;
}

// One RFC 4180 record: a quoted cell may hold line breaks, so lines are joined while a quote
// is open (unclosed: the input ended inside one). line_no advances over every line read; false
// at the end of the input.
bool read_record(std::istream& in, std::string& record, std::size_t& line_no, bool& unclosed) {
    record.clear();
    unclosed = false;
    std::string line;
    if (!std::getline(in, line)) return false;
    ++line_no;
    record = line;
    if (trim(record).rfind('#', 0) == 0) return true; // a comment is one line, quotes or not
    const auto open_quote = [](const std::string& text) {
        return std::count(text.begin(), text.end(), '"') % 2 == 1;
    };
    while (open_quote(record)) {
        if (!std::getline(in, line)) {
            unclosed = true;
            break;
        }
        ++line_no;
        if (!record.empty() && record.back() == '\r') record.pop_back();
        record += "\n" + line;
    }
    return true;
}

// "any" or FROM-TO whole years with FROM <= TO ("20-39").
bool valid_age_band(const std::string& band) {
    if (band == "any") return true;
    int low = 0, high = 0, consumed = 0;
    return std::sscanf(band.c_str(), "%d-%d%n", &low, &high, &consumed) == 2 &&
           static_cast<std::size_t>(consumed) == band.size() && low >= 0 && low <= high;
}

std::optional<double> number(const std::string& cell) {
    double value = 0.0;
    const auto [ptr, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (cell.empty() || ec != std::errc() || ptr != cell.data() + cell.size() ||
        !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace

const char* reference_csv_header() {
    return kHeader;
}

ReferenceLoad read_reference_csv(std::istream& in, const std::string& source_name) {
    ReferenceLoad load;
    std::string line;
    std::size_t line_no = 0;
    std::map<std::string, std::size_t> column;
    bool unclosed = false;
    for (std::size_t first_line = line_no + 1; read_record(in, line, line_no, unclosed);
         first_line = line_no + 1) {
        if (first_line == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        const std::string trimmed = trim(line);
        if (trimmed.empty() || trimmed[0] == '#') continue;
        const std::string where = source_name + ":" + std::to_string(first_line) + ": ";
        // Sources and table names are shown and written to reports: UTF-8 only.
        if (const std::string bad = algoinput::utf8_problem(line); !bad.empty()) {
            load.problems.push_back(where + bad + ": " + algoinput::kSaveAsUtf8);
            continue;
        }
        if (unclosed) {
            load.problems.push_back(where + "a quoted cell is not closed");
            break;
        }
        const std::vector<std::string> cells = cells_of(line);
        if (column.empty()) {
            for (std::size_t i = 0; i < cells.size(); ++i) {
                const std::string name = lower(cells[i]);
                // A second column of the same name would silently win: refuse it.
                if (!name.empty() && column.count(name)) {
                    load.problems.push_back(where + "the header names the column '" + name +
                                            "' twice (columns " + std::to_string(column[name] + 1) +
                                            " and " + std::to_string(i + 1) + ")");
                    return load;
                }
                column[name] = i;
            }
            for (const std::string& name : cells_of(kHeader)) {
                if (!column.count(name)) {
                    load.problems.push_back(where + "the header lacks the column '" + name + "'");
                    return load;
                }
            }
            continue;
        }
        const auto cell = [&](const char* name) -> std::string {
            const std::size_t i = column.at(name);
            return i < cells.size() ? cells[i] : std::string();
        };
        ReferenceEntry e;
        e.source = cell("source");
        e.table = cell("table");
        e.site = cell("site");
        e.sex = lower(cell("sex"));
        e.age_band = lower(cell("age_band"));
        e.file = source_name;
        e.line = line_no;
        const auto n = number(cell("n"));
        const auto probe = number(cell("probe_cm2"));
        const auto ramp = number(cell("ramp_kpa_s"));
        std::string problem;
        if (e.source.empty() || e.table.empty())
            problem = "source and table must be given";
        else if (e.site.empty())
            problem = "site must be given";
        else if (e.sex != "female" && e.sex != "male" && e.sex != "any")
            problem = "sex must be female, male or any, got " + quote_for_message(e.sex);
        else if (e.age_band.empty())
            problem = "age_band must be given (or 'any')";
        else if (!valid_age_band(e.age_band))
            problem = "age_band must be 'any' or FROM-TO years with FROM <= TO, got " +
                      quote_for_message(e.age_band);
        else if (!n || *n < 1 || *n != std::floor(*n))
            problem = "n must be a whole positive count, got " + quote_for_message(cell("n"));
        else if (*n > std::numeric_limits<int>::max())
            problem = "n must be a count up to " + std::to_string(std::numeric_limits<int>::max()) +
                      ", got " + quote_for_message(cell("n"));
        else if (!probe || *probe <= 0)
            problem = "probe_cm2 must be a positive area";
        else if (!ramp || *ramp <= 0)
            problem = "ramp_kpa_s must be a positive rate";
        if (problem.empty()) {
            e.n = static_cast<int>(*n);
            e.probe_cm2 = *probe;
            e.ramp_kpa_s = *ramp;
            const auto mean = number(cell("log10_mean"));
            const auto sd = number(cell("log10_sd"));
            const auto q1 = number(cell("q1_kpa"));
            const auto median = number(cell("median_kpa"));
            const auto q3 = number(cell("q3_kpa"));
            if (mean && sd && *sd > 0) e.log_normal = LogNormalReference{*mean, *sd};
            if (q1 && median && q3 && *q1 <= *median && *median <= *q3)
                e.quartiles = QuartileReference{*q1, *median, *q3};
            const bool any_quartile =
                !cell("q1_kpa").empty() || !cell("median_kpa").empty() || !cell("q3_kpa").empty();
            if ((q1 && *q1 < 0) || (median && *median < 0) || (q3 && *q3 < 0))
                problem = "quartiles are pressures: q1_kpa, median_kpa and q3_kpa must not be "
                          "negative";
            else if (any_quartile && !e.quartiles)
                problem = "give all three of q1_kpa <= median_kpa <= q3_kpa, or none";
            else if (!e.log_normal && !e.quartiles)
                problem =
                    "give log10_mean and a positive log10_sd, or q1_kpa <= median_kpa <= q3_kpa";
        }
        if (!problem.empty()) {
            load.problems.push_back(where + problem);
            continue;
        }
        load.entries.push_back(std::move(e));
    }
    if (column.empty()) load.problems.push_back(source_name + ": no header line");
    return load;
}

ReferenceLoad load_reference_folder(const std::string& folder) {
    ReferenceLoad load;
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error)) {
        load.problems.push_back(folder + ": no such folder");
        return load;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& item : std::filesystem::directory_iterator(folder, error))
        if (item.is_regular_file() && item.path().extension() == ".csv")
            files.push_back(item.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        ReferenceLoad one = read_reference_csv(in, path.string());
        load.entries.insert(load.entries.end(), one.entries.begin(), one.entries.end());
        load.problems.insert(load.problems.end(), one.problems.begin(), one.problems.end());
    }
    return load;
}

ReferenceLoad load_reference_folders(const std::vector<std::string>& folders) {
    ReferenceLoad load;
    for (const std::string& folder : folders) {
        ReferenceLoad one = load_reference_folder(folder);
        load.entries.insert(load.entries.end(), one.entries.begin(), one.entries.end());
        load.problems.insert(load.problems.end(), one.problems.begin(), one.problems.end());
    }
    return load;
}

} // namespace algocore::analysis
