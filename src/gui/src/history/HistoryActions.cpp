// The History page's actions that leave the page: raw traces in a window, the session
// report, the filtered export. Each asks the HistoryStore and shows the answer when it comes.
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QTableWidget>
#include <QVBoxLayout>

#include "algogui/ExportDialog.h"
#include "algogui/history/HistoryPage.h"
#include "algogui/history/HistoryPlot.h"

namespace algogui {

using algocore::records::RecordId;

namespace {

HistoryPlot::Series series_of(const algocore::records::RawTrace& trace) {
    HistoryPlot::Series s;
    const auto thin = algocore::history::thin_trace(trace, 2000);
    for (const auto& p : thin) {
        s.points.emplace_back(p.t_s, p.pressure_kpa);
        s.gap_before.push_back(p.gap_before);
    }
    return s;
}

// A window with one plot, filled as traces arrive; it deletes itself when closed.
HistoryPlot* trace_window(QWidget* parent, const QString& title, const DisplayUnit& unit) {
    auto* dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    auto* layout = new QVBoxLayout(dialog);
    auto* plot = new HistoryPlot(dialog);
    plot->set_unit(unit.symbol, unit.per_kpa);
    plot->set_caption(QStringLiteral("%1 (%2)").arg(title, unit.symbol));
    layout->addWidget(plot);
    dialog->resize(720, 360);
    dialog->show();
    return plot;
}

} // namespace

void HistoryPage::open_point_traces(int row) {
    const RecordId session = selected_session();
    const auto points = history_.points_in(session);
    if (row < 0 || row >= static_cast<int>(points.size()) || !store_.trace) return;
    const auto& point = *points[static_cast<std::size_t>(row)];
    const auto* visit = point.in_session(session);
    QPointer<HistoryPlot> plot =
        trace_window(this,
                     tr("%1, %2: raw trials")
                         .arg(QString::fromStdString(point.label()),
                              QString::fromStdString(visit->session_started_utc)),
                     unit_);
    auto collected = std::make_shared<std::vector<HistoryPlot::Series>>();
    for (const auto& trial : visit->trials)
        store_.trace(false, trial.trial_id, [plot, collected](TraceAnswer trace) {
            if (!plot || !trace) return;
            collected->push_back(series_of(*trace));
            plot->set_traces(*collected, std::nullopt);
        });
}

void HistoryPage::open_hold_trace(int row) {
    const auto& holds = history_.holds();
    if (row < 0 || row >= static_cast<int>(holds.size()) || !store_.trace) return;
    const auto& hold = holds[static_cast<std::size_t>(row)];
    QPointer<HistoryPlot> plot =
        trace_window(this,
                     tr("Hold at %1 %2, %3: raw trace")
                         .arg(QString::fromStdString(hold.site.name),
                              algocore::records::to_letter(hold.hold.side),
                              QString::fromStdString(hold.session_started_utc)),
                     unit_);
    const std::pair band{hold.hold.band_low_kpa, hold.hold.band_high_kpa};
    store_.trace(true, hold.hold.id, [plot, band](TraceAnswer trace) {
        if (plot && trace) plot->set_traces({series_of(*trace)}, band);
    });
}

void HistoryPage::write_report() {
    const RecordId session = selected_session();
    if (session == algocore::records::kNoRecord || !store_.report) return;
    const QString code = QString::fromStdString(history_.subject().code);
    // The report is the visit: every session of the selected session's day.
    const auto* entry = history_.session(session);
    const QString day =
        entry ? QString::fromStdString(algocore::history::local_day_of(entry->session)) : QString();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Visit report"), QStringLiteral("visit-%1-%2.pdf").arg(code, day),
        tr("PDF (*.pdf)"));
    if (path.isEmpty()) return;
    HistoryReportRequest request;
    request.subject_code = code;
    request.session_id = session;
    request.pdf_path = path;
    request.header.clinic = clinic_->text().toStdString();
    request.header.therapist = therapist_->text().toStdString();
    request.unit_key = unit_.key;
    set_status(tr("Writing the report…"));
    std::weak_ptr<Alive> alive = alive_;
    store_.report(request, [this, alive, path](QString error, int pages) {
        if (alive.expired()) return;
        set_status(error.isEmpty()
                       ? tr("Report written to %1 (%n page(s)).", nullptr, pages).arg(path)
                       : tr("The report could not be written: %1").arg(error));
    });
}

void HistoryPage::export_data() {
    if (!store_.export_study) return;
    const auto request =
        ask_export(this, QString::fromStdString(history_.subject().code), selected_session());
    if (!request) return;
    set_status(tr("Exporting…"));
    std::weak_ptr<Alive> alive = alive_;
    store_.export_study(*request, [this, alive](bool, QString outcome) {
        if (!alive.expired()) set_status(outcome);
    });
}

} // namespace algogui
