// `algoscope-cli sync` and `subjects` end to end on a real server: what was sent, a second run
// sending nothing, a wrong password, an unreachable host and another study each a one-line
// error with a non-zero exit and the station's file byte for byte as it was.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "CliRun.h"
#include "StationRecords.h"
#include "TestServer.h"
#include "algocore/sharedstudy/ServerSchema.h"
#include "algocore/storage/SqliteStorage.h"

namespace {

using algotest::ServerTest;
using clitest::run_cli;

std::string sh(const std::string& text) {
    return "'" + text + "'";
}

std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream all;
    all << in.rdbuf();
    return all.str();
}

class CliSyncTest : public ServerTest {
protected:
    void SetUp() override {
        ServerTest::SetUp();
        if (HasFatalFailure()) return;
        ASSERT_EQ(run_cli("server init --server " + sh(admin_url()) + " --study knee-oa").exit_code,
                  0);
        make_role("room_a", "pw-room-a", algocore::sharedstudy::kStationGroupRole);
        db_ = file("room-a.sqlite");
        auto opened = algocore::storage::SqliteStorage::open(db_);
        algotest::RecordedSession s;
        s.subject_code = "S-017";
        s.operator_name = "Anna";
        s.started_utc = "2027-05-01T09:00:00Z";
        s.holds = 2;
        algotest::record_session(*opened.storage, s);
        opened.storage->close();
    }

    // The file after its storage closed: what must stay byte for byte after a refused push.
    std::string db_;
};

TEST_F(CliSyncTest, SyncSaysWhatItSentAndASecondRunSendsNothing) {
    const std::string sync =
        "sync --db " + sh(db_) + " --server " + sh(url_as("room_a")) + " --station 'room A' --json";
    auto first = run_cli(sync);
    ASSERT_EQ(first.exit_code, 0) << first.stderr_text;
    ASSERT_EQ(first.lines.size(), 1u);
    const auto json = nlohmann::json::parse(first.lines[0]);
    EXPECT_EQ(json["station"], "room A");
    EXPECT_EQ(json["study"], "knee-oa");
    EXPECT_EQ(json["sent"], 8); // subject, operator, session, 3 trials, 2 holds
    EXPECT_EQ(json["already_on_server"], 0);
    EXPECT_EQ(json["pending"], 0);
    EXPECT_EQ(json["acknowledged_seq"], 8);

    auto second = run_cli(sync);
    ASSERT_EQ(second.exit_code, 0) << second.stderr_text;
    EXPECT_EQ(nlohmann::json::parse(second.lines[0])["sent"], 0);

    auto text = run_cli("sync --db " + sh(db_) + " --server " + sh(url_as("room_a")));
    ASSERT_EQ(text.exit_code, 0) << text.stderr_text;
    EXPECT_EQ(text.lines[0], "station 'room A' to study 'knee-oa': sent 0 records, acknowledged "
                             "through 8, 0 waiting");
}

TEST_F(CliSyncTest, AWrongPasswordIsOneLineAndTheFileIsUntouched) {
    std::ofstream(file("pgpass"), std::ios::trunc) << "*:*:*:" << role("room_a") << ":wrong\n";
    const std::string before = bytes_of(db_);
    auto refused = run_cli("sync --db " + sh(db_) + " --server " +
                           sh(server_.tcp_url(database_, role("room_a"))));
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_EQ(std::count(refused.stderr_text.begin(), refused.stderr_text.end(), '\n'), 1);
    EXPECT_NE(refused.stderr_text.find("password authentication failed"), std::string::npos)
        << refused.stderr_text;
    EXPECT_NE(refused.stderr_text.find(db_ + " is unchanged"), std::string::npos);
    EXPECT_EQ(bytes_of(db_), before);
}

