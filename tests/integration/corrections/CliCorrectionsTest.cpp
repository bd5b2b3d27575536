// algoscope-cli trials exclude / reinstate and subjects set as a researcher scripts them: the
// trial stays stored and flagged, the point's threshold changes in `history`, the audit log
// keeps who, when and why; bad requests exit 2 and change nothing.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "CliRun.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore::storage;
using cli_run::cli;
using cli_run::cli_json;
using cli_run::CommandRun;

namespace {

std::filesystem::path scratch(const std::string& test) {
    return cli_run::scratch("algoscope-cli-corrections-" + test);
}

RawTrace ramp(double to_kpa) {
    RawTrace t;
    for (int i = 0; i < 400; ++i)
        t.samples.push_back({0.001 * i, 1000 + i, to_kpa * i / 4000.0, to_kpa * i / 400.0, 0, 0});
    return t;
}

// S1, female, one session: 300, 330, 360 kPa at the left trapezius (trial ids 1, 2, 3).
std::string make_db(const std::filesystem::path& dir) {
    const std::string path = (dir / "study.sqlite").string();
    auto opened = SqliteStorage::open(path);
    EXPECT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    const RecordId site = db.find_site("upper_trapezius")->id;
    SessionOpening o;
    o.subject.code = "S1";
    o.subject.sex = "female";
    o.session.started_utc = "2026-01-10T09:00:00Z";
    o.by = Operator{0, "Ann", "researcher"};
    const RecordId session = db.open_session(o).id;
    int k = 1;
    for (double v : {300.0, 330.0, 360.0}) {
        Trial t;
        t.session_id = session;
        t.site_id = site;
        t.index = k++;
        t.ppt_kpa = v;
        t.valid = t.counted = true;
        t.preset = "dfns";
        t.target_rate_kpa_s = 50;
        t.peak_kpa = v + 5;
        db.record_trial(t, ramp(v));
    }
    EXPECT_TRUE(db.flush(std::chrono::seconds(30)));
    return path;
}

nlohmann::json history(const std::string& db) {
    const CommandRun r = cli_json("history --db " + db + " --subject S1 --json");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return nlohmann::json::parse(r.out);
}

std::unique_ptr<SqliteStorage> open_read_only(const std::string& path) {
    SqliteOptions options;
    options.writable = false;
    auto opened = SqliteStorage::open(path, options);
    EXPECT_TRUE(opened.storage) << opened.error;
    return std::move(opened.storage);
}

} // namespace

TEST(CliCorrections, AnExcludedTrialIsKeptFlaggedAndLeavesThePointsThreshold) {
    const auto dir = scratch("exclude");
    const std::string db = make_db(dir);
    EXPECT_DOUBLE_EQ(history(db)["points"][0]["sessions"][0]["mean_kpa"].get<double>(), 330.0);

    const CommandRun r = cli_json("trials exclude --db " + db +
                                  " --trial 3 --reason 'patient moved' --by 'Dr. Ann'");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto line = nlohmann::json::parse(r.out);
    EXPECT_EQ(line["trial_id"], 3);
    EXPECT_EQ(line["excluded"], true);
    EXPECT_EQ(line["reason"], "patient moved");
    EXPECT_EQ(line["by"], "Dr. Ann");

    const auto visit = history(db)["points"][0]["sessions"][0];
    EXPECT_EQ(visit["n"], 2);
    EXPECT_DOUBLE_EQ(visit["mean_kpa"].get<double>(), 315.0);
    ASSERT_EQ(visit["trials"].size(), 3u);
    EXPECT_EQ(visit["trials"][2]["excluded_reason"], "patient moved");
    EXPECT_EQ(visit["trials"][2]["counted"], false);
    EXPECT_DOUBLE_EQ(visit["trials"][2]["ppt_kpa"].get<double>(), 360.0);

    auto store = open_read_only(db);
    const auto log = store->audit_log("trials", 3);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].who, "Dr. Ann");
    EXPECT_EQ(log[0].new_value, "patient moved");
    store.reset();

    // Counted again with a reason; both steps stay in the audit log.
    const CommandRun back =
        cli_json("trials reinstate --db " + db + " --trial 3 --reason 'video reviewed' --by Bo");
    ASSERT_EQ(back.exit_code, 0) << back.out;
    EXPECT_DOUBLE_EQ(history(db)["points"][0]["sessions"][0]["mean_kpa"].get<double>(), 330.0);
    EXPECT_EQ(open_read_only(db)->audit_log("trials", 3).size(), 2u);
}

