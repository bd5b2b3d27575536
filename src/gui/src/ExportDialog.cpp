#include "algogui/ExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>

#include "algocore/session/Workbench.h"
#include "algocore/storage/Storage.h"

namespace algogui {

namespace {
enum Scope { kEverything = 0, kSubject = 1, kSession = 2 };
} // namespace

ExportDialog::ExportDialog(const QString& subject_code, algocore::records::RecordId session,
                           QWidget* parent)
    : QDialog(parent), subject_code_(subject_code.trimmed()), session_(session) {
    setWindowTitle(tr("Export"));
    auto* form = new QFormLayout(this);
    scope_ = new QComboBox(this);
    // The narrowest sensible choice comes first: an export of one patient's data should not
    // carry every other patient's by accident.
    if (!subject_code_.isEmpty()) scope_->addItem(tr("Subject %1").arg(subject_code_), kSubject);
    if (session_ != algocore::records::kNoRecord)
        scope_->addItem(tr("This session (%1)").arg(session_), kSession);
    scope_->addItem(tr("Every subject"), kEverything);
    use_from_ = new QCheckBox(tr("From"), this);
    from_ = new QDateEdit(QDate::currentDate().addMonths(-3), this);
    use_to_ = new QCheckBox(tr("To"), this);
    to_ = new QDateEdit(QDate::currentDate(), this);
    for (QDateEdit* d : {from_, to_}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    format_ = new QComboBox(this);
    format_->addItem(tr("CSV (a folder of tables and traces)"));
    format_->addItem(tr("JSON (one file, compact traces)"));
    form->addRow(tr("What"), scope_);
    form->addRow(use_from_, from_);
    form->addRow(use_to_, to_);
    form->addRow(tr("Format"), format_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

algocore::exporting::ExportRequest ExportDialog::request() const {
    algocore::exporting::ExportRequest request;
    request.json = format_->currentIndex() == 1;
    const int scope = scope_->currentData().toInt();
    if (scope == kSubject || scope == kSession)
        request.filter.subject_code = subject_code_.toStdString();
    if (scope == kSession) request.filter.session_id = session_;
    if (use_from_->isChecked())
        request.filter.from_date = from_->date().toString(Qt::ISODate).toStdString();
    if (use_to_->isChecked())
        request.filter.to_date = to_->date().toString(Qt::ISODate).toStdString();
    return request;
}

std::optional<algocore::exporting::ExportRequest>
ask_export(QWidget* parent, const QString& subject_code, algocore::records::RecordId session) {
    ExportDialog dialog(subject_code, session, parent);
    if (dialog.exec() != QDialog::Accepted) return std::nullopt;
    algocore::exporting::ExportRequest request = dialog.request();
    const QString path =
        request.json
            ? QFileDialog::getSaveFileName(parent, ExportDialog::tr("Export JSON"),
                                           QStringLiteral("algoscope-export.json"),
                                           ExportDialog::tr("JSON (*.json)"))
            : QFileDialog::getExistingDirectory(parent, ExportDialog::tr("Export CSV into folder"));
    if (path.isEmpty()) return std::nullopt;
    request.path = path.toStdString();
    return request;
}

void run_export(algocore::session::Workbench& bench, algocore::exporting::ExportRequest request,
                std::function<void(bool ok, QString outcome)> done) {
    if (!bench.storage()) {
        done(false, ExportDialog::tr("Export failed: no database is open"));
        return;
    }
    using Outcome = algocore::exporting::ExportOutcome;
    // An export first waits for pending writes (the store's writer half) and then reads, so
    // its task takes the whole store rather than the reader an ask hands it.
    algocore::storage::Storage* store = bench.storage();
    algocore::storage::ask<Outcome>(
        *store, bench.inbox(),
        [request, store](algocore::storage::StorageReader&) {
            return algocore::exporting::export_study(*store, request);
        },
        [done, path = request.path](algocore::storage::Answer<Outcome> a) {
            if (!a.ok()) {
                done(false,
                     ExportDialog::tr("Export failed: %1").arg(QString::fromStdString(a.error)));
                return;
            }
            done(a.value.ok, QString::fromStdString(a.value.summary(path)));
        });
}

} // namespace algogui
