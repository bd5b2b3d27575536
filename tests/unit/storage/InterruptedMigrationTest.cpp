// Migrating an older (schema 3) study must never lock it out. The reproducers of issue 19
// item 2: a SIGKILL at several moments of the migration, and a disk that fills during it. After
// either, the next open must recognise the file as ours, finish the migration and show every
// trial with its trace; an unmarked file some older Algoscope half-migrated opens too.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "TempDir.h"
#include "algocore/storage/SqliteStorage.h"
#include "algotest/OldDatabases.h"

using namespace algocore::storage;
using namespace std::chrono_literals;

namespace {

constexpr int kTrials = 200;
constexpr int kSamplesPerTrial = 2000;

// Opens path as the app does and checks the whole study is there, migrated.
void expect_whole_study(const std::string& path, int trials, int samples_per_trial) {
    auto opened = SqliteStorage::open(path);
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    const auto subject = db.find_subject("OLD-1");
    ASSERT_TRUE(subject);
    const auto sessions = db.sessions_of(subject->id);
    ASSERT_EQ(sessions.size(), 1u);
    const auto stored = db.trials_of(sessions[0].id);
    ASSERT_EQ(stored.size(), static_cast<std::size_t>(trials));
    for (const Trial& t : {stored.front(), stored.back()}) {
        const auto trace = db.trial_trace(t.id);
        ASSERT_TRUE(trace) << t.id;
        EXPECT_EQ(trace->samples.size(), static_cast<std::size_t>(samples_per_trial));
    }
    db.close();
    SQLite::Database check(path, SQLite::OPEN_READONLY);
    EXPECT_EQ(check.execAndGet("PRAGMA user_version").getInt(), kSchemaVersion);
    EXPECT_EQ(check.execAndGet("PRAGMA application_id").getInt(), kApplicationId);
}

// Opens (migrating) path in a child process and kills it after delay; true when the child was
// still running (the kill interrupted something).
bool kill_while_opening(const std::string& path, std::chrono::microseconds delay) {
    const pid_t child = ::fork();
    if (child == 0) {
        auto opened = SqliteStorage::open(path);
        ::_exit(opened.storage ? 0 : 3);
    }
    std::this_thread::sleep_for(delay);
    const bool running = ::waitpid(child, nullptr, WNOHANG) == 0;
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    return running;
}

std::chrono::microseconds time_to_migrate(const std::string& path) {
    const auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(SqliteStorage::open(path).storage);
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                                 start);
}

} // namespace

TEST(InterruptedMigration, AKilledMigrationLeavesAFileThatStillOpensWithEveryTrial) {
    algotest::TempDir dir;
    const std::string old = dir.file("version3.sqlite");
    algotest::write_version3_database(old, kTrials, kSamplesPerTrial);
    // Where in the migration the kills land: fractions of one uninterrupted run.
    const std::string measured = dir.file("measured.sqlite");
    std::filesystem::copy_file(old, measured);
    const auto whole = time_to_migrate(measured);
    int interrupted = 0;
    for (const double fraction : {0.1, 0.3, 0.5, 0.7, 0.9}) {
        const std::string path = dir.file("killed-" + std::to_string(fraction) + ".sqlite");
        std::filesystem::copy_file(old, path);
        if (kill_while_opening(path, std::chrono::microseconds(static_cast<long long>(
                                         fraction * static_cast<double>(whole.count())))))
            ++interrupted;
        SCOPED_TRACE("killed at " + std::to_string(fraction) + " of the migration");
        expect_whole_study(path, kTrials, kSamplesPerTrial);
    }
    EXPECT_GE(interrupted, 3); // the kills did land inside the migration
}

TEST(InterruptedMigration, ADiskThatFillsDuringTheMigrationLeavesAFileThatStillOpens) {
    algotest::TempDir dir;
    const std::string old = dir.file("version3.sqlite");
    algotest::write_version3_database(old, 40, 300);
    std::int64_t pages = 0;
    {
        SQLite::Database db(old, SQLite::OPEN_READONLY);
        pages = db.execAndGet("PRAGMA page_count").getInt64();
    }
    // Every size between "nothing fits" and "it all fits": the migration fails somewhere in
    // each step, and every time the file opens afterwards.
    int refused = 0;
    for (std::int64_t room = 1;; ++room) {
        ASSERT_LT(room, 400) << "the migration never fitted";
        const std::string path = dir.file("full-" + std::to_string(room) + ".sqlite");
        std::filesystem::copy_file(old, path);
        SqliteOptions full;
        full.max_page_count = static_cast<std::uint64_t>(pages + room);
        auto opened = SqliteStorage::open(path, full);
        const bool migrated = opened.storage != nullptr;
        if (!migrated && opened.error.find("left as it was, still version 3") != std::string::npos)
            ++refused;
        opened.storage.reset();
        SCOPED_TRACE("room for " + std::to_string(room) + " more pages");
        expect_whole_study(path, 40, 300);
        if (migrated) break;
    }
    EXPECT_GT(refused, 3);
}

TEST(InterruptedMigration, AFileAnOlderAlgoscopeLeftHalfMigratedAndUnmarkedIsRecognised) {
    algotest::TempDir dir;
    const std::string path = dir.file("half.sqlite");
    algotest::write_version3_database(path, 5, 100);
    {
        // What an older migration (each step committed on its own, the mark last) left when
        // it was stopped after its last step: the current version, no mark yet.
        auto opened = SqliteStorage::open(path);
        ASSERT_TRUE(opened.storage) << opened.error;
    }
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA application_id = 0");
    }
    expect_whole_study(path, 5, 100);
}
