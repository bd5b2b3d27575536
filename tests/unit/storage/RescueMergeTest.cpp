// A rescue file is imported by identity, not by row id: its ids were handed out while the
// database could not be written, so the database gives the same ids to later records. The
// reproducer of issue 19 item 1: a PPT fills the disk and leaves a rescue (a new subject, a
// session and one trial of 415 kPa); the disk is freed, another subject (or the same one) is
// measured; the rescue must still import, twice adding nothing.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "StorageFixture.h"
#include "TempDir.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore::storage;
using namespace std::chrono_literals;

namespace {

// Opens a new database; the disk fills before the subject, its session and its trial of
// ppt_kpa are written, so closing leaves them in a rescue file. Returns its path.
std::string rescue_of_a_new_subject(algotest::TempDir& dir, const std::string& db_path,
                                    const std::string& code, double ppt_kpa) {
    SqliteOptions options;
    options.retry_interval = 20ms;
    options.rescue_folders = {dir.file("fallback")};
    auto opened = SqliteStorage::open(db_path, options);
    EXPECT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    const RecordId site = db.find_site("masseter")->id;
    EXPECT_TRUE(db.flush(5s));
    db.set_max_page_count(1); // the disk is full from now on
    Subject subject;
    subject.code = code;
    // Records that need new pages of the file (a quota of its current size refuses them, as a
    // full disk does), so none of them fits in the room left on existing pages.
    subject.notes = std::string(60000, 'n');
    Session session;
    session.notes = std::string(60000, 'n');
    session.subject_id = db.add_subject(subject).id;
    session.started_utc = "2026-12-01T10:00:00Z";
    const RecordId session_id = db.begin_session(session).id;
    db.record_trial(algotest::trial_at(session_id, site, BodySide::Left, 1, ppt_kpa),
                    algotest::noisy_trace(20000));
    EXPECT_EQ(db.close(200ms), 3u);
    return db.rescue_path();
}

// Records a subject with one session and one trial (the disk has room again).
void record_subject(SqliteStorage& db, const std::string& code, double ppt_kpa) {
    SessionOpening opening;
    opening.subject.code = code;
    opening.session.started_utc = "2026-12-02T09:00:00Z";
    const RecordId session_id = db.open_session(opening).id;
    db.record_trial(
        algotest::trial_at(session_id, db.find_site("masseter")->id, BodySide::Left, 1, ppt_kpa),
        algotest::ramp_trace(800, 50.0, 1.0));
    ASSERT_TRUE(db.flush(5s));
}

std::vector<double> ppts_of(SqliteStorage& db, const std::string& code) {
    std::vector<double> out;
    const auto subject = db.find_subject(code);
    if (!subject) return out;
    for (const Session& s : db.sessions_of(subject->id))
        for (const Trial& t : db.trials_of(s.id))
            out.push_back(t.ppt_kpa);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST(RescueMerge, ARescueStillImportsAfterAnotherSubjectWasRecorded) {
    algotest::TempDir dir;
    const std::string path = dir.file("study.sqlite");
    const std::string rescue = rescue_of_a_new_subject(dir, path, "S-01", 415.0);
    ASSERT_FALSE(rescue.empty());

    auto opened = SqliteStorage::open(path);
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    record_subject(db, "S-02", 300.0); // takes the ids the rescue's records were given

    std::string summary;
    ASSERT_EQ(db.import_rescue(rescue, &summary), "");
    EXPECT_EQ(summary, "1 subjects, 1 sessions, 1 trials, 1 trial_traces");
    EXPECT_EQ(ppts_of(db, "S-01"), std::vector<double>{415.0});
    EXPECT_EQ(ppts_of(db, "S-02"), std::vector<double>{300.0});
    const auto s01 = db.find_subject("S-01");
    const auto trials = db.trials_of(db.sessions_of(s01->id).at(0).id);
    ASSERT_EQ(trials.size(), 1u);
    EXPECT_EQ(db.trial_trace(trials[0].id)->samples.size(), 20000u);

    // Importing twice adds nothing.
    ASSERT_EQ(db.import_rescue(rescue, &summary), "");
    EXPECT_EQ(summary, "nothing new");
    EXPECT_EQ(db.subjects().size(), 2u);

    // Records made after the import get ids of their own (the import used the storage's
    // counters): a third subject is stored, nothing is refused.
    record_subject(db, "S-03", 280.0);
    EXPECT_EQ(ppts_of(db, "S-03"), std::vector<double>{280.0});
    EXPECT_EQ(ppts_of(db, "S-01"), std::vector<double>{415.0});
}

TEST(RescueMerge, TheSameSubjectMeasuredAgainIsOneSubjectWithBothSessions) {
    algotest::TempDir dir;
    const std::string path = dir.file("study.sqlite");
    const std::string rescue = rescue_of_a_new_subject(dir, path, "S-01", 415.0);
    ASSERT_FALSE(rescue.empty());

    auto opened = SqliteStorage::open(path);
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    record_subject(db, "S-01", 390.0); // stored as a new subject with the same code

    std::string summary;
    ASSERT_EQ(db.import_rescue(rescue, &summary), "");
    EXPECT_EQ(summary, "1 sessions, 1 trials, 1 trial_traces");
    ASSERT_EQ(db.subjects().size(), 1u);
    EXPECT_EQ(ppts_of(db, "S-01"), (std::vector<double>{390.0, 415.0}));
    EXPECT_EQ(db.sessions_of(db.find_subject("S-01")->id).size(), 2u);
}

TEST(RescueMerge, ADifferentRecordUnderTheSameIdentityIsRefusedAndNamed) {
    algotest::TempDir dir;
    const std::string path = dir.file("study.sqlite");
    const std::string rescue = rescue_of_a_new_subject(dir, path, "S-01", 415.0);
    ASSERT_FALSE(rescue.empty());
    auto opened = SqliteStorage::open(path);
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    ASSERT_EQ(db.import_rescue(rescue), "");

    // The rescue's trial now says 500 kPa under the uuid the database stores with 415.
    std::string uuid;
    {
        SQLite::Database file(rescue, SQLite::OPEN_READWRITE);
        file.exec("UPDATE trials SET ppt_kpa = 500");
        uuid = file.execAndGet("SELECT uuid FROM trials").getString();
    }
    const std::string problem = db.import_rescue(rescue);
    EXPECT_NE(problem.find("trials record " + uuid), std::string::npos) << problem;
    EXPECT_NE(problem.find("ppt_kpa"), std::string::npos) << problem;
    EXPECT_NE(problem.find("nothing was imported"), std::string::npos) << problem;
    EXPECT_EQ(ppts_of(db, "S-01"), std::vector<double>{415.0});
}

TEST(RescueMerge, ARescuedReactionTimeTestImportsWithItsCuesUnderTheDatabasesIds) {
    algotest::TempDir dir;
    const std::string path = dir.file("study.sqlite");
    std::string rescue;
    {
        SqliteOptions options;
        options.retry_interval = 20ms;
        options.rescue_folders = {dir.file("fallback")};
        auto opened = SqliteStorage::open(path, options);
        ASSERT_TRUE(opened.storage) << opened.error;
        auto& db = *opened.storage;
        ASSERT_TRUE(db.flush(5s));
        db.set_max_page_count(1); // the disk is full from now on
        Subject subject;
        subject.code = "S-01";
        subject.notes = std::string(60000, 'n');
        Session session;
        session.notes = std::string(60000, 'n');
        session.subject_id = db.add_subject(subject).id;
        session.started_utc = "2026-12-01T10:00:00Z";
        ReactionTest test;
        test.session_id = db.begin_session(session).id;
        test.tested_utc = "2026-12-01T10:02:00Z";
        test.cue_source = "device";
        test.trials = 2;
        test.n = 2;
        test.median_ms = 251.0;
        test.iqr_ms = 2.0;
        test.complete = true;
        test.timing_uncertainty_ms = 1.0;
        test.timing_note = std::string(60000, 't'); // needs pages of its own, as the rest
        test.cues = {{1, "counted", 2.0, 2.25, 250.0}, {2, "counted", 5.0, 5.252, 252.0}};
        db.record_reaction_test(test);
        EXPECT_EQ(db.close(200ms), 3u);
        rescue = db.rescue_path();
    }
    ASSERT_FALSE(rescue.empty());

    auto opened = SqliteStorage::open(path);
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    record_subject(db, "S-02", 300.0); // takes the ids the rescue's records were given

    std::string summary;
    ASSERT_EQ(db.import_rescue(rescue, &summary), "");
    EXPECT_EQ(summary, "1 subjects, 1 sessions, 1 reaction_tests, 2 reaction_cues");
    const auto s01 = db.find_subject("S-01");
    ASSERT_TRUE(s01);
    const auto tests = db.reaction_tests_of(db.sessions_of(s01->id).at(0).id);
    ASSERT_EQ(tests.size(), 1u);
    ASSERT_EQ(tests[0].cues.size(), 2u);
    EXPECT_DOUBLE_EQ(*tests[0].cues[1].reaction_ms, 252.0);
    EXPECT_DOUBLE_EQ(*tests[0].median_ms, 251.0);
    // S-02's session has no test: the cues were not attached to the id it took.
    const auto s02 = db.find_subject("S-02");
    EXPECT_TRUE(db.reaction_tests_of(db.sessions_of(s02->id).at(0).id).empty());

    ASSERT_EQ(db.import_rescue(rescue, &summary), "");
    EXPECT_EQ(summary, "nothing new");
}