TEST(CliCorrections, BadExclusionsExitTwoAndChangeNothing) {
    const auto dir = scratch("refused");
    const std::string db = make_db(dir);
    CommandRun r = cli("trials exclude --db " + db + " --trial 99 --reason 'patient moved'");
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.out.find("no trials record with id 99"), std::string::npos) << r.out;

    r = cli("trials exclude --db " + db + " --trial 2 --reason '  '");
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.out.find("give a reason"), std::string::npos) << r.out;

    r = cli("trials exclude --db " + db + " --trial 2");
    EXPECT_NE(r.exit_code, 0) << r.out; // a reason is required (CLI11's own exit code)
    EXPECT_NE(r.out.find("--reason"), std::string::npos) << r.out;

    ASSERT_EQ(cli("trials exclude --db " + db + " --trial 2 --reason 'examiner error'").exit_code,
              0);
    r = cli("trials exclude --db " + db + " --trial 2 --reason 'examiner error'");
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.out.find("already"), std::string::npos) << r.out;
    EXPECT_EQ(open_read_only(db)->audit_log("trials", 2).size(), 1u);

    const auto missing = (dir / "missing.sqlite").string();
    r = cli("trials exclude --db " + missing + " --trial 1 --reason x");
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.out.find("no database at"), std::string::npos) << r.out;
    EXPECT_FALSE(std::filesystem::exists(missing)); // never created by a correction
}

TEST(CliCorrections, SubjectDetailsAreCorrectedWithAnAuditRowPerDetail) {
    const auto dir = scratch("subjects");
    const std::string db = make_db(dir);
    const CommandRun r = cli_json("subjects set --db " + db +
                                  " S1 --sex male --age-band 40-49 --dominant-side R --by Ann");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto line = nlohmann::json::parse(r.out);
    EXPECT_EQ(line["sex"], "male");
    EXPECT_EQ(line["age_band"], "40-49");
    EXPECT_EQ(line["dominant_side"], "R");
    {
        auto store = open_read_only(db);
        const auto subject = store->find_subject("S1");
        ASSERT_TRUE(subject);
        EXPECT_EQ(subject->sex, "male");
        EXPECT_EQ(subject->age_band, "40-49");
        EXPECT_EQ(subject->dominant_side, BodySide::Right);
        const auto log = store->audit_log("subjects", subject->id);
        ASSERT_EQ(log.size(), 3u);
        EXPECT_EQ(log[0].old_value, "female");
    }
    // Only what is given changes; an empty value clears a detail.
    ASSERT_EQ(cli_json("subjects set --db " + db + " S1 --age-band ''").exit_code, 0);
    auto store = open_read_only(db);
    EXPECT_FALSE(store->find_subject("S1")->age_band);
    EXPECT_EQ(store->find_subject("S1")->sex, "male");
    store.reset();

    CommandRun bad = cli("subjects set --db " + db + " S1 --sex f");
    EXPECT_EQ(bad.exit_code, 2) << bad.out;
    EXPECT_NE(bad.out.find("female, male or other"), std::string::npos) << bad.out;
    bad = cli("subjects set --db " + db + " S9 --sex male");
    EXPECT_EQ(bad.exit_code, 2) << bad.out;
    EXPECT_NE(bad.out.find("no subject with the code"), std::string::npos) << bad.out;
    bad = cli("subjects set --db " + db + " S1");
    EXPECT_EQ(bad.exit_code, 2) << bad.out;
    bad = cli("subjects set --db " + db + " S1 --sex male");
    EXPECT_EQ(bad.exit_code, 2) << bad.out; // nothing to change
    EXPECT_NE(bad.out.find("already has these details"), std::string::npos) << bad.out;
}
