// Whose file it is, how sessions are opened, and reads that never block the caller.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "StorageFixture.h"
#include "TempDir.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore::storage;
using namespace std::chrono_literals;

namespace {

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

SessionOpening opening_for(const std::string& code, const std::string& operator_name) {
    SessionOpening o;
    o.subject.code = code;
    o.by = Operator{0, operator_name, "researcher"};
    o.session.device_serial = "SIM-00000001";
    o.session.probe_cm2 = 1.0;
    return o;
}

} // namespace

TEST(Ownership, SomeoneElsesDatabaseIsRefusedAndLeftByteForByteUnchanged) {
    algotest::TempDir dir;
    const std::string path = dir.file("other.sqlite");
    {
        SQLite::Database other(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);"
                   "INSERT INTO invoices VALUES (1, 99.5);");
    }
    const std::string before = file_bytes(path);
    const auto opened = SqliteStorage::open(path);
    EXPECT_FALSE(opened.storage);
    EXPECT_NE(opened.error.find("is not an Algoscope database"), std::string::npos) << opened.error;
    EXPECT_NE(opened.error.find("invoices"), std::string::npos) << opened.error;
    EXPECT_EQ(file_bytes(path), before);
    EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
    // Read-only opening (export) refuses it too.
    SqliteOptions read_only;
    read_only.writable = false;
    EXPECT_FALSE(SqliteStorage::open(path, read_only).storage);
    EXPECT_EQ(file_bytes(path), before);
}

TEST(Ownership, ANewDatabaseIsMarkedAsOurs) {
    algotest::TempDir dir;
    const std::string path = dir.file("new.sqlite");
    { ASSERT_TRUE(SqliteStorage::open(path).storage); }
    SQLite::Database check(path);
    EXPECT_EQ(check.execAndGet("PRAGMA application_id").getInt(), kApplicationId);
}

TEST(Sessions, OpeningASessionFindsTheSubjectAndOperatorByNameOrAddsThem) {
    algotest::TempDir dir;
    auto opened = SqliteStorage::open(dir.file("db.sqlite"));
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    const RecordId first = db.open_session(opening_for("S001", "Ada")).id;
    const RecordId second = db.open_session(opening_for("S001", "Ada")).id;
    const RecordId third = db.open_session(opening_for("S002", "Bo")).id;
    ASSERT_TRUE(db.flush(5s));
    EXPECT_NE(first, second);
    ASSERT_EQ(db.subjects().size(), 2u);
    const auto s001 = db.find_subject("S001");
    ASSERT_TRUE(s001);
    const auto sessions = db.sessions_of(s001->id);
    ASSERT_EQ(sessions.size(), 2u);
    EXPECT_EQ(sessions[0].id, first);
    EXPECT_EQ(sessions[1].id, second);
    EXPECT_EQ(sessions[0].operator_id, db.find_operator("Ada")->id);
    EXPECT_EQ(sessions[0].device_serial, "SIM-00000001");
    EXPECT_EQ(db.sessions_of(db.find_subject("S002")->id).front().id, third);
    EXPECT_EQ(db.load_study().operators.size(), 2u);
}

TEST(Sessions, AReadAskedForIsDeliveredThroughTheInboxAfterEarlierWrites) {
    algotest::TempDir dir;
    auto opened = SqliteStorage::open(dir.file("db.sqlite"));
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    algocore::Inbox inbox;
    db.open_session(opening_for("S007", "Ada"));
    std::optional<Answer<std::vector<Subject>>> got;
    ask<std::vector<Subject>>(
        db, inbox, [](StorageReader& s) { return s.subjects(); },
        [&](Answer<std::vector<Subject>> a) { got = std::move(a); });
    EXPECT_FALSE(got); // nothing runs on the caller's thread until it delivers
    for (int i = 0; i < 200 && inbox.waiting() == 0; ++i)
        std::this_thread::sleep_for(5ms);
    EXPECT_EQ(inbox.deliver(), 1u);
    ASSERT_TRUE(got);
    ASSERT_TRUE(got->ok()) << got->error;
    ASSERT_EQ(got->value.size(), 1u);
    EXPECT_EQ(got->value[0].code, "S007");

    db.close();
    std::optional<Answer<std::vector<Subject>>> late;
    ask<std::vector<Subject>>(
        db, inbox, [](StorageReader& s) { return s.subjects(); },
        [&](Answer<std::vector<Subject>> a) { late = std::move(a); });
    inbox.deliver();
    ASSERT_TRUE(late);
    EXPECT_EQ(late->error, "the database is closed");
}

