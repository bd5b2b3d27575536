#include "algogui/history/HistoryPages.h"
#include "algocore/history/PressureFormat.h"
#include "algocore/report/SessionReportPdf.h"
#include "algocore/session/Workbench.h"
#include "algogui/Banner.h"
#include "algogui/ExportDialog.h"
#include "algogui/LiveFeed.h"
#include "algogui/MainWindow.h"
#include "algogui/Preferences.h"
#include "algogui/SharedStudyReading.h"
#include "algogui/history/HistoryPage.h"

namespace algogui {

namespace {

using algocore::storage::Answer;
using algocore::storage::ask;
using algocore::storage::Storage;

struct ReportOutcome {
    QString error;
    int pages = 0;
};

// Runs on the storage thread: the subject's records, the report and its PDF.
ReportOutcome write_report(Storage& s, const HistoryReportRequest& r, const std::string& calib) {
    const auto records = s.history_of(r.subject_code.toStdString());
    if (!records) return {QObject::tr("no subject %1").arg(r.subject_code), 0};
    const auto history = algocore::history::SubjectHistory::build(*records);
    const auto* session = history.session(r.session_id);
    if (!session) return {QObject::tr("no session %1").arg(r.session_id), 0};
    const auto report = algocore::history::build_session_report(
        history, r.session_id, r.header, [&s](auto id) { return s.hold_trace(id); }, calib);
    const auto unit = algocore::history::PressureFormat::parse(r.unit_key.toStdString())
                          .value_or(algocore::history::PressureFormat());
    const auto pdf = algocore::report::render_session_report(*report, unit);
    const std::string error =
        pdf.save(r.pdf_path.toStdString(), algocore::report::session_report_title(*report));
    return {QString::fromStdString(error), pdf.page_count()};
}

} // namespace

HistoryPage* add_history_page(MainWindow& window) {
    auto& bench = window.feed().workbench();
    HistoryStore store;
    // Every call goes to the storage thread (this station's, or the shared study's when the
    // window reads it); a closed database answers with its reason.
    SharedStudyReading& reading = SharedStudyReading::of(window);
    const auto storage = [&bench, &reading]() -> Storage* { return reading.storage(bench); };
    store.subjects = [&bench, storage](auto done) {
        if (!storage()) return done({}, QObject::tr("no database is open"));
        ask<QStringList>(
            *storage(), bench.inbox(),
            [](Storage& s) {
                QStringList codes;
                for (const auto& subject : s.subjects())
                    codes << QString::fromStdString(subject.code);
                return codes;
            },
            [done](Answer<QStringList> a) { done(a.value, QString::fromStdString(a.error)); });
    };
    store.subject = [&bench, storage](QString code, auto done) {
        if (!storage()) return done({std::nullopt, QObject::tr("no database is open")});
        ask<std::optional<algocore::storage::SubjectRecords>>(
            *storage(), bench.inbox(),
            [code](Storage& s) { return s.history_of(code.toStdString()); },
            [done](auto a) {
                done({std::move(a.value), QString::fromStdString(a.error)});
            });
    };
    // The visit in view (algoscope --subject, or a patient chosen on another page) is the
    // subject the page opens.
    store.subject_in_view = [&bench] {
        const auto& visit = bench.visit().visit();
        return visit ? QString::fromStdString(visit->subject_code) : QString();
    };
    store.trace = [&bench, storage](bool hold, algocore::storage::RecordId id, auto done) {
        if (!storage()) return done(std::nullopt);
        ask<TraceAnswer>(
            *storage(), bench.inbox(),
            [hold, id](Storage& s) { return hold ? s.hold_trace(id) : s.trial_trace(id); },
            [done](Answer<TraceAnswer> a) { done(std::move(a.value)); });
    };
    store.report = [&bench, storage](HistoryReportRequest request, auto done) {
        if (!storage()) return done(QObject::tr("no database is open"), 0);
        const auto calibrations = bench.calibration_store().root();
        ask<ReportOutcome>(
            *storage(), bench.inbox(),
            [request, calibrations](Storage& s) {
                std::string calibration;
                if (!calibrations.empty()) {
                    const auto records = s.history_of(request.subject_code.toStdString());
                    if (records)
                        for (const auto& session : records->sessions)
                            if (session.id == request.session_id)
                                calibration = algocore::history::calibration_status_in(
                                    algocore::CalibrationStore(calibrations), session);
                }
                return write_report(s, request, calibration);
            },
            [done](Answer<ReportOutcome> a) {
                done(a.ok() ? a.value.error : QString::fromStdString(a.error), a.value.pages);
            });
    };
    store.export_study = [&bench](algocore::exporting::ExportRequest request, auto done) {
        run_export(bench, std::move(request), std::move(done));
    };

    auto* page = new HistoryPage(std::move(store), &window);
    QObject::connect(&reading, &SharedStudyReading::changed, page, &HistoryPage::reload);
    Preferences& prefs = window.preferences();
    const algocore::history::ReportHeader header = prefs.report_header(); // one read
    page->set_report_header(QString::fromStdString(header.clinic),
                            QString::fromStdString(header.therapist));
    page->set_unit(window.unit());
    QObject::connect(&window, &MainWindow::unitChanged, page, &HistoryPage::set_unit);
    QObject::connect(page, &HistoryPage::reportHeaderEdited, &window,
                     [&prefs, &window](const QString& clinic, const QString& therapist) {
                         const QString problem = prefs.set_report_header(clinic, therapist);
                         if (!problem.isEmpty())
                             window.banner().show_message(
                                 BannerLevel::Warning,
                                 QObject::tr("The report header was not saved: %1").arg(problem));
                     });
    window.add_page(QObject::tr("History"), page);
    return page;
}

} // namespace algogui
