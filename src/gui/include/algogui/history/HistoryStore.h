#pragma once
// What the History page asks of the database, as callbacks so the page never touches storage
// itself: add_history_page() runs each on the workbench's storage thread (storage::ask) and
// delivers the answer on the GUI thread; tests hand in their own.
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

#include "algocore/export/StorageExport.h"
#include "algocore/history/SessionReport.h"
#include "algocore/records/SubjectRecords.h"

namespace algogui {

/// A subject's records, or why they could not be read.
struct SubjectAnswer {
    std::optional<algocore::records::SubjectRecords> records;
    QString error;
};

/// A raw trace (of a trial or a hold), or nothing.
using TraceAnswer = std::optional<algocore::records::RawTrace>;

/// What a report or an export should be.
struct HistoryReportRequest {
    QString subject_code;
    algocore::records::RecordId session_id = algocore::records::kNoRecord;
    QString pdf_path;
    algocore::history::ReportHeader header;
    QString unit_key; ///< "kpa", "kgf_cm2", ...
};

/// The page's reads and writes; every answer arrives later on the GUI thread.
struct HistoryStore {
    std::function<void(std::function<void(QStringList codes, QString error)>)> subjects;
    std::function<void(QString code, std::function<void(SubjectAnswer)>)> subject;
    /// The subject of the visit in view (algoscope --subject, or chosen on another page);
    /// empty when none. The page opens it rather than a subject of its own choosing.
    std::function<QString()> subject_in_view;
    std::function<void(bool hold, algocore::records::RecordId id, std::function<void(TraceAnswer)>)>
        trace;
    /// Writes the PDF; answers "" or the reason it failed, and the page count.
    std::function<void(HistoryReportRequest, std::function<void(QString error, int pages)>)> report;
    /// Writes the export; answers a one-line outcome and whether it worked.
    std::function<void(algocore::exporting::ExportRequest,
                       std::function<void(bool ok, QString outcome)>)>
        export_study;
};

} // namespace algogui
