#include "algotest/OldDatabases.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "algocore/storage/TraceBlob.h"

namespace algotest {

namespace {

// Version 1, 2 and 3 of the schema as those releases created it.
constexpr const char* kVersion3Schema = R"sql(
CREATE TABLE subjects (
  id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, sex TEXT, age_band TEXT,
  dominant_side TEXT CHECK (dominant_side IN ('L','R','M')), notes TEXT NOT NULL DEFAULT '');
CREATE TABLE operators (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL DEFAULT '');
CREATE TABLE sites (
  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  region TEXT NOT NULL DEFAULT '', landmark TEXT NOT NULL DEFAULT '',
  paired INTEGER NOT NULL DEFAULT 1, front_x REAL, front_y REAL, back_x REAL, back_y REAL,
  dfns INTEGER NOT NULL DEFAULT 0, mdc_kpa REAL NOT NULL DEFAULT 0,
  builtin INTEGER NOT NULL DEFAULT 0);
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY, subject_id INTEGER NOT NULL REFERENCES subjects(id),
  operator_id INTEGER REFERENCES operators(id), started_utc TEXT NOT NULL,
  device_serial TEXT NOT NULL DEFAULT '', calibration_id INTEGER NOT NULL DEFAULT 0,
  probe_cm2 REAL NOT NULL CHECK (probe_cm2 > 0), notes TEXT NOT NULL DEFAULT '');
CREATE TABLE trials (
  id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL REFERENCES sessions(id),
  site_id INTEGER NOT NULL REFERENCES sites(id), side TEXT NOT NULL CHECK (side IN ('L','R','M')),
  trial_index INTEGER NOT NULL, ppt_kpa REAL NOT NULL, rate_kpa_s REAL NOT NULL,
  target_rate_kpa_s REAL NOT NULL, probe_cm2 REAL NOT NULL, valid INTEGER NOT NULL,
  counted INTEGER NOT NULL, flags INTEGER NOT NULL, outcome TEXT NOT NULL,
  preset TEXT NOT NULL, calibration_id INTEGER NOT NULL, in_corridor_pct REAL NOT NULL,
  ramp_start_t_s REAL NOT NULL, signal_t_s REAL NOT NULL, peak_kpa REAL NOT NULL);
CREATE INDEX trials_by_session ON trials(session_id);
CREATE INDEX trials_by_point ON trials(site_id, side);
CREATE TABLE trial_traces (
  trial_id INTEGER PRIMARY KEY REFERENCES trials(id), sample_count INTEGER NOT NULL,
  samples BLOB NOT NULL);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY, who TEXT NOT NULL, when_utc TEXT NOT NULL, table_name TEXT NOT NULL,
  row_id INTEGER NOT NULL, field TEXT NOT NULL, old_value TEXT, new_value TEXT,
  reason TEXT NOT NULL DEFAULT '');
ALTER TABLE trials ADD COLUMN measure TEXT NOT NULL DEFAULT 'ppt'
  CHECK (measure IN ('ppt','tolerance'));
CREATE TABLE holds (
  id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL REFERENCES sessions(id),
  site_id INTEGER NOT NULL REFERENCES sites(id), side TEXT NOT NULL CHECK (side IN ('L','R','M')),
  prescription TEXT NOT NULL, band_low_kpa REAL NOT NULL, band_high_kpa REAL NOT NULL,
  limit_kpa REAL, target_hold_s REAL NOT NULL, outcome TEXT NOT NULL, probe_cm2 REAL NOT NULL,
  calibration_id INTEGER NOT NULL, start_t_s REAL NOT NULL, duration_s REAL NOT NULL,
  time_in_band_s REAL NOT NULL, time_in_band_pct REAL NOT NULL, mean_kpa REAL NOT NULL,
  median_kpa REAL NOT NULL, pti_kpa_s REAL NOT NULL, peak_kpa REAL NOT NULL,
  cv_pct REAL NOT NULL, excursions INTEGER NOT NULL, overshoots INTEGER NOT NULL,
  step_ups TEXT NOT NULL, pain_rating INTEGER CHECK (pain_rating BETWEEN 0 AND 10));
