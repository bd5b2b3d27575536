// Issue 18 item 9: subject codes are one without regard to case. Typing "p001" finds P001
// (its thresholds, its history), a session opened for "p001" is P001's, and a new subject
// "p001" beside P001 is refused. A file that already holds both spellings (made before the
// rule) opens unchanged and each exact spelling still finds its own subject.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "StorageFixture.h"
#include "TempDir.h"
#include "algocore/storage/NameRule.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore::storage;
using namespace std::chrono_literals;

namespace {

SessionOpening opening_for(const std::string& code) {
    SessionOpening o;
    o.subject.code = code;
    o.by = Operator{0, "Ada", "therapist"};
    o.session.started_utc = "2026-12-01T10:00:00Z";
    o.session.probe_cm2 = 1.0;
    return o;
}

} // namespace

TEST(SubjectCodes, AnotherCaseFindsTheSubjectAndItsThresholdsAndOpensItsSession) {
    algotest::TempDir dir;
    auto opened = SqliteStorage::open(dir.file("db.sqlite"));
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    const RecordId first = db.open_session(opening_for("P001")).id;
    const RecordId site = db.find_site("upper_trapezius")->id;
    for (int i = 1; i <= 3; ++i)
        db.record_trial(algotest::trial_at(first, site, BodySide::Left, i, 340.0 + 10 * i),
                        algotest::ramp_trace(20, 50.0, 1.0));
    const RecordId second = db.open_session(opening_for("p001")).id;
    ASSERT_TRUE(db.flush(5s));

    const auto found = db.find_subject("p001");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->code, "P001");
    ASSERT_EQ(db.subjects().size(), 1u);
    const auto sessions = db.sessions_of(found->id);
    ASSERT_EQ(sessions.size(), 2u);
    EXPECT_EQ(sessions[1].id, second);
    const auto thresholds = db.thresholds_of("p001", TrialMeasure::Ppt);
    ASSERT_EQ(thresholds.size(), 1u);
    EXPECT_NEAR(thresholds[0].mean_kpa, 360.0, 1e-9);
    const auto history = db.history_of("P001");
    ASSERT_TRUE(history);
    EXPECT_EQ(history->trials.size(), 3u);
    ASSERT_TRUE(db.history_of("p001"));
    EXPECT_EQ(db.history_of("p001")->subject.id, found->id);

    // A new subject spelled "p001" is refused, naming the stored spelling.
    Subject twin;
    twin.code = "p001";
    const auto ticket = db.add_subject(twin).ticket;
    EXPECT_FALSE(db.wait_committed(ticket, 5s));
    EXPECT_NE(db.status().last_rejection.find("'P001'"), std::string::npos)
        << db.status().last_rejection;
    EXPECT_EQ(db.subjects().size(), 1u);
}

TEST(SubjectCodes, AFileHoldingBothSpellingsOpensAndEachSpellingFindsItsOwn) {
    algotest::TempDir dir;
    const std::string path = dir.file("db.sqlite");
    { ASSERT_TRUE(SqliteStorage::open(path).storage); }
    {
        // Two spellings, as a file made before codes were one without regard to case holds.
        SQLite::Database raw(path, SQLite::OPEN_READWRITE);
        raw.exec("INSERT INTO subjects (code, notes, uuid) VALUES "
                 "('S07', '', '0190a000-0000-7000-8000-000000000001'), "
                 "('s07', '', '0190a000-0000-7000-8000-000000000002')");
    }
    auto opened = SqliteStorage::open(path);
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    EXPECT_EQ(db.subjects().size(), 2u);
    const auto upper = db.find_subject("S07");
    const auto lower = db.find_subject("s07");
    ASSERT_TRUE(upper);
    ASSERT_TRUE(lower);
    EXPECT_EQ(upper->code, "S07");
    EXPECT_EQ(lower->code, "s07");
    EXPECT_NE(upper->id, lower->id);
    EXPECT_TRUE(same_subject_code("S07", "s07"));
    EXPECT_FALSE(same_subject_code("S07", "S7"));
}
