#pragma once
// Export from the GUI through algocore's export API (no dialogs here: the page asks for the
// path, tests call these directly). Pending writes are flushed first so the export holds
// every trial recorded so far.
#include <QString>

namespace algocore::storage {
class Storage;
}

namespace algogui {

/// Outcome of an export: ok, or what went wrong; what was written.
struct StudyExportOutcome {
    bool ok = false;
    QString message;  ///< for the banner
};

/// trials.csv, site_summary.csv, holds.csv and traces/*.csv into directory.
StudyExportOutcome export_study_csv(algocore::storage::Storage& storage, const QString& directory);
/// Everything, traces included, as one JSON file.
StudyExportOutcome export_study_json(algocore::storage::Storage& storage, const QString& path);

/// Default database: algoscope.sqlite in the application data folder (created if missing).
QString default_database_path();

}  // namespace algogui
