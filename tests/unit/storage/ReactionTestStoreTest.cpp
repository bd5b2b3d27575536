// Reaction-time tests stored with their session: every cue and press read back as written,
// the median and IQR with who gave the cue and its uncertainty, nothing ever deleted or
// changed, and a subject's history carries the tests of its sessions.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <chrono>

#include "TempDir.h"
#include "algocore/Uuid.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore::storage;

namespace {

ReactionTest host_test(RecordId session_id) {
    ReactionTest t;
    t.session_id = session_id;
    t.tested_utc = "2026-12-04T23:50:00Z";
    t.cue_source = "host";
    t.trials = 2;
    t.practice = 1;
    t.n = 2;
    t.median_ms = 262.5;
    t.iqr_ms = 12.5;
    t.anticipations = 1;
    t.misses = 1;
    t.complete = true;
    t.timing_uncertainty_ms = 60.0;
    t.timing_note = "host cue: the display's and the key's latency are not measured";
    t.cues = {
        {1, "practice", 2.0, 2.31, 310.0},    {2, "false_start", std::nullopt, 4.0, std::nullopt},
        {3, "anticipation", 6.0, 6.05, 50.0}, {4, "missed", 9.0, std::nullopt, std::nullopt},
        {5, "counted", 13.0, 13.25, 250.0},   {6, "counted", 16.0, 16.275, 275.0}};
    return t;
}

} // namespace

TEST(ReactionTestStore, ATestIsReadBackWithEveryCueAndPressAsItWasStored) {
    algotest::TempDir dir;
    auto opened = SqliteStorage::open(dir.file("rt.db"));
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    const auto subject = db.add_subject({0, "S-RT", {}, {}, {}, ""});
    Session session;
    session.subject_id = subject.id;
    const auto opened_session = db.begin_session(session);
    const auto stored = db.record_reaction_test(host_test(opened_session.id));
    ASSERT_NE(stored.id, kNoRecord);
    ASSERT_TRUE(db.wait_committed(stored.ticket, std::chrono::seconds(5)));

    const auto tests = db.reaction_tests_of(opened_session.id);
    ASSERT_EQ(tests.size(), 1u);
    const ReactionTest& t = tests[0];
    EXPECT_EQ(t.id, stored.id);
    EXPECT_EQ(t.cue_source, "host");
    EXPECT_EQ(t.tested_utc, "2026-12-04T23:50:00Z");
    EXPECT_EQ(t.trials, 2);
    EXPECT_EQ(t.practice, 1);
    EXPECT_EQ(t.n, 2);
    EXPECT_EQ(t.median_ms, 262.5);
    EXPECT_EQ(t.iqr_ms, 12.5);
    EXPECT_EQ(t.anticipations, 1);
    EXPECT_EQ(t.misses, 1);
    EXPECT_TRUE(t.complete);
    EXPECT_EQ(t.timing_uncertainty_ms, 60.0);
    EXPECT_EQ(t.timing_note, host_test(0).timing_note);
    ASSERT_EQ(t.cues.size(), 6u);
    EXPECT_EQ(t.cues[1].outcome, "false_start");
    EXPECT_FALSE(t.cues[1].cue_t_s);
    EXPECT_EQ(t.cues[1].press_t_s, 4.0);
    EXPECT_FALSE(t.cues[3].press_t_s);
    EXPECT_EQ(t.cues[5].number, 6);
    EXPECT_EQ(t.cues[5].reaction_ms, 275.0);
    // Every row has its own identity, made when the test was enqueued.
    EXPECT_EQ(t.uuid, stored.uuid);
    EXPECT_TRUE(algocore::is_uuid(t.uuid)) << t.uuid;
    for (const auto& cue : t.cues)
        EXPECT_TRUE(algocore::is_uuid(cue.uuid)) << cue.uuid;
    EXPECT_NE(t.cues[0].uuid, t.cues[1].uuid);
    EXPECT_TRUE(db.reaction_tests_of(opened_session.id + 1).empty());

    // The subject's history carries the test (without its cues) for the estimates.
    const auto history = db.history_of("S-RT");
    ASSERT_TRUE(history);
    ASSERT_EQ(history->reaction_tests.size(), 1u);
    EXPECT_EQ(history->reaction_tests[0].median_ms, 262.5);
    EXPECT_EQ(history->reaction_tests[0].session_id, opened_session.id);
    db.close();

    SQLite::Database check(dir.file("rt.db"), SQLite::OPEN_READWRITE);
    EXPECT_THROW(check.exec("DELETE FROM reaction_tests"), SQLite::Exception);
    EXPECT_THROW(check.exec("UPDATE reaction_tests SET median_ms = 1"), SQLite::Exception);
    EXPECT_THROW(check.exec("DELETE FROM reaction_cues"), SQLite::Exception);
    EXPECT_THROW(check.exec("UPDATE reaction_cues SET reaction_ms = 1"), SQLite::Exception);
}

TEST(ReactionTestStore, ATestOfAnUnknownCueSourceIsRefusedAlone) {
    algotest::TempDir dir;
    auto opened = SqliteStorage::open(dir.file("rt.db"));
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    const auto subject = db.add_subject({0, "S-RT", {}, {}, {}, ""});
    Session session;
    session.subject_id = subject.id;
    const auto opened_session = db.begin_session(session);
    ReactionTest bad = host_test(opened_session.id);
    bad.cue_source = "telepathy";
    const auto refused = db.record_reaction_test(bad);
    EXPECT_FALSE(db.wait_committed(refused.ticket, std::chrono::seconds(5)));
    const auto kept = db.record_reaction_test(host_test(opened_session.id));
    EXPECT_TRUE(db.wait_committed(kept.ticket, std::chrono::seconds(5)));
    EXPECT_EQ(db.reaction_tests_of(opened_session.id).size(), 1u);
}
