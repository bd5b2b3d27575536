#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "SessionFixture.h"
#include "algocore/storage/SiteLibrary.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore;
using namespace algocore::session;
using records::BodySide;

namespace {
Visit visit_of(const std::string& code, double probe_cm2 = 1.0) {
    Visit v;
    v.subject_code = code;
    v.operator_name = "Ada";
    v.operator_role = "researcher";
    v.probe_cm2 = probe_cm2;
    return v;
}
} // namespace

TEST(Recorder, AVisitThatRecordsNothingLeavesNoSubjectOrSessionBehind) {
    algotest::TempDir dir;
    const std::string path = dir.file("study.sqlite");
    {
        Workbench wb(sessiontest::fixed_clock());
        ASSERT_EQ(wb.open_database(path), "");
        ASSERT_EQ(wb.begin_visit(visit_of("S001")), "");
        const auto site = wb.storage()->find_site("upper_trapezius");
        ASSERT_TRUE(site);
        wb.thresholds().select_point(*site, BodySide::Left);
        sessiontest::settle(wb);
    }
    SQLite::Database db(path);
    EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM subjects").getInt(), 0);
    EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM sessions").getInt(), 0);
}

TEST(Recorder, RefusesAVisitWithoutASubjectOrWithAnImpossibleProbe) {
    Recorder recorder;
    EXPECT_EQ(recorder.begin_visit(visit_of("  ")), "enter a pseudonymous subject code");
    EXPECT_NE(recorder.begin_visit(visit_of("S001", 1e-300)).find("probe area"), std::string::npos);
    EXPECT_NE(recorder.begin_visit(visit_of("S\x1b[31m")).find("control characters"),
              std::string::npos);
    EXPECT_FALSE(recorder.visit());
}

// Recording asks the subject-code rule the report asks: "Р001" with a Cyrillic Р would be a
// second subject printed as P001.
TEST(Recorder, RefusesAVisitWhoseCodeHasALookAlikeLetterNamingIt) {
    Recorder recorder;
    EXPECT_EQ(recorder.begin_visit(visit_of("\u0420001")),
              "the subject code '\u0420001' has '\u0420' (U+0420), a Cyrillic letter that looks "
              "like the Latin 'P': type the Latin letter, so that no two codes print alike");
    EXPECT_FALSE(recorder.visit());
    EXPECT_EQ(recorder.begin_visit(visit_of("\u041f001")), ""); // П looks like no Latin letter
}

TEST(Recorder, ATrialCarriesTheVisitsProbeAreaAndTheCalibrationOfItsOwnSamples) {
    Recorder recorder;
    ASSERT_EQ(recorder.begin_visit(visit_of("S001", 0.5)), "");
    protocols::PptSeriesTrial trial;
    trial.number = 2;
    trial.counted = true;
    trial.rest_s = 31.5;
    trial.result.ppt_kpa = 412.0;
    trial.result.valid = true;
    trial.result.end = protocols::PptTrialEnd::Signalled;
    Sample s;
    s.calibration_id = 77;
    trial.trace = {s, s};
    const auto record =
        recorder.build_trial({9, BodySide::Right}, protocols::PptPreset::dfns(), trial, 4);
    EXPECT_DOUBLE_EQ(record.probe_cm2, 0.5);
    EXPECT_EQ(record.calibration_id, 77u);
    EXPECT_EQ(record.site_id, 9);
    EXPECT_EQ(record.side, BodySide::Right);
    EXPECT_EQ(record.index, 4);
    EXPECT_EQ(record.outcome, "signalled");
    EXPECT_EQ(record.preset, "dfns");
    EXPECT_DOUBLE_EQ(record.target_rate_kpa_s, 50.0);
    ASSERT_TRUE(record.rest_s);
    EXPECT_DOUBLE_EQ(*record.rest_s, 31.5);
}

