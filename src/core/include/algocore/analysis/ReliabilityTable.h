#pragma once
// The subjects x raters table every reliability statistic starts from, built from tidy rows
// (one row per subject and rater). "Rater" is whatever repeats a measurement: an operator
// (inter-rater reliability) or a session, day 1, day 2 (test-retest reliability).
#include <cstddef>
#include <string>
#include <vector>

namespace algocore::analysis {

/// One measurement of one subject by one rater, in the data's own unit (kPa from storage).
struct TidyRow {
    std::string subject;
    std::string rater;
    double reading = 0.0;
    std::size_t line = 0; ///< source line (1-based) for messages; 0 = not from a file
};

/// Complete subjects in rows, raters in columns (in order of first appearance).
struct ReliabilityTable {
    std::vector<std::string> subjects;
    std::vector<std::string> raters;
    std::vector<double> readings;              ///< row-major, subjects.size() x raters.size()
    std::vector<std::string> dropped_subjects; ///< had at least one missing cell
    std::size_t n_dropped() const { return dropped_subjects.size(); }
    /// Reading of subject row i by rater column j.
    double reading(std::size_t i, std::size_t j) const { return readings[i * raters.size() + j]; }
    /// Column of a rater, or -1 when the table has no such rater.
    int rater_column(const std::string& rater) const;
};

/// A table, or why none could be built.
struct ReliabilityTableResult {
    bool ok = false;
    ReliabilityTable table;
    std::string error;    ///< says what is wrong, naming the line when the row has one
    std::size_t line = 0; ///< line of the offending row (0 = not about one row)
};

/// Builds the table: a subject with a missing cell is dropped (and counted); a second row
/// for the same subject and rater is an error; fewer than 2 complete subjects or 2 raters
/// is an error.
ReliabilityTableResult build_reliability_table(const std::vector<TidyRow>& rows);

} // namespace algocore::analysis
