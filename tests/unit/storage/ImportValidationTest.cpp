// A rescue file is outside input: import applies the recording rules to every record it would
// add (issue 19 item 4). A truncated, random, empty or lying trace, or a subject code with
// control characters or 10,000 characters, refuses the import, naming the row; nothing changes.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "StorageFixture.h"
#include "TempDir.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore::storage;
using namespace std::chrono_literals;

namespace {

struct Rescue {
    std::string db_path;
    std::string path;
};

// One subject (code), its session and one trial of 20000 samples left in a rescue file.
Rescue rescue_of(algotest::TempDir& dir, const std::string& code) {
    Rescue r;
    r.db_path = dir.file("study.sqlite");
    SqliteOptions options;
    options.retry_interval = 20ms;
    auto opened = SqliteStorage::open(r.db_path, options);
    EXPECT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    const RecordId site = db.find_site("masseter")->id;
    EXPECT_TRUE(db.flush(5s));
    db.set_max_page_count(1);
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
    db.record_trial(algotest::trial_at(session_id, site, BodySide::Left, 1, 415.0),
                    algotest::noisy_trace(20000));
    EXPECT_EQ(db.close(200ms), 3u);
    r.path = db.rescue_path();
    return r;
}

// The rescue file after sql (its guards dropped first, as a damaged or hand-made file has none).
void damage(const std::string& rescue, const std::string& sql) {
    SQLite::Database file(rescue, SQLite::OPEN_READWRITE);
    file.exec("DROP TRIGGER IF EXISTS trial_traces_immutable");
    file.exec(sql);
}

std::string import_into(const Rescue& r) {
    auto opened = SqliteStorage::open(r.db_path);
    EXPECT_TRUE(opened.storage) << opened.error;
    const std::string problem = opened.storage->import_rescue(r.path);
    EXPECT_TRUE(opened.storage->subjects().empty()) << "something was imported";
    return problem;
}

std::string trial_uuid(const std::string& rescue) {
    SQLite::Database file(rescue, SQLite::OPEN_READONLY);
    return file.execAndGet("SELECT uuid FROM trials").getString();
}

} // namespace

TEST(ImportValidation, DamagedTracesAreRefusedNamingTheirTrial) {
    const std::vector<std::pair<std::string, std::string>> damages = {
        {"truncated", "UPDATE trial_traces SET samples = substr(samples, 1, length(samples) / 2)"},
        {"random", "UPDATE trial_traces SET samples = randomblob(4000)"},
        {"empty", "UPDATE trial_traces SET samples = x''"},
        {"lying", "UPDATE trial_traces SET sample_count = 999999"},
    };
    for (const auto& [name, sql] : damages) {
        SCOPED_TRACE(name);
        algotest::TempDir dir;
        const Rescue r = rescue_of(dir, "S-01");
        ASSERT_FALSE(r.path.empty());
        damage(r.path, sql);
        const std::string problem = import_into(r);
        EXPECT_NE(problem.find("trace of trials record " + trial_uuid(r.path)), std::string::npos)
            << problem;
        EXPECT_NE(problem.find("damaged"), std::string::npos) << problem;
        EXPECT_NE(problem.find("nothing was imported"), std::string::npos) << problem;
    }
}

TEST(ImportValidation, SubjectCodesThatRecordingRefusesAreRefusedAndShownEscaped) {
    for (const std::string& code : {std::string("S\x1b]0;owned\x07"), std::string("S\r\n01"),
                                    std::string("S\0"
                                                "01",
                                                4),
                                    std::string(10000, 'x')}) {
        algotest::TempDir dir;
        const Rescue r = rescue_of(dir, code);
        ASSERT_FALSE(r.path.empty());
        const std::string problem = import_into(r);
        EXPECT_NE(problem.find("the subjects row"), std::string::npos) << problem;
        EXPECT_NE(problem.find("nothing was imported"), std::string::npos) << problem;
        for (char c : problem)
            EXPECT_FALSE(static_cast<unsigned char>(c) < 0x20) << "control character shown";
        EXPECT_LT(problem.size(), 400u);
    }
}