TEST_F(CliSyncTest, AnUnreachableHostIsOneLineExit3AndTheFileIsUntouched) {
    const std::string before = bytes_of(db_);
    auto refused = run_cli("sync --db " + sh(db_) +
                           " --server 'postgresql://x@127.0.0.1:1/y?connect_timeout=3'");
    EXPECT_EQ(refused.exit_code, 3);
    EXPECT_EQ(std::count(refused.stderr_text.begin(), refused.stderr_text.end(), '\n'), 1);
    EXPECT_NE(refused.stderr_text.find("127.0.0.1"), std::string::npos) << refused.stderr_text;
    EXPECT_EQ(bytes_of(db_), before);
}

TEST_F(CliSyncTest, AServerOfAnotherStudyIsRefusedAndTheFileIsUntouched) {
    ASSERT_EQ(run_cli("sync --db " + sh(db_) + " --server " + sh(admin_url())).exit_code, 0);
    const std::string other = database_ + "_other";
    ASSERT_EQ(server_.recreate_database(other), "");
    ASSERT_EQ(run_cli("server init --server " + sh(server_.admin_url(other)) + " --study shoulder")
                  .exit_code,
              0);
    const std::string before = bytes_of(db_);
    auto refused = run_cli("sync --db " + sh(db_) + " --server " + sh(server_.admin_url(other)));
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_EQ(std::count(refused.stderr_text.begin(), refused.stderr_text.end(), '\n'), 1);
    EXPECT_NE(refused.stderr_text.find("belongs to the study 'knee-oa'"), std::string::npos)
        << refused.stderr_text;
    EXPECT_EQ(bytes_of(db_), before);
    server_.admin_sql("postgres", "DROP DATABASE " + other + " WITH (FORCE)");
}

TEST_F(CliSyncTest, SubjectsListsClashesAndMergeJoinsThemWithAnAuditRow) {
    const std::string b = file("room-b.sqlite");
    {
        auto opened = algocore::storage::SqliteStorage::open(b);
        algotest::RecordedSession s;
        s.subject_code = "S-017";
        s.operator_name = "Bert";
        s.started_utc = "2027-05-02T09:00:00Z";
        algotest::record_session(*opened.storage, s);
        opened.storage->close();
    }
    ASSERT_EQ(
        run_cli("sync --db " + sh(db_) + " --server " + sh(admin_url()) + " --station A").exit_code,
        0);
    ASSERT_EQ(
        run_cli("sync --db " + sh(b) + " --server " + sh(admin_url()) + " --station B").exit_code,
        0);
    auto listed = run_cli("subjects --server " + sh(admin_url()) + " --json");
    ASSERT_EQ(listed.exit_code, 0) << listed.stderr_text;
    const auto subjects = nlohmann::json::parse(listed.lines.at(0));
    ASSERT_EQ(subjects.size(), 2u);
    EXPECT_EQ(subjects[0]["code"], "S-017");
    EXPECT_EQ(subjects[0]["station"], "A");
    EXPECT_EQ(subjects[1]["station"], "B");
    EXPECT_EQ(subjects[0]["clash"], true);
    EXPECT_EQ(subjects[1]["clash"], true);

    const std::string keep = subjects[0]["uuid"];
    const std::string other = subjects[1]["uuid"];
    auto merged = run_cli("subjects merge --server " + sh(admin_url()) + " " + keep + " " + other +
                          " --reason 'same patient, two rooms'");
    ASSERT_EQ(merged.exit_code, 0) << merged.stderr_text;
    const auto after = nlohmann::json::parse(
        run_cli("subjects --server " + sh(admin_url()) + " --json").lines.at(0));
    EXPECT_EQ(after[0]["clash"], false);
    EXPECT_EQ(after[1]["merged_into"], keep);
    auto again = run_cli("subjects merge --server " + sh(admin_url()) + " " + keep + " " + other);
    EXPECT_EQ(again.exit_code, 2);
    EXPECT_NE(again.stderr_text.find("already merged"), std::string::npos) << again.stderr_text;
}

} // namespace
