#include "algocore/report/ReportJob.h"

#include "algocore/calibration/CalibrationStore.h"
#include "algocore/history/SubjectHistory.h"
#include "algocore/report/SessionReportPdf.h"
#include "algocore/storage/NameRule.h"

namespace algocore::report {

namespace {
bool is_day(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return false;
    return true;
}
} // namespace

ReportOutcome write_report(storage::StorageReader& storage, const ReportRequest& request,
                           EpochSeconds now) {
    ReportOutcome out;
    if (!request.date.empty() && !is_day(request.date)) {
        out.error = "the visit's date must be YYYY-MM-DD, not '" + request.date + "'";
        return out;
    }
    const auto records = storage.history_of(request.subject_code);
    if (!records) {
        out.error = "no subject with the code " + request.subject_code;
        return out;
    }
    const auto history = history::SubjectHistory::build(*records);
    // The visit is the day asked for, else the day of the session asked for (or the newest).
    std::string day = request.date;
    if (day.empty()) {
        const history::SessionEntry* session = request.session_id == records::kNoRecord
                                                   ? history.latest_session()
                                                   : history.session(request.session_id);
        if (!session) {
            out.error = request.session_id == records::kNoRecord
                            ? "subject " + request.subject_code + " has no sessions"
                            : "subject " + request.subject_code + " has no session " +
                                  std::to_string(request.session_id);
            return out;
        }
        day = history::local_day_of(session->session);
    }
    history::CalibrationStatusOf calibration;
    if (!request.calibration_root.empty())
        calibration = [store = CalibrationStore(request.calibration_root)](
                          const history::DeviceInSession& device) {
            return history::calibration_status_in(store, device);
        };
    auto report = history::build_visit_report(
        history, day, request.header,
        [&storage](records::RecordId id) { return storage.hold_trace(id); }, calibration,
        [&storage](records::RecordId id) { return storage.audit_log("sessions", id); });
    if (!report) {
        out.error = "subject " + request.subject_code + " has no session on " + day +
                    " (the clinic's local time, " + local_time(now).zone_named() + ")";
        return out;
    }
    // The code rule recording asks: a code that would print as another (a look-alike letter)
    // or as a replacement mark is refused, naming the character.
    if (const std::string problem = storage::check_subject_code(report->subject_code);
        !problem.empty()) {
        out.error = problem + ". No report was written.";
        return out;
    }
    report->printed = local_time(now);
    const PdfDocument pdf = render_visit_report(*report, request.unit);
    out.title = visit_report_title(*report);
    out.date = day;
    out.sessions = static_cast<int>(report->sessions.size());
    out.pages = pdf.page_count();
    out.printed = report->printed.readable();
    out.error = pdf.save(request.pdf_path, out.title);
    return out;
}

} // namespace algocore::report
