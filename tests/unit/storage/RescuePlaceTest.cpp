// Where a rescue file goes when neither the database's folder nor the user's data folder can
// take it (issue 19 item 3): a folder of this user's own in the temporary folder, made 0700,
// never a folder or a link another user prepared at the predictable name; the file is created
// exclusively at mode 0600; the message says the place is temporary. A rescue file carries
// only the rows its records need, and imports only into the database it was written for.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include "StorageFixture.h"
#include "TempDir.h"
#include "algocore/session/Workbench.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore::storage;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

// While alive, the temporary folder is `folder` (TMPDIR).
class TemporaryFolderAt {
public:
    explicit TemporaryFolderAt(const std::string& folder) {
        if (const char* old = std::getenv("TMPDIR")) before_ = old;
        fs::create_directories(folder);
        ::setenv("TMPDIR", folder.c_str(), 1);
    }
    ~TemporaryFolderAt() {
        if (before_)
            ::setenv("TMPDIR", before_->c_str(), 1);
        else
            ::unsetenv("TMPDIR");
    }

private:
    std::optional<std::string> before_;
};

struct Rescued {
    std::string path;
    std::string error;
    std::string db_path;
};

// A study of `subjects` subjects (with notes); the disk fills and one trial of the last
// subject stays unwritten. With only_temporary, the database's folder is gone when it closes
// and the user's data folder cannot be made, so only the temporary folder is left.
Rescued rescue_of_one_trial(algotest::TempDir& dir, int subjects, bool only_temporary) {
    Rescued out;
    fs::create_directories(dir.file("db"));
    out.db_path = dir.file("db/study.sqlite");
    std::ofstream(dir.file("not-a-folder")) << "x";
    SqliteOptions options;
    options.retry_interval = 20ms;
    options.rescue_folders = {dir.file("not-a-folder/rescue")};
    auto opened = SqliteStorage::open(out.db_path, options);
    EXPECT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    RecordId session = kNoRecord;
    for (int i = 1; i <= subjects; ++i) {
        SessionOpening o;
        o.subject.code = "S-" + std::to_string(i);
        o.subject.notes = std::string(200, 'n');
        session = db.open_session(o).id;
    }
    EXPECT_TRUE(db.flush(10s));
    db.set_max_page_count(1);
    db.record_trial(
        algotest::trial_at(session, db.find_site("masseter")->id, BodySide::Left, 1, 415.0),
        algotest::noisy_trace(20000));                  // needs new pages of the file: not written
    if (only_temporary) fs::remove_all(dir.file("db")); // the folder is gone (a pulled stick)
    EXPECT_EQ(db.close(200ms), 1u);
    out.path = db.rescue_path();
    out.error = db.rescue_error();
    return out;
}

std::string own_folder(const std::string& temp) {
    return temp + "/algoscope-rescue-uid" + std::to_string(::geteuid());
}

unsigned mode_of(const std::string& path) {
    struct stat st {};
    EXPECT_EQ(::lstat(path.c_str(), &st), 0) << path;
    return st.st_mode & 07777;
}

} // namespace

TEST(RescuePlace, TheTemporaryFallbackIsAPrivateFolderOfThisUserAndTheMessageSaysItIsTemporary) {
    algotest::TempDir dir;
    TemporaryFolderAt temp(dir.file("tmp"));
    const Rescued r = rescue_of_one_trial(dir, 3, true);
    ASSERT_FALSE(r.path.empty()) << r.error;
    EXPECT_EQ(fs::path(r.path).parent_path(), fs::path(own_folder(dir.file("tmp"))));
    EXPECT_EQ(mode_of(own_folder(dir.file("tmp"))), 0700u);
    EXPECT_EQ(mode_of(r.path), 0600u);
    const std::string message =
        algocore::session::unwritten_records_message(1, r.db_path, r.path, r.error);
    EXPECT_NE(message.find("temporary folder"), std::string::npos) << message;
    EXPECT_NE(message.find("import them soon"), std::string::npos) << message;
}

