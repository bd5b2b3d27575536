// Records that cannot be committed are never thrown away: closing a storage whose disk is
// full writes them to a rescue file, importing that file later commits them, a second import
// adds nothing, and records whose ids the database gave to others since are added with new
// ids (the import merges by identity: RescueMergeTest).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "StorageFixture.h"
#include "TempDir.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore::storage;
using namespace std::chrono_literals;

namespace {

struct FullDiskRun {
    std::string db_path;
    std::string rescue_path;
    std::size_t unwritten = 0;
    RecordId session = kNoRecord;
};

// A session is committed, then the disk fills and three trials (with traces) stay pending.
FullDiskRun record_on_a_full_disk(algotest::TempDir& dir, const std::string& name,
                                  double first_ppt_kpa) {
    FullDiskRun run;
    run.db_path = dir.file(name);
    SqliteOptions options;
    options.retry_interval = 20ms;
    options.rescue_folders = {dir.file("fallback")};
    auto opened = SqliteStorage::open(run.db_path, options);
    EXPECT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    Subject subject;
    subject.code = "S-rescue";
    const RecordId subject_id = db.add_subject(subject).id;
    Session s;
    s.subject_id = subject_id;
    s.started_utc = "2026-12-01T10:00:00Z";
    s.probe_cm2 = 1.0;
    run.session = db.begin_session(s).id;
    const RecordId site = db.find_site("masseter")->id;
    EXPECT_TRUE(db.flush(5s));
    db.set_max_page_count(1); // the disk is full from now on
    const auto trace = algotest::ramp_trace(2000, 50.0, 1.0);
    for (int i = 1; i <= 3; ++i) {
        Trial t =
            algotest::trial_at(run.session, site, BodySide::Left, i, first_ppt_kpa + 10.0 * i);
        // The first two were measured live (their session clock has a wall-clock anchor).
        if (i < 3) t.clock_zero_utc = "2026-12-01T09:59:58.125Z";
        db.record_trial(t, trace);
    }
    run.unwritten = db.close(200ms);
    run.rescue_path = db.rescue_path();
    return run;
}

} // namespace

TEST(Rescue, RecordsLeftOnAFullDiskAreWrittenToARescueFileAndImportedLater) {
    algotest::TempDir dir;
    const FullDiskRun run = record_on_a_full_disk(dir, "study.sqlite", 300.0);
    ASSERT_EQ(run.unwritten, 3u);
    ASSERT_FALSE(run.rescue_path.empty());
    EXPECT_EQ(std::filesystem::path(run.rescue_path).parent_path(),
              std::filesystem::path(run.db_path).parent_path()); // beside the database
    EXPECT_NE(run.rescue_path.find("study.rescue-"), std::string::npos) << run.rescue_path;
    // Owner-only, like the database itself.
    const auto perms = std::filesystem::status(run.rescue_path).permissions();
    EXPECT_EQ(perms & std::filesystem::perms::others_read, std::filesystem::perms::none);

    // Space is back: the import commits the three trials with their traces.
    auto opened = SqliteStorage::open(run.db_path);
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    ASSERT_TRUE(db.trials_of(run.session).empty());
    std::string summary;
    ASSERT_EQ(db.import_rescue(run.rescue_path, &summary), "");
    EXPECT_EQ(summary, "3 trials, 3 trial_traces");
    const auto trials = db.trials_of(run.session);
    ASSERT_EQ(trials.size(), 3u);
    EXPECT_EQ(trials[0].ppt_kpa, 310.0);
    EXPECT_EQ(trials[2].ppt_kpa, 330.0);
    EXPECT_EQ(db.trial_trace(trials[1].id)->samples.size(), 2000u);
    // Each trial's wall-clock anchor comes along, and a trial without one stays without.
    EXPECT_EQ(trials[0].clock_zero_utc, "2026-12-01T09:59:58.125Z");
    EXPECT_EQ(trials[1].clock_zero_utc, "2026-12-01T09:59:58.125Z");
    EXPECT_EQ(trials[2].clock_zero_utc, "");

    // Importing again adds nothing.
    ASSERT_EQ(db.import_rescue(run.rescue_path, &summary), "");
    EXPECT_EQ(summary, "nothing new");
    EXPECT_EQ(db.trials_of(run.session).size(), 3u);
}

TEST(Rescue, RecordsGivenIdsTheDatabaseUsedSinceAreAddedWithNewIds) {
    algotest::TempDir dir;
    const FullDiskRun run = record_on_a_full_disk(dir, "clash.sqlite", 300.0);
    ASSERT_FALSE(run.rescue_path.empty());
    // Meanwhile other trials were written to the database under the same ids.
    auto opened = SqliteStorage::open(run.db_path);
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    const RecordId site = db.find_site("upper_trapezius")->id;
    const auto trace = algotest::ramp_trace(100, 50.0, 1.0);
    for (int i = 1; i <= 3; ++i)
        db.record_trial(algotest::trial_at(run.session, site, BodySide::Right, i, 500.0), trace);
    ASSERT_TRUE(db.flush(5s));
    std::string summary;
    ASSERT_EQ(db.import_rescue(run.rescue_path, &summary), "");
    EXPECT_EQ(summary, "3 trials, 3 trial_traces"); // the session is the one already here
    const auto trials = db.trials_of(run.session);
    ASSERT_EQ(trials.size(), 6u);
    std::vector<double> ppts;
    for (const Trial& t : trials)
        ppts.push_back(t.ppt_kpa);
    std::sort(ppts.begin(), ppts.end());
    EXPECT_EQ(ppts, (std::vector<double>{310.0, 320.0, 330.0, 500.0, 500.0, 500.0}));
    for (const Trial& t : trials)
        EXPECT_EQ(db.trial_trace(t.id)->samples.size(), t.ppt_kpa == 500.0 ? 100u : 2000u);
}

TEST(Rescue, AFileThatIsNotARescueFileIsRefused) {
    algotest::TempDir dir;
    auto opened = SqliteStorage::open(dir.file("main.sqlite"));
    ASSERT_TRUE(opened.storage) << opened.error;
    { ASSERT_TRUE(SqliteStorage::open(dir.file("other.sqlite")).storage); }
    const std::string problem = opened.storage->import_rescue(dir.file("other.sqlite"));
    EXPECT_NE(problem.find("is not an Algoscope rescue file"), std::string::npos) << problem;
    EXPECT_NE(opened.storage->import_rescue(dir.file("missing.sqlite")).find("is not a file"),
              std::string::npos);
}
