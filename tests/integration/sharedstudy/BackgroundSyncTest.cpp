// The push beside a recording station: it pushes soon after a record is stored without being
// asked, while the storage keeps recording into the same file, and says where it stands in
// the status bar's words; with the server gone it counts what waits.
#include <SQLiteCpp/SQLiteCpp.h>

#include <thread>

#include "StationRecords.h"
#include "TestServer.h"
#include "algocore/sharedstudy/BackgroundSync.h"
#include "algocore/sharedstudy/ServerSchema.h"
#include "algocore/storage/SqliteStorage.h"

namespace {

using namespace algocore;
using namespace algocore::sharedstudy;
using algotest::ServerTest;
using Clock = std::chrono::steady_clock;

algotest::RecordedSession session_on(int day) {
    algotest::RecordedSession s;
    s.subject_code = "S-017";
    s.operator_name = "Anna";
    s.started_utc = "2027-08-0" + std::to_string(day) + "T09:00:00Z";
    return s;
}

// Waits up to 20 s for `done`.
template <typename Done> bool eventually(Done done) {
    const auto until = Clock::now() + std::chrono::seconds(20);
    while (Clock::now() < until) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

BackgroundSync::Options quick() {
    BackgroundSync::Options o;
    o.push.station_name = "room A";
    o.look = std::chrono::milliseconds(100);
    return o;
}

class BackgroundSyncTest : public ServerTest {};

TEST_F(BackgroundSyncTest, ARecordStoredWhileRunningIsPushedWithoutAsking) {
    {
        auto admin = ServerConnection::open(admin_url());
        ASSERT_FALSE(init_study(*admin.connection, "s").error);
    }
    const std::string db = file("station.sqlite");
    auto storage = storage::SqliteStorage::open(db);
    ASSERT_TRUE(storage.storage) << storage.error;
    algotest::record_session(*storage.storage, session_on(1));

    BackgroundSync sync(db, admin_url(), quick());
    ASSERT_TRUE(eventually([&] { return sync.status().state == SyncStatus::State::Synced; }))
        << sync.status().error;
    auto server = ServerConnection::open(admin_url());
    auto trials = [&] {
        return server.connection->exec("SELECT count(*) FROM algoscope.trials").rows.integer(0, 0);
    };
    EXPECT_EQ(trials(), 3);

    algotest::record_session(*storage.storage, session_on(2)); // the station records on
    EXPECT_TRUE(eventually([&] { return trials() == 6; }));
    EXPECT_TRUE(eventually([&] { return sync.status().pending == 0; }));
    const SyncStatus status = sync.status();
    EXPECT_EQ(describe(status, *status.synced_at + std::chrono::seconds(12)),
              "shared study: synced 12 s ago");
    storage.storage->close();
}

TEST_F(BackgroundSyncTest, WithTheServerGoneItCountsWhatWaitsAndLosesNothing) {
    const std::string db = file("station.sqlite");
    auto storage = storage::SqliteStorage::open(db);
    algotest::record_session(*storage.storage, session_on(1));
    storage.storage->close();
    BackgroundSync sync(db, "postgresql://x@127.0.0.1:1/y?connect_timeout=2", quick());
    ASSERT_TRUE(eventually([&] { return sync.status().state == SyncStatus::State::Waiting; }));
    const SyncStatus status = sync.status();
    // subject, operator, session, 3 trials
    EXPECT_EQ(status.pending, 6);
    EXPECT_EQ(describe(status, Clock::now()),
              "server unreachable: 6 records waiting, nothing lost");
    SQLite::Database file_after(db);
    EXPECT_EQ(file_after.execAndGet("SELECT count(*) FROM outbox").getInt(), 6);
}

TEST(SyncStatusWords, RefusedAndStartingSayWhatIsGoingOn) {
    SyncStatus refused;
    refused.state = SyncStatus::State::Refused;
    refused.error = "wrong password";
    EXPECT_EQ(describe(refused, Clock::now()), "shared study refused this station: wrong password");
    EXPECT_EQ(describe(SyncStatus{}, Clock::now()), "shared study: connecting");
    SyncStatus synced;
    synced.state = SyncStatus::State::Synced;
    synced.synced_at = Clock::now();
    synced.pending = 1;
    EXPECT_EQ(describe(synced, *synced.synced_at + std::chrono::minutes(3)),
              "shared study: synced 3 min ago, 1 record to send");
}

} // namespace
