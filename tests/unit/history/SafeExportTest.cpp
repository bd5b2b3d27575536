// An export never damages what was at its place before (issue 19 item 6): a JSON export that
// fails leaves the previous good export as it was, a CSV export does not write into a folder
// that holds other files unless asked to replace it whole, and a symbolic link at --out is
// not followed. A damaged trace is left out and named, the rest written (item 4).
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "StorageFixture.h"
#include "TempDir.h"
#include "algocore/export/StorageExport.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

// A trace file's id as the export names it: zero-padded to six digits, so the files sort.
std::string padded(records::RecordId id) {
    const std::string digits = std::to_string(id);
    return std::string(digits.size() < 6 ? 6 - digits.size() : 0, '0') + digits;
}

std::unique_ptr<storage::SqliteStorage> study_with_trials(algotest::TempDir& dir) {
    auto opened = storage::SqliteStorage::open(dir.file("study.sqlite"));
    EXPECT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    records::SessionOpening o;
    o.subject.code = "A1";
    o.session.started_utc = "2026-11-02T10:00:00Z";
    const records::RecordId session = db.open_session(o).id;
    const records::RecordId site = db.find_site("masseter")->id;
    for (int i = 1; i <= 3; ++i)
        db.record_trial(algotest::trial_at(session, site, records::BodySide::Left, i, 300.0 + i),
                        algotest::ramp_trace(400, 50.0, 1.0));
    EXPECT_TRUE(db.flush(30s));
    return std::move(opened.storage);
}

std::string contents(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> names_in(const std::string& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        names.push_back(fs::relative(entry.path(), folder).string());
    std::sort(names.begin(), names.end());
    return names;
}

// While alive, files this process writes cannot grow beyond max_bytes (as on a full disk).
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t max_bytes) {
        ::getrlimit(RLIMIT_FSIZE, &before_);
        old_handler_ = ::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = before_;
        limited.rlim_cur = max_bytes;
        ::setrlimit(RLIMIT_FSIZE, &limited);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &before_);
        ::signal(SIGXFSZ, old_handler_);
    }

private:
    rlimit before_{};
    sighandler_t old_handler_{};
};

} // namespace

TEST(SafeExport, AFailedJsonExportLeavesThePreviousExportAsItWas) {
    algotest::TempDir dir;
    auto db = study_with_trials(dir);
    exporting::ExportRequest request;
    request.json = true;
    request.path = dir.file("exports/study.json");
    fs::create_directory(dir.file("exports"));
    ASSERT_TRUE(exporting::export_study(*db, request).ok);
    const std::string good = contents(request.path);
    ASSERT_GT(good.size(), 4096u);

    exporting::ExportOutcome failed;
    {
        FileSizeLimit full_disk(4096);
        failed = exporting::export_study(*db, request);
    }
    EXPECT_FALSE(failed.ok);
    EXPECT_NE(failed.error.find(request.path), std::string::npos) << failed.error;
    EXPECT_EQ(contents(request.path), good);
    EXPECT_EQ(names_in(dir.file("exports")), std::vector<std::string>{"study.json"});
}

TEST(SafeExport, ACsvExportIntoAFolderHoldingOtherFilesIsRefusedUnlessReplacedWhole) {
    algotest::TempDir dir;
    auto db = study_with_trials(dir);
    // Another database's export is already in the folder.
    fs::create_directories(dir.file("out/traces"));
    std::ofstream(dir.file("out/traces/trial_999.csv")) << "t_s,pressure_kpa\n0,1\n";
    std::ofstream(dir.file("out/trials.csv")) << "someone else's trials\n";
    exporting::ExportRequest request;
    request.path = dir.file("out");
    const exporting::ExportOutcome refused = exporting::export_study(*db, request);
    EXPECT_FALSE(refused.ok);
    EXPECT_NE(refused.error.find("is not empty"), std::string::npos) << refused.error;
    EXPECT_NE(refused.error.find("--overwrite"), std::string::npos) << refused.error;
    EXPECT_EQ(names_in(dir.file("out")),
              (std::vector<std::string>{"traces", "traces/trial_999.csv", "trials.csv"}));
    EXPECT_EQ(contents(dir.file("out/trials.csv")), "someone else's trials\n");

    request.overwrite = true;
    const exporting::ExportOutcome replaced = exporting::export_study(*db, request);
    ASSERT_TRUE(replaced.ok) << replaced.error;
    EXPECT_FALSE(fs::exists(dir.file("out/traces/trial_999.csv")));
    EXPECT_TRUE(fs::exists(dir.file("out/traces/trial_000001.csv")));
    EXPECT_NE(contents(dir.file("out/trials.csv")).find("A1"), std::string::npos);
    // Nothing is left beside it.
    for (const auto& entry : fs::directory_iterator(dir.path()))
        EXPECT_EQ(entry.path().filename().string().find(".out."), std::string::npos)
            << entry.path();

    // An empty folder (as a file dialog makes) is simply used.
    fs::create_directory(dir.file("empty"));
    request.overwrite = false;
    request.path = dir.file("empty");
    EXPECT_TRUE(exporting::export_study(*db, request).ok);
    EXPECT_TRUE(fs::exists(dir.file("empty/trials.csv")));
}