CREATE INDEX holds_by_session ON holds(session_id);
CREATE TABLE hold_traces (
  hold_id INTEGER PRIMARY KEY REFERENCES holds(id), sample_count INTEGER NOT NULL,
  samples BLOB NOT NULL);
CREATE TABLE training_scores (
  id INTEGER PRIMARY KEY, session_id INTEGER REFERENCES sessions(id),
  student_id INTEGER NOT NULL REFERENCES operators(id), exercise TEXT NOT NULL,
  feedback TEXT NOT NULL, blind INTEGER NOT NULL, attempted_utc TEXT NOT NULL,
  constant_error_kpa REAL NOT NULL, absolute_error_kpa REAL NOT NULL,
  variable_error_kpa REAL NOT NULL, time_in_band_pct REAL NOT NULL);
CREATE INDEX training_by_student ON training_scores(student_id, attempted_utc);
CREATE TABLE session_samples (
  id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL REFERENCES sessions(id),
  calibration_id INTEGER NOT NULL, first_t_s REAL NOT NULL, last_t_s REAL NOT NULL,
  sample_count INTEGER NOT NULL, samples BLOB NOT NULL);
CREATE INDEX session_samples_by_session ON session_samples(session_id, first_t_s);
INSERT INTO subjects (id, code) VALUES (1, 'OLD-1');
INSERT INTO sites (id, key, name, builtin) VALUES (1, 'upper_trapezius', 'Upper trapezius', 1);
INSERT INTO sessions (id, subject_id, started_utc, probe_cm2)
  VALUES (1, 1, '2025-05-01T08:00:00Z', 1.0);
)sql";

// A ramp at 50 kPa/s sampled at 1 kHz with a little ADC noise, as the old format stored it.
algocore::records::RawTrace ramp(int samples, int seed) {
    algocore::records::RawTrace trace;
    trace.samples.reserve(static_cast<std::size_t>(samples));
    for (int i = 0; i < samples; ++i) {
        const double t_s = 0.001 * i;
        const int noise = (i * 7919 + seed * 104729) % 13 - 6;
        const double pressure_kpa = 50.0 * t_s + 0.05 * noise;
        trace.samples.push_back({t_s, 1000 + 7 * i + noise, pressure_kpa / 10.0, pressure_kpa,
                                 static_cast<std::uint8_t>(i == samples - 1 ? 2 : 0), 0});
    }
    return trace;
}

} // namespace

void write_version3_database(const std::string& path, int trials, int samples_per_trial) {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    SQLite::Transaction tx(db);
    db.exec(kVersion3Schema);
    SQLite::Statement trial(
        db, "INSERT INTO trials (id, session_id, site_id, side, trial_index, ppt_kpa, rate_kpa_s, "
            "target_rate_kpa_s, probe_cm2, valid, counted, flags, outcome, preset, "
            "calibration_id, in_corridor_pct, ramp_start_t_s, signal_t_s, peak_kpa) "
            "VALUES (?, 1, 1, 'L', ?, ?, 50.0, 50.0, 1.0, 1, 1, 0, 'signalled', 'dfns', 0, 95.0, "
            "0.0, ?, ?)");
    SQLite::Statement trace(db, "INSERT INTO trial_traces VALUES (?, ?, ?)");
    for (int i = 1; i <= trials; ++i) {
        const auto raw = ramp(samples_per_trial, i);
        const double ppt_kpa = raw.samples.back().pressure_kpa;
        trial.reset();
        trial.bind(1, i);
        trial.bind(2, i);
        trial.bind(3, ppt_kpa);
        trial.bind(4, raw.samples.back().t_s);
        trial.bind(5, ppt_kpa);
        trial.exec();
        const auto blob = algocore::storage::encode_trace_v1(raw);
        trace.reset();
        trace.bind(1, i);
        trace.bind(2, samples_per_trial);
        trace.bind(3, blob.data(), static_cast<int>(blob.size()));
        trace.exec();
    }
    db.exec("PRAGMA user_version = 3");
    tx.commit();
}

} // namespace algotest
