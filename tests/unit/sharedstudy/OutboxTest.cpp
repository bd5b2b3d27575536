// The outbox on a station: a row for every record that travels, written by the same
// transaction as the record, in an order where a record follows those it refers to, and never
// changed afterwards.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "Schema.h"
#include "StationRecords.h"
#include "algocore/storage/SqliteStorage.h"

namespace {

using namespace algocore::storage;

class OutboxTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device rd;
        dir_ = std::filesystem::temp_directory_path() /
               ("algoscope-outbox-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(dir_);
        db_ = (dir_ / "station.sqlite").string();
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::vector<std::string> outbox_tables() {
        SQLite::Database db(db_);
        SQLite::Statement st(db, "SELECT table_name FROM outbox ORDER BY seq");
        std::vector<std::string> out;
        while (st.executeStep())
            out.push_back(st.getColumn(0).getString());
        return out;
    }

    std::filesystem::path dir_;
    std::string db_;
};

TEST_F(OutboxTest, EveryRecordThatTravelsGetsAnOutboxRowInTheOrderItWasStored) {
    auto opened = SqliteStorage::open(db_);
    ASSERT_TRUE(opened.storage) << opened.error;
    auto& s = *opened.storage;
    Site custom;
    custom.key = "scar_left_knee";
    custom.name = "Scar, left knee";
    custom.paired = false;
    s.add_site(custom);
    algotest::RecordedSession session;
    session.subject_code = "S-017";
    session.operator_name = "Anna";
    session.started_utc = "2027-03-01T09:00:00Z";
    session.trials_per_site = 2;
    session.holds = 1;
    const RecordId session_id = algotest::record_session(s, session);
    const RecordId trial = s.trials_of(session_id).front().id;
    auto correction = s.correct({"trials", trial, "counted", "0", "Anna", "moved"});
    ASSERT_TRUE(correction.ok);
    SiteMdcRecord mdc;
    mdc.site_key = "upper_trapezius";
    mdc.mdc_kpa = 61.0;
    mdc.sem_kpa = 22.0;
    mdc.icc_form = "ICC(2,1)";
    mdc.n_subjects = 20;
    mdc.source = "lab data";
    mdc.computed_utc = "2027-03-02T10:00:00Z";
    ASSERT_TRUE(s.save_site_mdc(mdc).ok);
    ASSERT_TRUE(s.flush(std::chrono::seconds(10)));
    opened.storage->close();

    EXPECT_EQ(outbox_tables(),
              (std::vector<std::string>{"sites", "subjects", "operators", "sessions", "trials",
                                        "trials", "holds", "audit_log", "site_mdc"}));
    // Built-in sites are the same library everywhere and never travel.
    SQLite::Database db(db_);
    EXPECT_GT(db.execAndGet("SELECT count(*) FROM sites WHERE builtin = 1").getInt(), 10);
    EXPECT_EQ(db.execAndGet("SELECT row_id FROM outbox WHERE table_name = 'trials' ORDER BY seq")
                  .getInt64(),
              trial);
}

TEST_F(OutboxTest, ARecordRolledBackLeavesNoOutboxRow) {
    SqliteStorage::open(db_).storage->close();
    SQLite::Database db(db_, SQLite::OPEN_READWRITE);
    {
        SQLite::Transaction tx(db);
        db.exec("INSERT INTO subjects (code) VALUES ('S-1')");
        EXPECT_EQ(db.execAndGet("SELECT count(*) FROM outbox").getInt(), 1);
    } // not committed
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM subjects").getInt(), 0);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM outbox").getInt(), 0);
}

TEST_F(OutboxTest, TheOutboxIsNeverChangedNorDeleted) {
    auto opened = SqliteStorage::open(db_);
    algotest::RecordedSession session;
    session.subject_code = "S-017";
    session.operator_name = "Anna";
    session.started_utc = "2027-03-01T09:00:00Z";
    algotest::record_session(*opened.storage, session);
    opened.storage->close();
    SQLite::Database db(db_, SQLite::OPEN_READWRITE);
    EXPECT_THROW(db.exec("UPDATE outbox SET row_id = 99 WHERE seq = 1"), SQLite::Exception);
    EXPECT_THROW(db.exec("DELETE FROM outbox WHERE seq = 1"), SQLite::Exception);
    EXPECT_EQ(db.execAndGet("SELECT row_id FROM outbox WHERE seq = 1").getInt(), 1);
}

TEST_F(OutboxTest, RecordsOfAnOlderFileAreQueuedParentsFirstWhenItIsMigrated) {
    {
        // A version 5 file, as the previous Algoscope left it: a trial stored before its
        // session's subject got a second session.
        SQLite::Database db(db_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        for (int v = 1; v <= 5; ++v)
            db.exec(schema::migration_sql(v));
        db.exec("PRAGMA user_version = 5");
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        db.exec(R"sql(
INSERT INTO sites (id, key, name, builtin) VALUES (1, 'upper_trapezius', 'Upper trapezius', 1);
INSERT INTO subjects (id, code) VALUES (1, 'S-1');
INSERT INTO sessions (id, subject_id, started_utc, probe_cm2) VALUES (1, 1, '2026-01-01', 1);
INSERT INTO trials (id, session_id, site_id, side, trial_index, ppt_kpa, rate_kpa_s,
  target_rate_kpa_s, probe_cm2, valid, counted, flags, outcome, preset, calibration_id,
  in_corridor_pct, ramp_start_t_s, signal_t_s, peak_kpa)
  VALUES (1, 1, 1, 'L', 1, 400, 50, 50, 1, 1, 1, 0, 'signalled', 'dfns', 0, 90, 1, 9, 410);
INSERT INTO operators (id, name) VALUES (1, 'Anna');
INSERT INTO sessions (id, subject_id, operator_id, started_utc, probe_cm2)
  VALUES (2, 1, 1, '2026-02-01', 1);
)sql");
    }
    auto opened = SqliteStorage::open(db_);
    ASSERT_TRUE(opened.storage) << opened.error;
    opened.storage->close();
    EXPECT_EQ(outbox_tables(), (std::vector<std::string>{"subjects", "operators", "sessions",
                                                         "sessions", "trials"}));
}

} // namespace
