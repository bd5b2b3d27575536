// The version-1 schema below is written out here on purpose (not taken from the storage
// code), so the test keeps checking that a file made by the first release still opens.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "TempDir.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore::storage;

namespace {

void create_version1_file(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(R"sql(
CREATE TABLE subjects (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, sex TEXT,
  age_band TEXT, dominant_side TEXT, notes TEXT NOT NULL DEFAULT '');
CREATE TABLE operators (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL DEFAULT '');
CREATE TABLE sites (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  region TEXT NOT NULL DEFAULT '', landmark TEXT NOT NULL DEFAULT '',
  paired INTEGER NOT NULL DEFAULT 1, front_x REAL, front_y REAL, back_x REAL, back_y REAL,
  dfns INTEGER NOT NULL DEFAULT 0, mdc_kpa REAL NOT NULL DEFAULT 0,
  builtin INTEGER NOT NULL DEFAULT 0);
CREATE TABLE sessions (id INTEGER PRIMARY KEY, subject_id INTEGER NOT NULL,
  operator_id INTEGER, started_utc TEXT NOT NULL, device_serial TEXT NOT NULL DEFAULT '',
  calibration_id INTEGER NOT NULL DEFAULT 0, probe_cm2 REAL NOT NULL,
  notes TEXT NOT NULL DEFAULT '');
CREATE TABLE trials (id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL,
  site_id INTEGER NOT NULL, side TEXT NOT NULL, trial_index INTEGER NOT NULL,
  ppt_kpa REAL NOT NULL, rate_kpa_s REAL NOT NULL, target_rate_kpa_s REAL NOT NULL,
  probe_cm2 REAL NOT NULL, valid INTEGER NOT NULL, counted INTEGER NOT NULL,
  flags INTEGER NOT NULL, outcome TEXT NOT NULL, preset TEXT NOT NULL,
  calibration_id INTEGER NOT NULL, in_corridor_pct REAL NOT NULL, ramp_start_t_s REAL NOT NULL,
  signal_t_s REAL NOT NULL, peak_kpa REAL NOT NULL);
CREATE TABLE trial_traces (trial_id INTEGER PRIMARY KEY, sample_count INTEGER NOT NULL,
  samples BLOB NOT NULL);
CREATE TABLE audit_log (id INTEGER PRIMARY KEY, who TEXT NOT NULL, when_utc TEXT NOT NULL,
  table_name TEXT NOT NULL, row_id INTEGER NOT NULL, field TEXT NOT NULL, old_value TEXT,
  new_value TEXT, reason TEXT NOT NULL DEFAULT '');
INSERT INTO subjects (id, code) VALUES (1, 'OLD-1');
INSERT INTO sites (id, key, name, builtin) VALUES (1, 'upper_trapezius', 'Upper trapezius', 1);
INSERT INTO sessions (id, subject_id, started_utc, probe_cm2)
  VALUES (1, 1, '2025-05-01T08:00:00Z', 1.0);
INSERT INTO trials VALUES (1, 1, 1, 'L', 1, 333.0, 51.0, 50.0, 1.0, 1, 1, 0, 'signalled',
  'dfns', 0, 90.0, 1.0, 7.5, 340.0);
PRAGMA user_version = 1;
)sql");
}

} // namespace

TEST(Migration, Version1FileMigratesForwardKeepingItsTrials) {
    algotest::TempDir dir;
    const std::string path = dir.file("old.db");
    create_version1_file(path);
    {
        auto opened = SqliteStorage::open(path);
        ASSERT_TRUE(opened.storage) << opened.error;
        auto& db = *opened.storage;
        const auto trials = db.trials_of(1);
        ASSERT_EQ(trials.size(), 1u);
        EXPECT_EQ(trials[0].ppt_kpa, 333.0);
        EXPECT_EQ(trials[0].measure, TrialMeasure::Ppt); // v2 column, defaulted
        const auto latest =
            db.previous_threshold_of("OLD-1", 1, BodySide::Left, TrialMeasure::Ppt, kNoRecord);
        ASSERT_TRUE(latest);
        EXPECT_DOUBLE_EQ(latest->mean_kpa, 333.0);
        // v2 and v3 tables work; the built-in library was added beside the old site.
        Hold h;
        h.session_id = 1;
        h.site_id = 1;
        h.outcome = "complete";
        h.prescription = "{}";
        db.record_hold(h, {});
        EXPECT_EQ(db.holds_of(1).size(), 1u);
        EXPECT_TRUE(db.find_site("piriformis"));
        EXPECT_EQ(db.find_site("upper_trapezius")->id, 1);
    }
    SQLite::Database check(path);
    EXPECT_EQ(check.execAndGet("PRAGMA user_version").getInt(), kSchemaVersion);
    EXPECT_EQ(check.execAndGet("PRAGMA integrity_check").getString(), "ok");
    EXPECT_EQ(check.execAndGet("SELECT COUNT(*) FROM training_scores").getInt(), 0);
}

TEST(Migration, RefusesAFileFromANewerAlgoscope) {
    algotest::TempDir dir;
    const std::string path = dir.file("future.db");
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        // A later Algoscope marks its files like this one does.
        db.exec("CREATE TABLE x (a); PRAGMA user_version = 99; PRAGMA application_id = " +
                std::to_string(kApplicationId));
    }
    const auto opened = SqliteStorage::open(path);
    EXPECT_FALSE(opened.storage);
    EXPECT_NE(opened.error.find("newer"), std::string::npos) << opened.error;
    // The refused open released the file: a second try gives the same reason, not "in use".
    const auto again = SqliteStorage::open(path);
    EXPECT_NE(again.error.find("newer"), std::string::npos) << again.error;
}

TEST(Migration, AppendOnlyTablesRefuseDeletes) {
    algotest::TempDir dir;
    const std::string path = dir.file("db.db");
    create_version1_file(path);
    { ASSERT_TRUE(SqliteStorage::open(path).storage); }
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    EXPECT_THROW(db.exec("DELETE FROM trials"), SQLite::Exception);
    EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM trials").getInt(), 1);
}
