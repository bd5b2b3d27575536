#include "algogui/history/HistoryPages.h"
#include "algocore/history/PressureFormat.h"
#include "algocore/report/ReportJob.h"
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
using algocore::storage::StorageReader;

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
            [](StorageReader& s) {
                QStringList codes;
                for (const auto& subject : s.subjects())
                    codes << QString::fromStdString(subject.code);
                return codes;
            },
            [done](Answer<QStringList> a) { done(a.value, QString::fromStdString(a.error)); });
    };
    store.subject = [&bench, storage](QString code, auto done) {
        if (!storage()) return done({std::nullopt, QObject::tr("no database is open")});
        ask<std::optional<algocore::records::SubjectRecords>>(
            *storage(), bench.inbox(),
            [code](StorageReader& s) { return s.history_of(code.toStdString()); },
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
    store.trace = [&bench, storage](bool hold, algocore::records::RecordId id, auto done) {
        if (!storage()) return done(std::nullopt);
        ask<TraceAnswer>(
            *storage(), bench.inbox(),
            [hold, id](StorageReader& s) { return hold ? s.hold_trace(id) : s.trial_trace(id); },
            [done](Answer<TraceAnswer> a) { done(std::move(a.value)); });
    };
    // The one report job (as algoscope-cli report runs it), on the storage thread, printed at
    // the moment of the click on the workbench's wall clock (the one the records carry).
    store.report = [&bench, storage](HistoryReportRequest request, auto done) {
        if (!storage()) return done(QObject::tr("no database is open"), 0);
        algocore::report::ReportRequest job;
        job.subject_code = request.subject_code.toStdString();
        job.session_id = request.session_id;
        job.header = request.header;
        job.unit = algocore::history::PressureFormat::parse(request.unit_key.toStdString())
                       .value_or(algocore::history::PressureFormat());
        job.calibration_root = bench.calibration_store().root().string();
        job.pdf_path = request.pdf_path.toStdString();
        const algocore::EpochSeconds printed = bench.wall_now();
        ask<algocore::report::ReportOutcome>(
            *storage(), bench.inbox(),
            [job, printed](StorageReader& s) {
                return algocore::report::write_report(s, job, printed);
            },
            [done](Answer<algocore::report::ReportOutcome> a) {
                done(QString::fromStdString(a.ok() ? a.value.error : a.error), a.value.pages);
            });
    };
    store.export_study = [&bench](algocore::exporting::ExportRequest request, auto done) {
        run_export(bench, std::move(request), std::move(done));
    };

    auto* page = new HistoryPage(std::move(store), &window);
    QObject::connect(&reading, &SharedStudyReading::changed, page, &HistoryPage::reload);
    QObject::connect(&window, &MainWindow::databaseOpened, page, &HistoryPage::start_over);
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
