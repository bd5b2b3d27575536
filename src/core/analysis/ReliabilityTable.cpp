#include "algocore/analysis/ReliabilityTable.h"

#include <cmath>
#include <map>
#include <utility>

namespace algocore::analysis {

namespace {

std::string at_line(std::size_t line) {
    return line > 0 ? "line " + std::to_string(line) + ": " : std::string();
}

// Index of a label in first-appearance order, added when new.
std::size_t index_of(std::vector<std::string>& labels, std::map<std::string, std::size_t>& index,
                     const std::string& label) {
    const auto [it, added] = index.emplace(label, labels.size());
    if (added) labels.push_back(label);
    return it->second;
}

} // namespace

int ReliabilityTable::rater_column(const std::string& rater) const {
    for (std::size_t j = 0; j < raters.size(); ++j)
        if (raters[j] == rater) return static_cast<int>(j);
    return -1;
}

ReliabilityTableResult build_reliability_table(const std::vector<TidyRow>& rows) {
    ReliabilityTableResult result;
    std::vector<std::string> subjects;
    std::vector<std::string> raters;
    std::map<std::string, std::size_t> subject_index;
    std::map<std::string, std::size_t> rater_index;
    // Cell -> (reading, line), so a duplicate can name both lines.
    std::map<std::pair<std::size_t, std::size_t>, std::pair<double, std::size_t>> cells;
    for (const TidyRow& row : rows) {
        if (!std::isfinite(row.reading)) {
            result.error = at_line(row.line) + "the reading of subject '" + row.subject + "' by '" +
                           row.rater + "' is not a finite number";
            result.line = row.line;
            return result;
        }
        const std::size_t i = index_of(subjects, subject_index, row.subject);
        const std::size_t j = index_of(raters, rater_index, row.rater);
        const auto [it, added] =
            cells.emplace(std::make_pair(i, j), std::make_pair(row.reading, row.line));
        if (!added) {
            result.error = at_line(row.line) + "subject '" + row.subject + "' and rater '" +
                           row.rater + "' appear twice" +
                           (it->second.second > 0
                                ? " (first on line " + std::to_string(it->second.second) + ")"
                                : std::string());
            result.line = row.line;
            return result;
        }
    }
    if (raters.size() < 2) {
        result.error =
            "needs at least 2 raters or sessions, found " + std::to_string(raters.size());
        return result;
    }

    ReliabilityTable& table = result.table;
    table.raters = raters;
    std::vector<std::size_t> complete;
    for (std::size_t i = 0; i < subjects.size(); ++i) {
        bool full = true;
        for (std::size_t j = 0; j < raters.size() && full; ++j)
            full = cells.count({i, j}) != 0;
        if (full)
            complete.push_back(i);
        else
            table.dropped_subjects.push_back(subjects[i]);
    }
    if (complete.size() < 2) {
        result.error = "needs at least 2 subjects measured by every rater, found " +
                       std::to_string(complete.size()) + " (" +
                       std::to_string(table.dropped_subjects.size()) +
                       " dropped for missing cells)";
        return result;
    }
    table.readings.reserve(complete.size() * raters.size());
    for (std::size_t i : complete) {
        table.subjects.push_back(subjects[i]);
        for (std::size_t j = 0; j < raters.size(); ++j)
            table.readings.push_back(cells.at({i, j}).first);
    }
    result.ok = true;
    return result;
}

} // namespace algocore::analysis
