// The report job both front ends run: request in, PDF file out, printed in the clinic's local
// time with its zone named.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

#include "PdfText.h"
#include "StorageFixture.h"
#include "TempDir.h"
#include "algocore/report/ReportJob.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore;
using namespace std::chrono_literals;

namespace {

// The clinic's zone for one test, put back after it.
class ClinicZone {
public:
    explicit ClinicZone(const char* zone) {
        if (const char* was = std::getenv("TZ")) was_ = was;
        ::setenv("TZ", zone, 1);
        ::tzset();
    }
    ~ClinicZone() {
        if (was_.empty())
            ::unsetenv("TZ");
        else
            ::setenv("TZ", was_.c_str(), 1);
        ::tzset();
    }

private:
    std::string was_;
};

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST(ReportJob, WritesTheSessionPrintedInTheClinicsLocalTimeWithItsZoneNamed) {
    const ClinicZone berlin("Europe/Berlin");
    algotest::TempDir dir;
    auto opened = storage::SqliteStorage::open(dir.file("study.sqlite"));
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    records::SessionOpening o;
    o.subject.code = "S014";
    o.session.started_utc = "2026-11-23T09:05:00Z";
    const auto session = db.open_session(o).id;
    db.record_trial(algotest::trial_at(session, db.find_site("masseter")->id,
                                       records::BodySide::Left, 1, 412.5),
                    algotest::ramp_trace(200, 50.0, 1.0));
    ASSERT_TRUE(db.flush(30s));

    report::ReportRequest request;
    request.subject_code = "S014";
    request.header.clinic = "Clinic Nord";
    request.pdf_path = dir.file("visit.pdf");
    const auto printed = parse_utc_iso8601("2026-11-23T19:30:00Z");
    ASSERT_TRUE(printed);
    const report::ReportOutcome outcome = report::write_report(db, request, *printed);
    ASSERT_TRUE(outcome.ok()) << outcome.error;
    EXPECT_EQ(outcome.pages, 1);
    EXPECT_EQ(outcome.printed, "2026-11-23 20:30 CET (UTC+01:00)");
    EXPECT_EQ(outcome.title, "Visit report S014 2026-11-23");
    EXPECT_EQ(outcome.sessions, 1);
    const algotest::PdfText text(read_all(request.pdf_path));
    EXPECT_TRUE(text.has("Printed 2026-11-23 20:30 CET (UTC+01:00) by Algoscope. 1 page."))
        << text.all();
    // The session's start in the same local time, never a bare UTC.
    EXPECT_TRUE(text.contains("2026-11-23 10:05 CET (UTC+01:00)"));
    EXPECT_FALSE(text.contains(" UTC)"));
}

TEST(ReportJob, SaysWhatIsMissingAndWritesNothing) {
    algotest::TempDir dir;
    auto opened = storage::SqliteStorage::open(dir.file("study.sqlite"));
    ASSERT_TRUE(opened.storage) << opened.error;
    report::ReportRequest request;
    request.subject_code = "P404";
    request.pdf_path = dir.file("none.pdf");
    const report::ReportOutcome outcome = report::write_report(*opened.storage, request, 0);
    EXPECT_EQ(outcome.error, "no subject with the code P404");
    EXPECT_FALSE(std::ifstream(request.pdf_path).good());
}

TEST(ReportJob, AVisitIsEverySessionOfOneDayInTheClinicsLocalTime) {
    const ClinicZone berlin("Europe/Berlin");
    algotest::TempDir dir;
    auto opened = storage::SqliteStorage::open(dir.file("study.sqlite"));
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    const auto session_at = [&db](const std::string& utc) {
        records::SessionOpening o;
        o.subject.code = "S014";
        o.session.started_utc = utc;
        return db.open_session(o).id;
    };
    const auto evening = session_at("2026-11-23T17:00:00Z");        // 18:00 CET, the 23rd
    const auto late = session_at("2026-11-23T22:30:00Z");           // 23:30 CET, the 23rd
    const auto after_midnight = session_at("2026-11-23T23:30:00Z"); // 00:30 CET, the 24th
    for (const auto session : {evening, late, after_midnight})
        db.record_trial(algotest::trial_at(session, db.find_site("masseter")->id,
                                           records::BodySide::Left, 1, 400.0),
                        algotest::ramp_trace(200, 50.0, 1.0));
    ASSERT_TRUE(db.flush(30s));

    report::ReportRequest request;
    request.subject_code = "S014";
    request.date = "2026-11-23";
    request.pdf_path = dir.file("visit.pdf");
    const auto now = *parse_utc_iso8601("2026-11-24T08:00:00Z");
    report::ReportOutcome outcome = report::write_report(db, request, now);
    ASSERT_TRUE(outcome.ok()) << outcome.error;
    EXPECT_EQ(outcome.sessions, 2);
    const algotest::PdfText text(read_all(request.pdf_path));
    EXPECT_TRUE(text.contains("Session " + std::to_string(evening) + ", 2026-11-23 18:00 CET"));
    EXPECT_TRUE(text.contains("Session " + std::to_string(late) + ", 2026-11-23 23:30 CET"));
    EXPECT_FALSE(text.contains("Session " + std::to_string(after_midnight) + ","));

    // Without a date: the visit of the session asked for (the 24th in Berlin).
    request.date.clear();
    request.session_id = after_midnight;
    outcome = report::write_report(db, request, now);
    ASSERT_TRUE(outcome.ok()) << outcome.error;
    EXPECT_EQ(outcome.date, "2026-11-24");
    EXPECT_EQ(outcome.sessions, 1);

    request.date = "2026-11-25";
    EXPECT_EQ(report::write_report(db, request, now).error,
              "subject S014 has no session on 2026-11-25 (the clinic's local time, CET "
              "(UTC+01:00))");
    request.date = "23.11.2026";
    EXPECT_EQ(report::write_report(db, request, now).error,
              "the visit's date must be YYYY-MM-DD, not '23.11.2026'");
}
