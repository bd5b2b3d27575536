#pragma once
// The report header (clinic, therapist) kept in one small file that both front ends read: the
// GUI's History page edits it, `algoscope-cli report` uses it when --clinic/--therapist are not
// given. So a report made from the command line carries the same header as one made from the
// window, on the same account.
#include <optional>
#include <string>

#include "algocore/history/SessionReport.h"

namespace algocore::history {

/// Where the header is kept: $ALGOSCOPE_CONFIG_DIR, else $XDG_CONFIG_HOME/algoscope, else
/// %APPDATA%\algoscope (Windows) or ~/.config/algoscope; the file is report-header.json.
/// Empty when none of these is known.
std::string default_report_header_path();

/// A read header, or why it could not be read. A missing file is not an error: it is an
/// empty header (nothing was ever saved).
struct ReportHeaderRead {
    ReportHeader header;
    std::string error; ///< empty when read (or absent)
};
ReportHeaderRead read_report_header(const std::string& path);

/// Writes clinic and therapist (not the print time), creating the folder. Replaces the file
/// in one step, so a crash never leaves half a header. Empty, or what went wrong.
std::string write_report_header(const std::string& path, const ReportHeader& header);

} // namespace algocore::history
