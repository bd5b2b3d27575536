#pragma once
// The report of a visit (every session of one subject on one local day) from request to PDF
// file, as one job: the History page runs it on the
// storage thread and `algoscope-cli report` on its read-only database, so both write the
// same document, with the printed time read from the one wall clock and written in the
// clinic's local time with its zone named.
#include <string>

#include "algocore/WallClock.h"
#include "algocore/history/PressureFormat.h"
#include "algocore/history/SessionReport.h"
#include "algocore/storage/Storage.h"

namespace algocore::report {

/// What to report and where.
struct ReportRequest {
    std::string subject_code;
    /// The visit's day in the clinic's local time ("2026-11-23"); empty: the day of
    /// session_id, or of the subject's newest session when that is kNoRecord too.
    std::string date;
    records::RecordId session_id = records::kNoRecord;
    history::ReportHeader header; ///< clinic and therapist
    history::PressureFormat unit;
    /// The calibration store, to state whether each session's record is valid; empty = the
    /// record is named only.
    std::string calibration_root;
    std::string pdf_path;
};

/// What the job did.
struct ReportOutcome {
    std::string error; ///< empty when the file was written
    std::string title; ///< "Visit report S014 2026-11-23"
    std::string date;  ///< the visit's local day
    int sessions = 0;  ///< sessions in the report
    int pages = 0;
    std::string printed; ///< "2026-11-23 20:30 CET (UTC+01:00)"
    bool ok() const { return error.empty(); }
};

/// Reads the subject's records, builds the visit's report and writes the PDF (owner-only); `now` is
/// the printed time (the caller reads the wall clock: system_now(), or a fixed one in tests). A
/// subject code storage::check_subject_code refuses (an older row: recording asks the same
/// rule) is refused with its reason, and no file is written.
ReportOutcome write_report(storage::StorageReader& storage, const ReportRequest& request,
                           EpochSeconds now);

} // namespace algocore::report
