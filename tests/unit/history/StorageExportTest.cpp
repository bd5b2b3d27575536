// The one export workflow the CLI and both GUI pages run: it takes only what the filter
// selects, writes owner-only files, counts what it wrote, and says when it fails.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "StorageFixture.h"
#include "TempDir.h"
#include "algocore/export/StorageExport.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore;
using namespace std::chrono_literals;

namespace {

// A1 with two trials in one session, B2 with one trial: every trial with a trace.
std::unique_ptr<storage::SqliteStorage> two_subjects(algotest::TempDir& dir) {
    auto opened = storage::SqliteStorage::open(dir.file("study.sqlite"));
    EXPECT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    const records::RecordId site = db.find_site("masseter")->id;
    const auto session = [&](const std::string& code) {
        records::SessionOpening o;
        o.subject.code = code;
        o.session.started_utc = "2026-11-02T10:00:00Z";
        return db.open_session(o).id;
    };
    const auto a1 = session("A1");
    const auto b2 = session("B2");
    const auto trace = algotest::ramp_trace(200, 50.0, 1.0);
    db.record_trial(algotest::trial_at(a1, site, records::BodySide::Left, 1, 300.0), trace);
    db.record_trial(algotest::trial_at(a1, site, records::BodySide::Left, 2, 310.0), trace);
    db.record_trial(algotest::trial_at(b2, site, records::BodySide::Left, 1, 200.0), trace);
    EXPECT_TRUE(db.flush(30s));
    return std::move(opened.storage);
}

} // namespace

TEST(StorageExport, JsonTakesOnlyTheChosenSubjectInAnOwnerOnlyFile) {
    algotest::TempDir dir;
    auto db = two_subjects(dir);
    exporting::ExportRequest request;
    request.filter.subject_code = "A1";
    request.json = true;
    request.path = dir.file("a1.json");
    const exporting::ExportOutcome outcome = exporting::export_study(*db, request);
    ASSERT_TRUE(outcome.ok) << outcome.error;
    EXPECT_EQ(outcome.sessions, 1u);
    EXPECT_EQ(outcome.trials, 2u);
    EXPECT_EQ(outcome.files, 1u);
    EXPECT_EQ(outcome.summary(request.path),
              "Exported 1 session (2 trials, 0 holds) to " + request.path);
    std::ifstream in(request.path);
    const auto j = nlohmann::json::parse(in);
    ASSERT_EQ(j["subjects"].size(), 1u);
    EXPECT_EQ(j["subjects"][0]["code"], "A1");
    EXPECT_EQ(j["trials"].size(), 2u);
    struct stat st {};
    ASSERT_EQ(::stat(request.path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST(StorageExport, CsvOfEverythingCountsItsFiles) {
    algotest::TempDir dir;
    auto db = two_subjects(dir);
    exporting::ExportRequest request;
    request.path = dir.file("all");
    const exporting::ExportOutcome outcome = exporting::export_study(*db, request);
    ASSERT_TRUE(outcome.ok) << outcome.error;
    EXPECT_EQ(outcome.sessions, 2u);
    EXPECT_EQ(outcome.trials, 3u);
    // The tables and one trace file per trial.
    std::size_t traces = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.file("all/traces")))
        traces += entry.path().filename().string().rfind("trial_", 0) == 0 ? 1 : 0;
    EXPECT_EQ(traces, 3u);
    EXPECT_GE(outcome.files, 3u + 4u);
    EXPECT_TRUE(std::filesystem::exists(dir.file("all/trials.csv")));
}

TEST(StorageExport, AFileThatCannotBeMadeIsAFailureThatSaysWhy) {
    algotest::TempDir dir;
    auto db = two_subjects(dir);
    exporting::ExportRequest request;
    request.json = true;
    request.path = dir.file("no/such/folder/x.json");
    const exporting::ExportOutcome outcome = exporting::export_study(*db, request);
    EXPECT_FALSE(outcome.ok);
    EXPECT_NE(outcome.error.find("no/such/folder/x.json"), std::string::npos) << outcome.error;
    EXPECT_EQ(outcome.summary(request.path).rfind("Export failed: ", 0), 0u);
}

TEST(StorageExport, CsvCarriesEachSubjectsDetailsAndTraceFilesThatSortInIdOrder) {
    algotest::TempDir dir;
    auto opened = storage::SqliteStorage::open(dir.file("study.sqlite"));
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    records::SessionOpening o;
    o.subject.code = "A1";
    o.subject.sex = "female";
    o.subject.age_band = "30-39";
    o.subject.dominant_side = records::BodySide::Right;
    o.session.started_utc = "2026-11-02T10:00:00Z";
    const auto session = db.open_session(o).id;
    const records::RecordId site = db.find_site("masseter")->id;
    for (int i = 1; i <= 11; ++i)
        db.record_trial(algotest::trial_at(session, site, records::BodySide::Left, i, 300.0 + i),
                        algotest::ramp_trace(50, 50.0, 1.0));
    ASSERT_TRUE(db.flush(30s));
    exporting::ExportRequest request;
    request.path = dir.file("all");
    const exporting::ExportOutcome outcome = exporting::export_study(db, request);
    ASSERT_TRUE(outcome.ok) << outcome.error;
    std::ifstream in(dir.file("all/subjects.csv"));
    std::stringstream subjects;
    subjects << in.rdbuf();
    EXPECT_EQ(subjects.str(), "subject,sex,age_band,dominant_side\r\nA1,female,30-39,R\r\n");
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir.file("all/traces")))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    ASSERT_EQ(names.size(), 11u);
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string digits = std::to_string(i + 1);
        EXPECT_EQ(names[i], "trial_" + std::string(6 - digits.size(), '0') + digits + ".csv");
    }
}
