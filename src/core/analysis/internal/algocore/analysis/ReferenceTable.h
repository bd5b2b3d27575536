#pragma once
// Published PPT reference values, one CSV row per site, sex and age band, with the provenance
// every shown z-score or percentile cites: source, table, n, probe area and ramp rate. A row
// gives the mean and SD of log10 kPa (as the DFNS reports) or the quartiles in kPa.
// docs/reference-values.md describes the format; reference/template.csv is a blank table.
#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace algocore::analysis {

/// Mean and SD of log10(PPT in kPa).
struct LogNormalReference {
    double log10_mean = 0.0;
    double log10_sd = 0.0;
};

/// First quartile, median and third quartile of the PPT, in kPa.
struct QuartileReference {
    double q1_kpa = 0.0;
    double median_kpa = 0.0;
    double q3_kpa = 0.0;
};

/// One row of a reference table.
struct ReferenceEntry {
    std::string source; ///< full citation, e.g. "Author A, et al. (2010) Journal 1:1-10"
    std::string table;  ///< where in the source, e.g. "Table 2"
    int n = 0;          ///< subjects behind the row
    double probe_cm2 = 0.0;
    double ramp_kpa_s = 0.0;
    std::string site;     ///< site key ("thenar_eminence") or name, case-insensitive
    std::string sex;      ///< "female", "male" or "any"
    std::string age_band; ///< "20-29", "40-59", or "any"
    std::optional<LogNormalReference> log_normal;
    std::optional<QuartileReference> quartiles;
    std::string file; ///< file it was read from
    std::size_t line = 0;
};

/// Rows read, and every row refused with file and line (a bad row never stops the others).
struct ReferenceLoad {
    std::vector<ReferenceEntry> entries;
    std::vector<std::string> problems;
};

/// Reads one reference CSV; lines starting with '#' are comments. source_name is for messages.
ReferenceLoad read_reference_csv(std::istream& in, const std::string& source_name);
/// Reads every *.csv file of a folder (in name order); a missing folder is a problem.
ReferenceLoad load_reference_folder(const std::string& folder);
/// Reads the folders in order (e.g. the shipped one, then the user's) into one list.
ReferenceLoad load_reference_folders(const std::vector<std::string>& folders);

/// The header every reference CSV starts with.
const char* reference_csv_header();

} // namespace algocore::analysis