TEST(Sessions, ThresholdsOfASubjectAreTheLatestSessionsMeanPerPoint) {
    algotest::TempDir dir;
    auto opened = SqliteStorage::open(dir.file("db.sqlite"));
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    SessionOpening day1 = opening_for("S001", "Ada");
    day1.session.started_utc = "2026-11-01T09:00:00Z";
    SessionOpening day2 = opening_for("S001", "Ada");
    day2.session.started_utc = "2026-11-08T09:00:00Z";
    const RecordId s1 = db.open_session(day1).id;
    const RecordId s2 = db.open_session(day2).id;
    const RecordId site = db.find_site("upper_trapezius")->id;
    db.record_trial(algotest::trial_at(s1, site, BodySide::Left, 1, 300.0), {});
    db.record_trial(algotest::trial_at(s2, site, BodySide::Left, 1, 400.0), {});
    db.record_trial(algotest::trial_at(s2, site, BodySide::Left, 2, 420.0), {});
    db.record_trial(algotest::trial_at(s1, site, BodySide::Right, 1, 350.0), {});
    const auto points = db.thresholds_of("S001", TrialMeasure::Ppt);
    ASSERT_EQ(points.size(), 2u);
    EXPECT_EQ(points[0].side, BodySide::Left);
    EXPECT_EQ(points[0].session_id, s2);
    EXPECT_DOUBLE_EQ(points[0].mean_kpa, 410.0);
    EXPECT_EQ(points[1].side, BodySide::Right);
    EXPECT_DOUBLE_EQ(points[1].mean_kpa, 350.0);
    const auto previous =
        db.previous_threshold_of("S001", site, BodySide::Left, TrialMeasure::Ppt, s2);
    ASSERT_TRUE(previous);
    EXPECT_DOUBLE_EQ(previous->mean_kpa, 300.0);
    EXPECT_TRUE(db.thresholds_of("nobody", TrialMeasure::Ppt).empty());
}

TEST(Training, TemplatesPlansAndScoresRoundTripAndCountAttemptsPerPlan) {
    algotest::TempDir dir;
    auto opened = SqliteStorage::open(dir.file("db.sqlite"));
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    const RecordId teacher_session = db.open_session(opening_for("practice", "Teacher T")).id;
    ExpertTemplate expert;
    expert.session_id = teacher_session;
    expert.name = "Hold 300-400";
    expert.kind = "hold";
    expert.band_low_kpa = 300.0;
    expert.band_high_kpa = 400.0;
    expert.duration_s = 0.5;
    const RecordId template_id =
        db.record_template(expert, algotest::ramp_trace(500, 50.0, 1.0)).id;
    SessionOpening student = opening_for("practice", "Student Bo");
    student.by->role = "student";
    const RecordId student_session = db.open_session(student).id;
    TrainingPlan plan;
    plan.session_id = student_session;
    plan.template_id = template_id;
    plan.schedule = R"({"stages":[{"level":"full","attempts":2}]})";
    const RecordId plan_id = db.record_training_plan(plan).id;
    TrainingScore score;
    score.session_id = student_session;
    score.exercise = expert.name;
    score.feedback = "full";
    score.template_id = template_id;
    score.plan_id = plan_id;
    score.attempt = 1;
    score.samples_compared = 480;
    score.constant_error_kpa = 12.5;
    db.record_training_score(score);
    ASSERT_TRUE(db.flush(5s));

    const auto templates = db.templates();
    ASSERT_EQ(templates.size(), 1u);
    EXPECT_EQ(templates[0].name, "Hold 300-400");
    EXPECT_EQ(templates[0].band_high_kpa, 400.0);
    const auto trace = db.template_trace(template_id);
    ASSERT_TRUE(trace);
    EXPECT_EQ(trace->samples.size(), 500u);
    const auto progress = db.latest_plan("Student Bo");
    ASSERT_TRUE(progress);
    EXPECT_EQ(progress->plan.id, plan_id);
    EXPECT_EQ(progress->attempts_done, 1);
    EXPECT_FALSE(db.latest_plan("Teacher T"));
    const auto scores = db.scores_of_student("Student Bo");
    ASSERT_EQ(scores.size(), 1u);
    EXPECT_EQ(scores[0].student_id, db.find_operator("Student Bo")->id); // from the session
    EXPECT_EQ(scores[0].attempt, 1);
    EXPECT_EQ(scores[0].samples_compared, 480);
    EXPECT_EQ(scores[0].plan_id, plan_id);
}
