#pragma once
// The one export workflow, shared by the CLI (`algoscope-cli export`), the History page and
// the Thresholds page: flush what is pending, take the part of the study the filter selects,
// and write it as a CSV folder or one JSON file with owner-only permissions by default, beside
// the place asked for and moved there only when complete (FileReplacement, FolderReplacement).
// Runs wherever the storage may be read (the GUI asks it on the storage's thread).
#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "algocore/FileMode.h"
#include "algocore/export/StudyFilter.h"
#include "algocore/records/StudyData.h"

namespace algocore::storage {
class Storage;
class StorageReader;
} // namespace algocore::storage

namespace algocore::exporting {

/// What to export and where.
struct ExportRequest {
    StudyFilter filter;
    bool json = false;
    std::string path; ///< folder (CSV) or file (JSON); a symbolic link is refused
    /// CSV: a folder that already holds files is replaced whole; without it, refused.
    bool overwrite = false;
    unsigned file_mode = kOwnerOnlyFileMode;
    /// How long records still being written may take to arrive before the export goes on
    /// without them (and says how many were left out).
    std::chrono::milliseconds flush_timeout{3000};
};

/// How an export went.
struct ExportOutcome {
    bool ok = false;
    std::string error; ///< when not ok
    std::size_t sessions = 0;
    std::size_t trials = 0;
    std::size_t holds = 0;
    std::size_t files = 0;           ///< written (CSV: tables and traces; JSON: 1)
    std::size_t left_out_writes = 0; ///< records not yet written to the database, not included
    /// Traces that could not be read ("trial 12 (trial_traces 12: truncated)"): left out, the
    /// rest written.
    std::vector<std::string> damaged_traces;
    /// One line for a banner or a terminal: "Exported 2 sessions (6 trials, 1 hold) to P".
    std::string summary(const std::string& path) const;
};

/// The part of a storage a filter selects, read once: what an export writes.
struct StudySelection {
    records::StudyData data;
    std::vector<records::SiteSummary> summaries;
    std::size_t left_out_writes = 0; ///< not yet written to the database when it was read
};
/// Flushes pending writes (up to flush_timeout), then reads the selected part.
StudySelection select_study(storage::Storage& storage, const StudyFilter& filter,
                            std::chrono::milliseconds flush_timeout);

/// Writes a selection where the request says (its filter is not applied again).
ExportOutcome write_export(storage::StorageReader& storage, const StudySelection& selection,
                           const ExportRequest& request);

/// select_study, then write_export.
ExportOutcome export_study(storage::Storage& storage, const ExportRequest& request);

} // namespace algocore::exporting
