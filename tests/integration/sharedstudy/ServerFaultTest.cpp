// The two faults that need the server itself: its postmaster killed (SIGKILL) in the middle of
// a push, on a server of this test's own (the shared test server serves other tests), and a
// station's role writing another station's rows by hand in psql.
#include <SQLiteCpp/SQLiteCpp.h>

#include <atomic>
#include <cstdlib>
#include <thread>

#include "CliRun.h"
#include "StationRecords.h"
#include "TestServer.h"
#include "algocore/sharedstudy/ServerSchema.h"
#include "algocore/sharedstudy/StationPush.h"
#include "algocore/storage/SqliteStorage.h"

namespace {

using namespace algocore;
using namespace algocore::sharedstudy;
using algotest::ServerTest;

// Single-quoted for /bin/sh, quotes inside included.
std::string sh(const std::string& text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

int run_script(const std::string& action, const std::string& state_dir) {
    return std::system(
        ("bash " ALGOSCOPE_PG_SERVER_SCRIPT " " + action + " " + sh(state_dir) + " >/dev/null 2>&1")
            .c_str());
}

class ServerFaultTest : public ServerTest {
protected:
    void record(const std::string& db, const std::string& code, int sessions) {
        auto opened = storage::SqliteStorage::open(db);
        ASSERT_TRUE(opened.storage) << opened.error;
        for (int i = 0; i < sessions; ++i) {
            algotest::RecordedSession s;
            s.subject_code = code + "-" + std::to_string(i % 5);
            s.operator_name = "Anna";
            s.started_utc = "2027-07-01T09:" + std::to_string(10 + i) + ":00Z";
            s.sites = {"upper_trapezius", "tibialis_anterior", "thenar_eminence"};
            s.trials_per_site = 6;
            s.holds = 2;
            s.samples_per_trace = 4000;
            algotest::record_session(*opened.storage, s);
        }
        opened.storage->close();
    }
};

TEST_F(ServerFaultTest, APostmasterKilledMidPushLosesNothingAndDoublesNothing) {
    const std::string state = file("own-server");
    ASSERT_EQ(run_script("start", state), 0);
    std::string error;
    const algotest::TestServer own = algotest::TestServer::from_state_dir(state, error);
    ASSERT_EQ(error, "");
    const std::string url = own.admin_url("postgres");
    {
        auto admin = ServerConnection::open(url);
        ASSERT_TRUE(admin.connection) << admin.error.message;
        ASSERT_FALSE(init_study(*admin.connection, "crash").error);
    }
    const std::string db = file("station.sqlite");
    record(db, "S", 30); // 30 sessions x (18 trials + 2 holds) of 4000 samples
    std::int64_t stored = 0;
    {
        SQLite::Database file(db);
        stored = file.execAndGet("SELECT count(*) FROM outbox").getInt64();
    }

    PushReport interrupted;
    std::atomic<bool> pushing{true};
    std::thread push([&] {
        auto station = StationFile::open(db);
        auto server = ServerConnection::open(url);
        PushOptions options;
        options.station_name = "room A";
        options.batch_records = 8;
        interrupted = push_station(*station.file, *server.connection, options);
        pushing = false;
    });
    // Kill the postmaster once some batches are in and the push is still going.
    {
        auto watch = ServerConnection::open(url);
        for (int i = 0; i < 2000 && pushing; ++i) {
            auto seq = watch.connection->exec("SELECT COALESCE(max(acknowledged_seq), 0) FROM "
                                              "algoscope.stations");
            if (seq.ok() && seq.rows.integer(0, 0) >= 40) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    }
    ASSERT_EQ(run_script("kill", state), 0);
    push.join();
    EXPECT_EQ(interrupted.error.problem, ServerProblem::Unreachable)
        << interrupted.error.message << " (sent " << interrupted.sent << " of " << stored << ")";
    EXPECT_GT(interrupted.sent, 0);
    EXPECT_LT(interrupted.sent, stored);

    ASSERT_EQ(run_script("restart", state), 0);
    auto station = StationFile::open(db);
    auto server = ServerConnection::open(url);
    ASSERT_TRUE(server.connection) << server.error.message;
    const PushReport resumed = push_station(*station.file, *server.connection);
    ASSERT_FALSE(resumed.error) << resumed.error.message;
    EXPECT_EQ(resumed.pending, 0);
    EXPECT_EQ(resumed.acknowledged_seq, stored);
    SQLite::Database file(db);
    for (const char* table : {"subjects", "sessions", "trials", "holds"}) {
        const auto on_server =
            server.connection->exec(std::string("SELECT count(*), count("
                                                "DISTINCT uuid) FROM algoscope.") +
                                    table);
        const auto local = file.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
        EXPECT_EQ(on_server.rows.integer(0, 0), local) << table;
        EXPECT_EQ(on_server.rows.integer(0, 1), local) << table;
    }
    server.connection.reset();
    run_script("stop", state);
}

TEST_F(ServerFaultTest, AStationsRoleCannotWriteAnotherStationsRowsEvenByHand) {
    {
        auto admin = ServerConnection::open(admin_url());
        ASSERT_FALSE(init_study(*admin.connection, "rls").error);
    }
    make_role("a", "pw-a", kStationGroupRole);
    make_role("b", "pw-b", kStationGroupRole);
    for (const char* name : {"a", "b"}) {
        const std::string db = file(std::string(name) + ".sqlite");
        record(db, name, 1);
        auto station = StationFile::open(db);
        auto server = ServerConnection::open(url_as(name));
        ASSERT_TRUE(server.connection) << server.error.message;
        PushOptions options;
        options.station_name = std::string("room ") + name;
        ASSERT_FALSE(push_station(*station.file, *server.connection, options).error);
    }
    auto psql = [&](const std::string& sql) {
        return clitest::run_command("PGPASSFILE=" + sh(file("pgpass")) +
                                    " psql -X -q -v ON_ERROR_STOP=1 " + sh(url_as("b")) + " -c " +
                                    sh(sql));
    };
    // Station b crafts a subject in station a's name.
    auto forged = psql("INSERT INTO algoscope.subjects (uuid, station_id, seq, code) SELECT "
                       "gen_random_uuid(), id, 999, 'FORGED' FROM algoscope.stations "
                       "WHERE name = 'room a'");
    EXPECT_NE(forged.exit_code, 0);
    EXPECT_NE(forged.stderr_text.find("row-level security"), std::string::npos)
        << forged.stderr_text;
    // ... corrects a's trial, moves a's watermark, deletes a's rows.
    auto corrected = psql("UPDATE algoscope.trials SET counted = false WHERE station_id = "
                          "(SELECT id FROM algoscope.stations WHERE name = 'room a')");
    EXPECT_EQ(corrected.exit_code, 0) << corrected.stderr_text; // no row of a's is b's to update
    auto moved = psql("UPDATE algoscope.stations SET acknowledged_seq = 0 WHERE name = 'room a'");
    EXPECT_EQ(moved.exit_code, 0);
    auto deleted = psql("DELETE FROM algoscope.trials");
    EXPECT_NE(deleted.exit_code, 0);
    EXPECT_NE(deleted.stderr_text.find("permission denied"), std::string::npos);
    auto check = ServerConnection::open(admin_url());
    EXPECT_EQ(
        check.connection->exec("SELECT count(*) FROM algoscope.subjects WHERE code = 'FORGED'")
            .rows.integer(0, 0),
        0);
    EXPECT_EQ(check.connection
                  ->exec("SELECT count(*) FROM algoscope.trials t JOIN "
                         "algoscope.stations s ON s.id = t.station_id WHERE "
                         "s.name = 'room a' AND t.counted")
                  .rows.integer(0, 0),
              18);
    EXPECT_GT(check.connection
                  ->exec("SELECT acknowledged_seq FROM algoscope.stations WHERE name "
                         "= 'room a'")
                  .rows.integer(0, 0),
              0);
    EXPECT_EQ(check.connection->exec("SELECT count(*) FROM algoscope.trials").rows.integer(0, 0),
              36);
}

} // namespace
