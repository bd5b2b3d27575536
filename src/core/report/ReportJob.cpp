#include "algocore/report/ReportJob.h"

#include "algocore/calibration/CalibrationStore.h"
#include "algocore/history/SubjectHistory.h"
#include "algocore/report/ReportFont.h"
#include "algocore/report/SessionReportPdf.h"

namespace algocore::report {

namespace {
bool is_day(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return false;
    return true;
}
} // namespace

std::string unprintable_code_problem(const std::string& subject_code) {
    const std::vector<char32_t> bad = undrawable_characters(subject_code);
    if (bad.empty()) return {};
    std::string which;
    for (std::size_t i = 0; i < bad.size(); ++i) {
        const bool visible = bad[i] >= 0x20 && !(bad[i] >= 0x7F && bad[i] <= 0x9F);
        which += (i == 0                ? ""
                  : i + 1 == bad.size() ? " and "
                                        : ", ") +
                 (visible ? "'" + utf8_of(bad[i]) + "' " : std::string()) + "(" +
                 code_point_name(bad[i]) + ")";
    }
    // The code as written, but a control character (an older row) as its name, so the
    // message cannot take over the terminal that shows it.
    std::string shown;
    for (const char ch : subject_code) {
        const auto byte = static_cast<unsigned char>(ch);
        shown +=
            byte < 0x20 || byte == 0x7F ? "<" + code_point_name(byte) + ">" : std::string(1, ch);
    }
    return "the subject code '" + shown + "' has " + which + ", which the report's font (" +
           kReportFontName + ") cannot draw" +
           " (it draws Latin, Greek and Cyrillic, left to right): the code would print as a "
           "replacement mark, alike for other codes. No report was written.";
}

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
        calibration = [store =
                           CalibrationStore(request.calibration_root)](const records::Session& s) {
            return history::calibration_status_in(store, s);
        };
    auto report = history::build_visit_report(
        history, day, request.header,
        [&storage](records::RecordId id) { return storage.hold_trace(id); }, calibration);
    if (!report) {
        out.error = "subject " + request.subject_code + " has no session on " + day +
                    " (the clinic's local time, " + local_time(now).zone_named() + ")";
        return out;
    }
    // A code the font cannot draw would print as the replacement mark, alike for every code
    // that differs only there (two codes, one page): refused, naming the character.
    if (const std::string unprintable = unprintable_code_problem(report->subject_code);
        !unprintable.empty()) {
        out.error = unprintable;
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