TEST(Recorder, WithoutADatabaseNothingIsStoredAndItSaysWhy) {
    Recorder recorder;
    ASSERT_EQ(recorder.begin_visit(visit_of("S001")), "");
    protocols::PptSeriesTrial trial;
    const auto written =
        recorder.record_trial({1, BodySide::Left}, protocols::PptPreset::dfns(), trial, 1);
    EXPECT_EQ(written.id, records::kNoRecord);
    EXPECT_EQ(recorder.last_problem(), "no database is open, so the trial was not stored");
}

// A command that records alone (`findings set`) joins the subject's visit of today: the newest
// session begun on today's local day, by the visit's operator when it names one. Yesterday's
// session, another operator's and another subject's are not joined.
TEST(Recorder, JoinsTheSubjectsNewestSessionOfTodayByTheVisitsOperator) {
    algotest::TempDir dir;
    auto opened = storage::SqliteStorage::open(dir.file("study.sqlite"));
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    const auto open = [&db](const std::string& code, const std::string& who,
                            const std::string& when) {
        records::SessionOpening o;
        o.subject.code = code;
        o.session.started_utc = when;
        o.session.device_serial = "ALG-7";
        o.by = records::Operator{records::kNoRecord, who, "therapist"};
        return db.open_session(o).id;
    };
    // Around noon UTC, so each is on the same local day in any zone from UTC-11 to UTC+11.
    open("S1", "Ada", "2026-12-05T12:00:00Z");
    open("S1", "Ada", "2026-12-06T11:00:00Z");
    const auto adas = open("S1", "Ada", "2026-12-06T11:30:00Z");
    const auto beas = open("S1", "Bea", "2026-12-06T11:45:00Z");
    open("S2", "Ada", "2026-12-06T11:50:00Z");
    ASSERT_TRUE(db.flush(std::chrono::seconds(30)));
    std::string now = "2026-12-06T12:00:00Z";
    Recorder recorder(&db, [&now] { return now; });

    ASSERT_EQ(recorder.begin_visit(visit_of("S1")), ""); // by Ada
    EXPECT_TRUE(recorder.join_todays_session());
    EXPECT_EQ(recorder.session_id(), adas);
    const auto stored = recorder.record_findings({1, BodySide::Left}, {});
    ASSERT_NE(stored.ticket, 0u) << recorder.last_problem();
    ASSERT_TRUE(db.flush(std::chrono::seconds(30)));
    ASSERT_EQ(db.findings_of(adas).size(), 1u);
    EXPECT_EQ(db.findings_of(adas)[0].id, stored.id);

    Visit bea = visit_of("S1");
    bea.operator_name = "Bea";
    ASSERT_EQ(recorder.begin_visit(bea), "");
    EXPECT_TRUE(recorder.join_todays_session());
    EXPECT_EQ(recorder.session_id(), beas);
    Visit nobody = visit_of("S1");
    nobody.operator_name.clear();
    ASSERT_EQ(recorder.begin_visit(nobody), "");
    EXPECT_TRUE(recorder.join_todays_session());
    EXPECT_EQ(recorder.session_id(), beas); // the newest of the day, whoever measured

    Visit cy = visit_of("S1");
    cy.operator_name = "Cy"; // nobody of that name measured S1 today
    ASSERT_EQ(recorder.begin_visit(cy), "");
    EXPECT_FALSE(recorder.join_todays_session());
    EXPECT_EQ(recorder.session_id(), records::kNoRecord);
    ASSERT_EQ(recorder.begin_visit(visit_of("S3")), ""); // never seen
    EXPECT_FALSE(recorder.join_todays_session());
    now = "2026-12-07T12:00:00Z"; // the next day: a new visit
    ASSERT_EQ(recorder.begin_visit(visit_of("S1")), "");
    EXPECT_FALSE(recorder.join_todays_session());
    EXPECT_EQ(recorder.session_id(), records::kNoRecord);
}
