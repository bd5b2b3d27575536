// Which reaction time a session's thresholds are adjusted with: the subject's latest complete
// test at or before that session, never a later one, never an incomplete one, never another
// subject's.
#include <gtest/gtest.h>

#include "algocore/history/SessionReactionTime.h"

using namespace algocore;
using records::ReactionTest;
using records::Session;

namespace {

Session session(records::RecordId id, records::RecordId subject, const char* started) {
    Session s;
    s.id = id;
    s.subject_id = subject;
    s.started_utc = started;
    return s;
}

ReactionTest test(records::RecordId id, records::RecordId session_id, double median_ms,
                  bool complete = true) {
    ReactionTest t;
    t.id = id;
    t.session_id = session_id;
    t.median_ms = median_ms;
    t.complete = complete;
    return t;
}

const std::vector<Session> kSessions = {
    session(1, 7, "2026-11-01T09:00:00Z"), session(2, 7, "2026-11-08T09:00:00Z"),
    session(3, 7, "2026-11-15T09:00:00Z"), session(4, 8, "2026-11-20T09:00:00Z")};

} // namespace

TEST(SessionReactionTime, ASessionUsesItsOwnTestOrTheLatestEarlierOne) {
    const std::vector<ReactionTest> tests = {test(1, 1, 240.0), test(2, 2, 260.0)};
    EXPECT_EQ(history::reaction_ms_for(tests, kSessions, 1), 240.0);
    EXPECT_EQ(history::reaction_ms_for(tests, kSessions, 2), 260.0);
    EXPECT_EQ(history::reaction_ms_for(tests, kSessions, 3), 260.0);
}

TEST(SessionReactionTime, ALaterTestIsNeverUsedForAnEarlierSession) {
    const std::vector<ReactionTest> tests = {test(1, 2, 260.0)};
    EXPECT_FALSE(history::reaction_ms_for(tests, kSessions, 1));
}

TEST(SessionReactionTime, IncompleteTestsAndOtherSubjectsTestsAreNotUsed) {
    const std::vector<ReactionTest> tests = {test(1, 1, 240.0), test(2, 2, 300.0, false),
                                             test(3, 4, 200.0)};
    EXPECT_EQ(history::reaction_ms_for(tests, kSessions, 2), 240.0);
    EXPECT_EQ(history::reaction_ms_for(tests, kSessions, 4), 200.0);
}

TEST(SessionReactionTime, ASessionBeingRecordedNowUsesTheLatestOfAll) {
    const std::vector<ReactionTest> tests = {test(1, 1, 240.0), test(2, 2, 250.0),
                                             test(3, 2, 255.0)};
    EXPECT_EQ(history::reaction_ms_for(tests, kSessions, records::kNoRecord), 255.0);
    EXPECT_FALSE(history::reaction_ms_for({}, kSessions, records::kNoRecord));
}
