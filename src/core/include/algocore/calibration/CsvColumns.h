#pragma once
// CSV input for `algoscope-cli calibrate`: a header row, then rows. Blank lines and lines
// starting with '#' are skipped; cells may be quoted; the delimiter is ',' (or tab / ';' when
// the header has no comma); a UTF-8 byte order mark before the header is skipped. Every
// problem names its line (1-based) or column, quoting a bad cell briefly and safely.
#include <cstddef>
#include <istream>
#include <string>
#include <vector>

#include "algocal/CalibrationRecord.h"

namespace algocore {

/// A CSV file larger than this is refused unread (calibration points are a few KiB).
inline constexpr std::size_t kMaxCsvInputBytes = std::size_t{64} << 20;

/// A CSV file as text cells.
struct CsvTable {
    bool ok = false;
    std::string message;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> line_of_row; ///< file line of each row

    /// Index of `name` in the header, or -1.
    long column(const std::string& name) const;
};
CsvTable read_csv_table(std::istream& in);

/// Two numeric columns, or the first problem with its line or column named.
struct CsvColumns {
    bool ok = false;
    std::vector<double> x;
    std::vector<double> y;
    std::vector<std::size_t> line_of_row; ///< file line of each (x, y) pair
    std::string message;                  ///< "line 7, column 'load_n': "abc" is not a number"
};

/// Reads columns `x_column` and `y_column` (header names, exact match after trimming).
CsvColumns read_csv_columns(std::istream& in, const std::string& x_column,
                            const std::string& y_column);

/// Calibration points from a CSV with columns applied_load, unit (N/kgf/lbf), reading,
/// direction (ascending/descending, or up/down) and run (optional, default 1).
struct CsvPoints {
    bool ok = false;
    std::vector<algocal::CalibrationPoint> points;
    std::string message;
};
CsvPoints read_calibration_points_csv(std::istream& in);

} // namespace algocore
