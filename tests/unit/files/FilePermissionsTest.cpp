// Issue 12, item 10: every file that holds measurements is created 0600 (owner only), even
// under the usual umask 022 that would make it world-readable.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "algocore/acquisition/RawCapture.h"
#include "algocore/export/StudyExport.h"
#include "algocore/storage/SqliteStorage.h"

namespace {

namespace fs = std::filesystem;

unsigned mode_of(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return 0;
    return info.st_mode & 07777u;
}

class FilePermissions : public ::testing::Test {
protected:
    void SetUp() override {
        previous_umask_ = ::umask(022);
        dir_ = fs::temp_directory_path() /
               ("algoscope-perm-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override {
        ::umask(previous_umask_);
        fs::remove_all(dir_);
    }
    fs::path dir_;
    mode_t previous_umask_ = 022;
};

TEST_F(FilePermissions, ARawCaptureIsCreatedOwnerOnly) {
    const fs::path path = dir_ / "run.algocap";
    algocore::RawCaptureWriter writer;
    std::string error;
    ASSERT_TRUE(
        writer.open(path.string(), {{"driver", "native"}}, algocore::SteadyClock::now(), &error))
        << error;
    writer.close();
    EXPECT_EQ(mode_of(path), 0600u);
}

TEST_F(FilePermissions, ACaptureWrittenOverAWorldReadableFileBecomesOwnerOnly) {
    const fs::path path = dir_ / "old.algocap";
    { std::ofstream(path) << "old"; }
    ::chmod(path.c_str(), 0644);
    algocore::RawCaptureWriter writer;
    ASSERT_TRUE(writer.open(path.string(), {}, algocore::SteadyClock::now(), nullptr));
    writer.close();
    EXPECT_EQ(mode_of(path), 0600u);
}

TEST_F(FilePermissions, EveryCsvExportFileIsOwnerOnly) {
    const algocore::records::StudyData data;
    const fs::path folder = dir_ / "studies" / "export";
    const auto result =
        algocore::exporting::export_csv_directory(data, {}, folder.string(), {}, {});
    ASSERT_TRUE(result.ok) << result.error;
    ASSERT_FALSE(result.files.empty());
    for (const std::string& file : result.files) {
        SCOPED_TRACE(file);
        EXPECT_EQ(mode_of(folder / file), 0600u);
    }
    EXPECT_EQ(mode_of(folder), 0700u);
    EXPECT_EQ(mode_of(folder / "traces"), 0700u);
}

TEST_F(FilePermissions, AnExportCanBeSharedOnRequestAndAnExistingFolderIsLeftAlone) {
    ::chmod(dir_.c_str(), 0755);
    const algocore::records::StudyData data;
    const auto result =
        algocore::exporting::export_csv_directory(data, {}, dir_.string(), {}, {}, 0644);
    ASSERT_TRUE(result.ok) << result.error;
    EXPECT_EQ(mode_of(dir_ / "trials.csv"), 0644u);
    EXPECT_EQ(mode_of(dir_ / "traces"), 0755u);
    EXPECT_EQ(mode_of(dir_), 0755u);
}

TEST_F(FilePermissions, TheDatabaseAndItsWalAndShmAreOwnerOnly) {
    const fs::path path = dir_ / "study.sqlite";
    auto opened = algocore::storage::SqliteStorage::open(path.string());
    ASSERT_TRUE(opened.storage) << opened.error;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        SCOPED_TRACE(suffix);
        const fs::path file = path.string() + suffix;
        ASSERT_TRUE(fs::exists(file));
        EXPECT_EQ(mode_of(file), 0600u);
    }
}

} // namespace
