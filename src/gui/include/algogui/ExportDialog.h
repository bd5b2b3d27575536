#pragma once
// The export dialog of every page (Thresholds, History): what to export (the subject in view,
// one session, every subject), an optional date range, CSV or JSON, then where. The export
// itself is algocore's (exporting::export_study), run on the storage's thread.
#include <QDialog>
#include <functional>
#include <optional>

#include "algocore/export/StorageExport.h"
#include "algocore/records/Records.h"

class QCheckBox;
class QComboBox;
class QDateEdit;

namespace algocore::session {
class Workbench;
}

namespace algogui {

class ExportDialog final : public QDialog {
    Q_OBJECT
public:
    /// subject_code / session: what the page shows (empty / kNoRecord when nothing).
    ExportDialog(const QString& subject_code, algocore::records::RecordId session,
                 QWidget* parent = nullptr);

    /// The choice as a request without its path (the file dialog comes after).
    algocore::exporting::ExportRequest request() const;

    // For tests and the page: the scope entries are "subject", "session", "everything".
    QComboBox& scope() { return *scope_; }
    QComboBox& format() { return *format_; }
    QCheckBox& use_from() { return *use_from_; }
    QDateEdit& from() { return *from_; }
    QCheckBox& use_to() { return *use_to_; }
    QDateEdit& to() { return *to_; }

private:
    QString subject_code_;
    algocore::records::RecordId session_;
    QComboBox* scope_ = nullptr;
    QComboBox* format_ = nullptr;
    QCheckBox* use_from_ = nullptr;
    QDateEdit* from_ = nullptr;
    QCheckBox* use_to_ = nullptr;
    QDateEdit* to_ = nullptr;
};

/// Shows the dialog, then the folder (CSV) or file (JSON) chooser; nullopt when cancelled.
std::optional<algocore::exporting::ExportRequest>
ask_export(QWidget* parent, const QString& subject_code, algocore::records::RecordId session);

/// Runs the export on the storage's thread; done(ok, one line for the user) on the GUI
/// thread. Without a database, done(false, why) at once.
void run_export(algocore::session::Workbench& bench, algocore::exporting::ExportRequest request,
                std::function<void(bool ok, QString outcome)> done);

} // namespace algogui