TEST(SafeExport, ASymbolicLinkAtTheOutputIsNotFollowed) {
    algotest::TempDir dir;
    auto db = study_with_trials(dir);
    fs::create_directory(dir.file("theirs"));
    std::ofstream(dir.file("theirs/victim.json")) << "theirs\n";
    fs::create_symlink(dir.file("theirs/victim.json"), dir.file("study.json"));
    fs::create_directory_symlink(dir.file("theirs"), dir.file("csv"));

    exporting::ExportRequest json;
    json.json = true;
    json.path = dir.file("study.json");
    const exporting::ExportOutcome a = exporting::export_study(*db, json);
    EXPECT_FALSE(a.ok);
    EXPECT_NE(a.error.find("symbolic link"), std::string::npos) << a.error;

    exporting::ExportRequest csv;
    csv.path = dir.file("csv");
    csv.overwrite = true;
    const exporting::ExportOutcome b = exporting::export_study(*db, csv);
    EXPECT_FALSE(b.ok);
    EXPECT_NE(b.error.find("symbolic link"), std::string::npos) << b.error;

    EXPECT_TRUE(fs::is_symlink(dir.file("study.json")));
    EXPECT_TRUE(fs::is_symlink(dir.file("csv")));
    EXPECT_EQ(names_in(dir.file("theirs")), std::vector<std::string>{"victim.json"});
    EXPECT_EQ(contents(dir.file("theirs/victim.json")), "theirs\n");
}

TEST(SafeExport, ADamagedTraceIsLeftOutAndNamedAndEverythingElseIsWritten) {
    algotest::TempDir dir;
    auto db = study_with_trials(dir);
    const auto trials = db->trials_of(db->sessions_of(db->find_subject("A1")->id).at(0).id);
    ASSERT_EQ(trials.size(), 3u);
    db->close();
    {
        SQLite::Database file(dir.file("study.sqlite"), SQLite::OPEN_READWRITE);
        file.exec("DROP TRIGGER trial_traces_immutable");
        file.exec("UPDATE trial_traces SET samples = x'00112233' WHERE trial_id = " +
                  std::to_string(trials[1].id));
    }
    auto opened = storage::SqliteStorage::open(dir.file("study.sqlite"));
    ASSERT_TRUE(opened.storage) << opened.error;

    exporting::ExportRequest csv;
    csv.path = dir.file("csv");
    const exporting::ExportOutcome a = exporting::export_study(*opened.storage, csv);
    ASSERT_TRUE(a.ok) << a.error;
    ASSERT_EQ(a.damaged_traces.size(), 1u);
    EXPECT_EQ(a.damaged_traces[0].rfind("trial " + std::to_string(trials[1].id) + " (", 0), 0u)
        << a.damaged_traces[0];
    EXPECT_NE(a.summary(csv.path).find("1 damaged trace left out: trial "), std::string::npos)
        << a.summary(csv.path);
    EXPECT_EQ(a.trials, 3u);
    EXPECT_TRUE(fs::exists(dir.file("csv/traces/trial_" + padded(trials[0].id) + ".csv")));
    EXPECT_FALSE(fs::exists(dir.file("csv/traces/trial_" + padded(trials[1].id) + ".csv")));
    EXPECT_TRUE(fs::exists(dir.file("csv/traces/trial_" + padded(trials[2].id) + ".csv")));

    exporting::ExportRequest json;
    json.json = true;
    json.path = dir.file("study.json");
    const exporting::ExportOutcome b = exporting::export_study(*opened.storage, json);
    ASSERT_TRUE(b.ok) << b.error;
    EXPECT_EQ(b.damaged_traces.size(), 1u);
    EXPECT_GT(fs::file_size(json.path), 1000u);
}
