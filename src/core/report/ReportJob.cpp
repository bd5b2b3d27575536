#include "algocore/report/ReportJob.h"

#include "algocore/calibration/CalibrationStore.h"
#include "algocore/history/SubjectHistory.h"
#include "algocore/report/SessionReportPdf.h"

namespace algocore::report {

ReportOutcome write_report(storage::Storage& storage, const ReportRequest& request,
                           EpochSeconds now) {
    ReportOutcome out;
    const auto records = storage.history_of(request.subject_code);
    if (!records) {
        out.error = "no subject with the code " + request.subject_code;
        return out;
    }
    const auto history = history::SubjectHistory::build(*records);
    const history::SessionEntry* session = request.session_id == storage::kNoRecord
                                               ? history.latest_session()
                                               : history.session(request.session_id);
    if (!session) {
        out.error = request.session_id == storage::kNoRecord
                        ? "subject " + request.subject_code + " has no sessions"
                        : "subject " + request.subject_code + " has no session " +
                              std::to_string(request.session_id);
        return out;
    }
    const std::string calibration =
        request.calibration_root.empty()
            ? std::string()
            : history::calibration_status_in(CalibrationStore(request.calibration_root),
                                             session->session);
    auto report = history::build_session_report(
        history, session->session.id, request.header,
        [&storage](storage::RecordId id) { return storage.hold_trace(id); }, calibration);
    report->printed = local_time(now);
    const PdfDocument pdf = render_session_report(*report, request.unit);
    out.title = session_report_title(*report);
    out.pages = pdf.page_count();
    out.printed = report->printed.readable();
    out.error = pdf.save(request.pdf_path, out.title);
    return out;
}

} // namespace algocore::report
