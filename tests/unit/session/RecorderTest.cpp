#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "SessionFixture.h"
#include "algocore/storage/SiteLibrary.h"

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
