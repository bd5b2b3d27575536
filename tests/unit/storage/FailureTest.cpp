// A full disk and a read-only database: the user gets a clear status, records stay in
// memory and are written once the problem is gone.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "StorageFixture.h"
#include "TempDir.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore::storage;
using namespace std::chrono_literals;

TEST(DiskFull, RecordsWaitInMemoryAndAreWrittenWhenSpaceReturns) {
    algotest::TempDir dir;
    SqliteOptions options;
    options.retry_interval = 20ms;
    auto opened = SqliteStorage::open(dir.file("full.db"), options);
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    const RecordId subject = db.add_subject({0, "S9", {}, {}, {}, ""}).id;
    Session s;
    s.subject_id = subject;
    const RecordId session = db.begin_session(s).id;
    const RecordId site = db.find_site("masseter")->id;
    ASSERT_TRUE(db.flush(5s));

    // Cap the file just above its current size: the next traces cannot fit.
    db.set_max_page_count(1); // below the current size: SQLite caps at the current size
    const auto trace = algotest::ramp_trace(2000, 50.0, 1.0); // 60 kB each
    WriteTicket last = 0;
    for (int i = 1; i <= 5; ++i) {
        last =
            db.record_trial(algotest::trial_at(session, site, BodySide::Left, i, 100.0 * i), trace)
                .ticket;
    }
    EXPECT_FALSE(db.wait_committed(last, 300ms));
    const auto full = db.status();
    EXPECT_EQ(full.state, StorageState::DiskFull);
    EXPECT_NE(full.message.find("disk full"), std::string::npos) << full.message;
    EXPECT_NE(full.message.find("kept in memory"), std::string::npos) << full.message;
    EXPECT_EQ(full.pending_writes, 5u);
    const auto events = db.take_events();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back().state, StorageState::DiskFull);

    db.set_max_page_count(0); // space is back
    ASSERT_TRUE(db.wait_committed(last, 5s));
    EXPECT_EQ(db.status().state, StorageState::Ok);
    EXPECT_EQ(db.status().pending_writes, 0u);
    const auto trials = db.trials_of(session);
    ASSERT_EQ(trials.size(), 5u);
    EXPECT_EQ(trials[4].ppt_kpa, 500.0);
    EXPECT_EQ(db.trial_trace(trials[4].id)->samples.size(), 2000u);
}

TEST(DiskFull, CloseReportsRecordsThatCouldNotBeWritten) {
    algotest::TempDir dir;
    SqliteOptions options;
    options.retry_interval = 20ms;
    auto opened = SqliteStorage::open(dir.file("full.db"), options);
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    ASSERT_TRUE(db.flush(5s));
    db.set_max_page_count(1);
    Subject big;
    big.code = "S-big";
    big.notes = std::string(200000, 'x');
    db.add_subject(big);
    EXPECT_EQ(db.close(100ms), 1u);
}

namespace {
// Runs body in a child process and returns its exit code (0 = all expectations held).
template <typename Body> int in_child(Body body) {
    const pid_t pid = fork();
    if (pid == 0) _exit(body());
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}
} // namespace

TEST(ReadOnly, ReadOnlyDatabaseSaysSoAndKeepsRecords) {
    algotest::TempDir dir;
    const std::string path = dir.file("ro.db");
    { ASSERT_TRUE(SqliteStorage::open(path).storage); }
    // A file this process cannot write: drop root (root ignores permission bits), else chmod.
    // The folder stays writable (SQLite needs its -wal/-shm files to read a WAL database).
    std::filesystem::permissions(dir.path(), std::filesystem::perms::all);
    std::filesystem::permissions(path, std::filesystem::perms::owner_read |
                                           std::filesystem::perms::group_read |
                                           std::filesystem::perms::others_read);
    const int code = in_child([&] {
        if (geteuid() == 0 && setuid(65534) != 0) return 10;
        SqliteOptions options;
        options.retry_interval = 20ms;
        auto opened = SqliteStorage::open(path, options);
        if (!opened.storage) {
            fprintf(stderr, "open: %s\n", opened.error.c_str());
            return 11;
        }
        auto& db = *opened.storage;
        db.add_subject({0, "S-ro", {}, {}, {}, ""});
        if (db.flush(200ms)) return 12;
        const auto status = db.status();
        fprintf(stderr, "status: %s\n", status.message.c_str());
        if (status.state != StorageState::ReadOnly) return 13;
        if (status.message.find("read-only") == std::string::npos) return 14;
        if (status.pending_writes != 1) return 15;
        if (db.close(50ms) != 1) return 16;
        return 0;
    });
    EXPECT_EQ(code, 0);
}

TEST(ReadOnly, AWalDatabaseOnReadOnlyMediaStillOpensForExport) {
    algotest::TempDir dir;
    const std::string path = dir.file("media.db");
    {
        auto opened = SqliteStorage::open(path);
        ASSERT_TRUE(opened.storage) << opened.error;
        opened.storage->add_subject({0, "S-media", {}, {}, {}, ""});
        ASSERT_TRUE(opened.storage->flush(5s));
    }
    // Read-only media: neither the file nor its folder can be written, so SQLite cannot
    // create the -shm file a WAL database needs ("unable to open database file" before).
    std::filesystem::permissions(path, std::filesystem::perms::owner_read |
                                           std::filesystem::perms::group_read |
                                           std::filesystem::perms::others_read);
    std::filesystem::permissions(
        dir.path(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
                        std::filesystem::perms::group_read | std::filesystem::perms::group_exec |
                        std::filesystem::perms::others_read | std::filesystem::perms::others_exec);
    const int code = in_child([&] {
        if (geteuid() == 0 && setuid(65534) != 0) return 10;
        SqliteOptions options;
        options.writable = false;
        auto opened = SqliteStorage::open(path, options);
        if (!opened.storage) {
            fprintf(stderr, "open: %s\n", opened.error.c_str());
            return 11;
        }
        const auto subjects = opened.storage->subjects();
        if (subjects.size() != 1 || subjects[0].code != "S-media") return 12;
        if (!opened.storage->read_note().empty()) return 13; // nothing was left in a -wal
        return 0;
    });
    std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all);
    EXPECT_EQ(code, 0);
}
