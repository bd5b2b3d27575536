// algoscope-cli report: one visit of a subject (every session of one day in the clinic's local
// time) as a PDF to hand over: clinic and therapist, subject, and per session its time,
// device and calibration, a row per point with its change against the previous session and
// the MDC verdict, the body map, holds with their dose and trace, notes. Written without Qt,
// so it works with no display.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <optional>

#include "StoredHistory.h"
#include "algoargs/Arguments.h"
#include "algocore/history/ReportHeaderFile.h"
#include "algocore/report/ReportJob.h"

namespace {

using namespace algocore;

struct ReportArgs {
    cli_study::StudySource study;
    std::string subject;
    records::RecordId session = records::kNoRecord;
    std::string date;
    std::string pdf;
    std::string clinic;
    std::string therapist;
    bool clinic_given = false;
    bool therapist_given = false;
    std::string unit = "kPa";
    std::string calibrations;
    std::string printed_at; ///< ISO 8601 UTC; empty: now
};

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
    return header;
}

void run_report(const ReportArgs& a) {
    const auto unit = history::PressureFormat::parse(a.unit);
    if (!unit)
        cli_history::fail("report", "--unit wants kPa, kgf/cm2, N/cm2 or psi, not " +
                                        cli_args::shown(a.unit));
    std::optional<EpochSeconds> printed = system_now();
    if (!a.printed_at.empty()) {
        printed = parse_utc_iso8601(a.printed_at);
        if (!printed)
            cli_history::fail("report", "--printed-at wants ISO 8601 UTC (2026-11-23T19:30:00Z), "
                                        "not " +
                                            cli_args::shown(a.printed_at));
    }
    const auto stored = cli_history::read_stored_history("report", a.study, a.subject);
    // The one report job (as the History page runs it), printed at the wall clock's now or at
    // the moment given (a report printed again is then the same file, byte for byte).
    report::ReportRequest request;
    request.subject_code = a.subject;
    request.session_id = a.session;
    request.date = a.date;
    request.header = header_of(a);
    request.unit = *unit;
    request.calibration_root = a.calibrations;
    request.pdf_path = a.pdf;
    const report::ReportOutcome outcome = report::write_report(*stored.db, request, *printed);
    if (!outcome.ok()) cli_history::fail("report", outcome.error);
    std::cerr << "wrote " << a.pdf << ": visit of " << outcome.date << ", " << outcome.sessions
              << (outcome.sessions == 1 ? " session, " : " sessions, ") << outcome.pages
              << (outcome.pages == 1 ? " page" : " pages") << ", printed " << outcome.printed
              << "\n";
}

} // namespace

void register_report_command(CLI::App& app) {
    auto a = std::make_shared<ReportArgs>();
    CLI::App* cmd = app.add_subcommand(
        "report", "A visit's report (every session of one day) as a PDF (A4) to hand over");
    cli_study::add_study_options(cmd, a->study);
    cmd->add_option("--subject", a->subject, "Subject code")->required();
    CLI::Option* date = cmd->add_option(
        "--date", a->date,
        "The visit's day, YYYY-MM-DD in the clinic's local time (default: the day of --session)");
    cmd->add_option("--session", a->session,
                    "A session of the visit (default: the subject's newest)")
        ->excludes(date)
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
    cmd->add_option("--printed-at", a->printed_at,
                    "The printed time, ISO 8601 UTC (default: now): prints a report again as it "
                    "was");
    cmd->callback([a, clinic, therapist] {
        a->clinic_given = clinic->count() > 0;
        a->therapist_given = therapist->count() > 0;
        run_report(*a);
    });
}
