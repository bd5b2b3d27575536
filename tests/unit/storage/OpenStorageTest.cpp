// The factory every front end opens storage with: a file path opens a database behind the
// Storage interface; a read-only open changes nothing; a server address opened for recording
// is refused (a shared study is only read; tests/integration/sharedstudy read one) and is never
// taken for a file name.
#include <gtest/gtest.h>

#include <filesystem>

#include "TempDir.h"
#include "algocore/storage/OpenStorage.h"

using namespace algocore::storage;
using namespace std::chrono_literals;

TEST(OpenStorage, AFilePathOpensADatabaseThatKeepsWhatIsRecorded) {
    algotest::TempDir dir;
    const std::string path = dir.file("study.sqlite");
    {
        Opened opened = open(path);
        ASSERT_TRUE(opened.storage) << opened.error;
        EXPECT_EQ(opened.storage->location(), path);
        EXPECT_EQ(opened.storage->check_writable(), "");
        SessionOpening opening;
        opening.subject.code = "S-031";
        opening.by = Operator{kNoRecord, "Dr. Lee", "therapist"};
        opening.session.started_utc = "2026-11-23T09:00:00Z";
        ASSERT_NE(opened.storage->open_session(opening).id, kNoRecord);
        EXPECT_EQ(opened.storage->close(5s), 0u);
    }
    Opened again = open(path, {.writable = false});
    ASSERT_TRUE(again.storage) << again.error;
    const auto subjects = again.storage->subjects();
    ASSERT_EQ(subjects.size(), 1u);
    EXPECT_EQ(subjects[0].code, "S-031");
    EXPECT_EQ(again.storage->read_note(), "");
}

TEST(OpenStorage, AReadOnlyOpenOfAMissingFileCreatesNothing) {
    algotest::TempDir dir;
    const std::string path = dir.file("missing.sqlite");
    Opened opened = open(path, {.writable = false});
    EXPECT_FALSE(opened.storage);
    EXPECT_FALSE(opened.error.empty());
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(OpenStorage, AServerOpenedForRecordingIsRefusedWithoutCreatingAFileOrThePassword) {
    algotest::TempDir dir;
    const auto before = std::filesystem::current_path();
    std::filesystem::current_path(dir.path()); // a file, if one were made, would land here
    const std::string url = "postgresql://station:s3cret@localhost/study";
    Opened opened = open(url);
    std::filesystem::current_path(before);
    EXPECT_FALSE(opened.storage);
    EXPECT_NE(opened.error.find("shared study server"), std::string::npos) << opened.error;
    EXPECT_EQ(opened.error.find("s3cret"), std::string::npos) << opened.error;
    EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
    EXPECT_TRUE(is_server_location("postgres://localhost/study"));
    EXPECT_FALSE(is_server_location(dir.file("postgresql.sqlite")));
}

TEST(OpenStorage, NoLocationIsAClearError) {
    Opened opened = open("");
    EXPECT_FALSE(opened.storage);
    EXPECT_EQ(opened.error, "no database given");
}