TEST(RescuePlace, AFolderAnotherUserMadeAtTheNameIsNotUsed) {
    algotest::TempDir dir;
    TemporaryFolderAt temp(dir.file("tmp"));
    const std::string theirs = own_folder(dir.file("tmp"));
    fs::create_directory(theirs);
    ::chmod(theirs.c_str(), 0777); // open to everyone, as another user would leave it
    if (::geteuid() == 0) {
        ASSERT_EQ(::chown(theirs.c_str(), 4242, 4242), 0);
    }
    const Rescued r = rescue_of_one_trial(dir, 3, true);
    ASSERT_FALSE(r.path.empty()) << r.error;
    EXPECT_TRUE(fs::is_empty(theirs));
    const fs::path folder = fs::path(r.path).parent_path();
    EXPECT_NE(folder, fs::path(theirs));
    EXPECT_EQ(folder.parent_path(), fs::path(dir.file("tmp")));
    EXPECT_EQ(mode_of(folder.string()), 0700u);
    EXPECT_EQ(mode_of(r.path), 0600u);
}

TEST(RescuePlace, ALinkAnotherUserPutAtTheNameIsNotFollowed) {
    algotest::TempDir dir;
    TemporaryFolderAt temp(dir.file("tmp"));
    fs::create_directory(dir.file("attacker"));
    fs::create_directory_symlink(dir.file("attacker"), own_folder(dir.file("tmp")));
    const Rescued r = rescue_of_one_trial(dir, 3, true);
    ASSERT_FALSE(r.path.empty()) << r.error;
    EXPECT_TRUE(fs::is_empty(dir.file("attacker")));
    EXPECT_TRUE(fs::is_symlink(own_folder(dir.file("tmp"))));
    EXPECT_EQ(fs::path(r.path).parent_path().parent_path(), fs::path(dir.file("tmp")));
}

TEST(RescuePlace, ARescueCarriesOnlyTheRowsItsRecordsNeed) {
    algotest::TempDir dir;
    const Rescued r = rescue_of_one_trial(dir, 50, false);
    ASSERT_FALSE(r.path.empty()) << r.error;
    SQLite::Database file(r.path, SQLite::OPEN_READONLY);
    EXPECT_EQ(file.execAndGet("SELECT count(*) FROM trials").getInt(), 1);
    EXPECT_EQ(file.execAndGet("SELECT count(*) FROM sessions").getInt(), 1);
    EXPECT_EQ(file.execAndGet("SELECT group_concat(code) FROM subjects").getString(), "S-50");
    EXPECT_EQ(file.execAndGet("SELECT group_concat(key) FROM sites").getString(), "masseter");
}

TEST(RescuePlace, ARescueImportsOnlyIntoTheDatabaseItWasWrittenFor) {
    algotest::TempDir dir;
    SqliteOptions options;
    options.retry_interval = 20ms;
    std::string rescue;
    {
        auto opened = SqliteStorage::open(dir.file("a.sqlite"), options);
        ASSERT_TRUE(opened.storage) << opened.error;
        auto& db = *opened.storage;
        ASSERT_TRUE(db.flush(5s));
        db.set_max_page_count(1);
        SessionOpening o;
        o.subject.code = "S-1";
        const RecordId session = db.open_session(o).id;
        db.record_trial(
            algotest::trial_at(session, db.find_site("masseter")->id, BodySide::Left, 1, 415.0),
            algotest::noisy_trace(20000)); // needs new pages
        ASSERT_GE(db.close(200ms), 1u);
        rescue = db.rescue_path();
    }
    ASSERT_FALSE(rescue.empty());
    auto other = SqliteStorage::open(dir.file("b.sqlite"));
    ASSERT_TRUE(other.storage) << other.error;
    const std::string problem = other.storage->import_rescue(rescue);
    EXPECT_NE(problem.find("written for another database (" + dir.file("a.sqlite")),
              std::string::npos)
        << problem;
    EXPECT_TRUE(other.storage->subjects().empty());
    other.storage->close();

    // A copy of the database is the same database.
    fs::copy_file(dir.file("a.sqlite"), dir.file("copy.sqlite"));
    auto copy = SqliteStorage::open(dir.file("copy.sqlite"));
    ASSERT_TRUE(copy.storage) << copy.error;
    EXPECT_EQ(copy.storage->import_rescue(rescue), "");
    const auto subject = copy.storage->find_subject("S-1");
    ASSERT_TRUE(subject);
    const auto sessions = copy.storage->sessions_of(subject->id);
    ASSERT_EQ(sessions.size(), 1u);
    const auto trials = copy.storage->trials_of(sessions[0].id);
    ASSERT_EQ(trials.size(), 1u);
    EXPECT_EQ(trials[0].ppt_kpa, 415.0);
}
