// algoscope-cli report: one session of a subject as a PDF (one or two A4 pages) to hand over:
// clinic and therapist, subject, date, device and calibration, a row per point with its
// change against the previous session and the MDC verdict, the body map, holds with their
// dose and trace, notes. Written without Qt, so it works with no display.
#include <CLI/CLI.hpp>

#include <chrono>
#include <ctime>
#include <iostream>
#include <memory>

#include "StoredHistory.h"
#include "algoargs/Arguments.h"
#include "algocore/calibration/CalibrationStore.h"
#include "algocore/history/ReportHeaderFile.h"
#include "algocore/history/SessionReport.h"
#include "algocore/report/SessionReportPdf.h"

namespace {

using namespace algocore;

struct ReportArgs {
    cli_study::StudySource study;
    std::string subject;
    storage::RecordId session = storage::kNoRecord;
    std::string pdf;
    std::string clinic;
    std::string therapist;
    bool clinic_given = false;
    bool therapist_given = false;
    std::string unit = "kPa";
    std::string calibrations;
};

std::string now_utc() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &tm);
    return text;
}

// The header the GUI's History page saved (one file for both front ends); --clinic and
// --therapist override it. A damaged file is said and the report made without it.
history::ReportHeader header_of(const ReportArgs& a) {
    history::ReportHeader header;
    if (!a.clinic_given || !a.therapist_given) {
        const std::string path = history::default_report_header_path();
        const history::ReportHeaderRead saved = history::read_report_header(path);
        if (!saved.error.empty())
            std::cerr << "algoscope-cli report: warning: " << saved.error
                      << "; the header is left empty (give --clinic and --therapist)\n";
        header = saved.header;
    }
    if (a.clinic_given) header.clinic = a.clinic;
    if (a.therapist_given) header.therapist = a.therapist;
    header.printed_utc = now_utc();
    return header;
}

void run_report(const ReportArgs& a) {
    const auto unit = history::PressureFormat::parse(a.unit);
    if (!unit)
        cli_history::fail("report", "--unit wants kPa, kgf/cm2, N/cm2 or psi, not " +
                                        cli_args::shown(a.unit));
    const auto stored = cli_history::read_stored_history("report", a.study, a.subject);
    const history::ReportHeader header = header_of(a);
    const history::SessionEntry* session = a.session == storage::kNoRecord
                                               ? stored.history.latest_session()
                                               : stored.history.session(a.session);
    if (!session)
        cli_history::fail("report", a.session == storage::kNoRecord
                                        ? "subject " + a.subject + " has no sessions"
                                        : "subject " + a.subject + " has no session " +
                                              std::to_string(a.session));
    std::string calibration;
    if (!a.calibrations.empty())
        calibration =
            history::calibration_status_in(CalibrationStore(a.calibrations), session->session);
    auto& db = *stored.db;
    const auto report = history::build_session_report(
        stored.history, session->session.id, header,
        [&db](storage::RecordId id) { return db.hold_trace(id); }, calibration);
    const report::PdfDocument pdf = report::render_session_report(*report, *unit);
    if (const std::string error = pdf.save(a.pdf, report::session_report_title(*report));
        !error.empty())
        cli_history::fail("report", error);
    std::cerr << "wrote " << a.pdf << " (" << pdf.page_count()
              << (pdf.page_count() == 1 ? " page)\n" : " pages)\n");
}

} // namespace

void register_report_command(CLI::App& app) {
    auto a = std::make_shared<ReportArgs>();
    CLI::App* cmd = app.add_subcommand("report", "A session's report as a PDF (A4) to hand over");
    cli_study::add_study_options(cmd, a->study);
    cmd->add_option("--subject", a->subject, "Subject code")->required();
    cmd->add_option("--session", a->session, "Session id (default: the subject's newest)")
        ->check(cli_args::positive_count(1L << 53));
    cmd->add_option("--pdf", a->pdf, "PDF file to write")->required();
    CLI::Option* clinic =
        cmd->add_option("--clinic", a->clinic,
                        "Clinic name for the header (default: as saved on the History page)");
    CLI::Option* therapist = cmd->add_option("--therapist", a->therapist,
                                             "Therapist for the header (default: as saved)");
    cmd->add_option("--unit", a->unit, "Pressure unit: kPa (default), kgf/cm2, N/cm2 or psi");
    cmd->add_option("--calibrations", a->calibrations,
                    "Calibration store, to state whether the session's record is valid");
    cmd->callback([a, clinic, therapist] {
        a->clinic_given = clinic->count() > 0;
        a->therapist_given = therapist->count() > 0;
        run_report(*a);
    });
}
