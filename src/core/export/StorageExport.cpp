#include "algocore/export/StorageExport.h"

#include <exception>

#include "algocore/FileReplacement.h"
#include "algocore/FolderReplacement.h"
#include "algocore/export/StudyExport.h"
#include "algocore/storage/Storage.h"

namespace algocore::exporting {

namespace {
std::string counted(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}
} // namespace

std::string ExportOutcome::summary(const std::string& path) const {
    if (!ok) return "Export failed: " + error;
    std::string text = "Exported " + counted(sessions, "session", "sessions") + " (" +
                       counted(trials, "trial", "trials") + ", " + counted(holds, "hold", "holds") +
                       ") to " + path;
    if (left_out_writes > 0)
        text += " (" + std::to_string(left_out_writes) +
                " records not yet written to the database are not included)";
    if (!damaged_traces.empty()) {
        text +=
            "; " + counted(damaged_traces.size(), "damaged trace", "damaged traces") + " left out:";
        for (const std::string& trace : damaged_traces)
            text += " " + trace;
    }
    return text;
}

StudySelection select_study(storage::Storage& storage, const StudyFilter& filter,
                            std::chrono::milliseconds flush_timeout) {
    StudySelection selection;
    if (!storage.flush(flush_timeout)) selection.left_out_writes = storage.status().pending_writes;
    selection.data = filter_study(storage.load_study(), filter);
    selection.summaries =
        filter_summaries(storage.site_summaries(records::kNoRecord), selection.data);
    return selection;
}

ExportOutcome write_export(storage::StorageReader& storage, const StudySelection& selection,
                           const ExportRequest& request) {
    const records::StudyData& data = selection.data;
    ExportOutcome outcome;
    outcome.left_out_writes = selection.left_out_writes;
    outcome.sessions = data.sessions.size();
    outcome.trials = data.trials.size();
    outcome.holds = data.holds.size();
    // A damaged trace is left out and named; everything else is still written.
    auto loader = [&storage, &outcome](const char* what, auto load) -> TraceLoader {
        return [&storage, &outcome, what, load](records::RecordId id) {
            try {
                return (storage.*load)(id);
            } catch (const std::exception& e) {
                outcome.damaged_traces.push_back(std::string(what) + " " + std::to_string(id) +
                                                 " (" + e.what() + ")");
                return std::optional<records::RawTrace>{};
            }
        };
    };
    const TraceLoader trials = loader("trial", &storage::StorageReader::trial_trace);
    const TraceLoader holds = loader("hold", &storage::StorageReader::hold_trace);
    // Written beside the place asked for and moved there only when complete: a failed export
    // never leaves a truncated file or a folder mixing two exports.
    try {
        if (request.json) {
            FileReplacement file(request.path, request.file_mode);
            if (!file.error().empty()) {
                outcome.error = file.error();
                return outcome;
            }
            write_study_json(data, selection.summaries, file.stream(), trials, holds);
            if (const std::string failure = file.commit(); !failure.empty()) {
                outcome.error = failure;
                return outcome;
            }
            outcome.files = 1;
        } else {
            FolderReplacement folder(request.path, folder_mode_for(request.file_mode),
                                     request.overwrite);
            if (!folder.error().empty()) {
                outcome.error = folder.error();
                return outcome;
            }
            const ExportResult written = export_csv_directory(
                data, selection.summaries, folder.staging(), trials, holds, request.file_mode);
            if (!written.ok) {
                outcome.error = written.error;
                return outcome;
            }
            if (const std::string failure = folder.commit(); !failure.empty()) {
                outcome.error = failure;
                return outcome;
            }
            outcome.files = written.files.size();
        }
    } catch (const std::exception& e) {
        outcome.error = "writing " + request.path + " failed (" + e.what() +
                        "); what was there before is unchanged";
        return outcome;
    }
    outcome.ok = true;
    return outcome;
}

ExportOutcome export_study(storage::Storage& storage, const ExportRequest& request) {
    return write_export(storage, select_study(storage, request.filter, request.flush_timeout),
                        request);
}

} // namespace algocore::exporting
