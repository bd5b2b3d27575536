#include "algogui/thresholds/StudyExportActions.h"

#include <QDir>
#include <QStandardPaths>
#include <chrono>
#include <fstream>

#include "algocore/export/StudyExport.h"
#include "algocore/storage/Storage.h"

namespace algogui {

namespace {
constexpr std::chrono::milliseconds kFlushTimeout{3000};

QString pending_note(algocore::storage::Storage& storage) {
    if (storage.flush(kFlushTimeout)) return {};
    return QStringLiteral(" (%1 records not yet written to the database are not included)")
        .arg(storage.status().pending_writes);
}
}  // namespace

StudyExportOutcome export_study_csv(algocore::storage::Storage& storage, const QString& directory) {
    const QString note = pending_note(storage);
    const auto data = storage.load_study();
    const auto summaries = storage.site_summaries(algocore::storage::kNoRecord);
    const auto result = algocore::exporting::export_csv_directory(
        data, summaries, directory.toStdString(),
        [&](algocore::storage::RecordId id) { return storage.trial_trace(id); },
        [&](algocore::storage::RecordId id) { return storage.hold_trace(id); });
    if (!result.ok)
        return {false, QStringLiteral("CSV export failed: %1").arg(QString::fromStdString(result.error))};
    return {true, QStringLiteral("Exported %1 files to %2%3")
                      .arg(result.files.size()).arg(directory, note)};
}

StudyExportOutcome export_study_json(algocore::storage::Storage& storage, const QString& path) {
    const QString note = pending_note(storage);
    std::ofstream out(path.toStdString(), std::ios::binary | std::ios::trunc);
    if (!out) return {false, QStringLiteral("JSON export failed: cannot write %1").arg(path)};
    const auto data = storage.load_study();
    algocore::exporting::write_study_json(
        data, storage.site_summaries(algocore::storage::kNoRecord), out,
        [&](algocore::storage::RecordId id) { return storage.trial_trace(id); },
        [&](algocore::storage::RecordId id) { return storage.hold_trace(id); });
    out.flush();
    if (!out) return {false, QStringLiteral("JSON export failed while writing %1").arg(path)};
    return {true, QStringLiteral("Exported %1 trials to %2%3").arg(data.trials.size()).arg(path, note)};
}

QString default_database_path() {
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return QDir(folder).filePath(QStringLiteral("algoscope.sqlite"));
}

}  // namespace algogui
