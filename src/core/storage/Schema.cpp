// Version 1: subjects, operators, sites, sessions, PPT trials with raw traces, audit log.
// Version 2: trials.measure (pain tolerance measured like a PPT), sustained holds with traces.
// Version 3: training scores and continuous session sample chunks.
// Version 5: traces re-encoded in the compact format (TraceMigration.cpp) and each site's own
// MDC from the lab's reliability data (site_mdc; the latest row of a site and side is in force).
// Version 6: a trial can be excluded with a reason (trials.excluded_reason, set and cleared
// only through the audited correction path): kept and flagged, never counted.
// Version 7: every record's global identity (uuid) and the database's own (database_identity).
// Version 8: the shared study's outbox (every record, in the order it was stored), the
// station's identity and what the shared study's server has acknowledged.
// Version 9: each hold's stretches without signal (holds.signal_losses, JSON; NULL for holds
// recorded before, whose figures bridge any such stretch).
// Version 10: reaction-time tests with their cues; trials.rate_at_button_kpa_s.
// Version 11: each hold's "release felt" marks and the release detector's prompts
// (holds.release_marks, JSON; NULL for holds recorded before).
// Version 12: the patient's presses while a trial waited for the loaded probe to lift
// (trials.presses_while_loaded, JSON; NULL for trials recorded before).
// Version 13: the wall-clock anchor of each trial's session clock (trials.clock_zero_utc;
// NULL for trials recorded before, and for samples not measured live): kTrialClockAnchor.
// Version 14: trigger-point findings per point and visit (trigger_point_findings: the five
// findings and the referred-pain zone as named body-map regions; the newest row of a session,
// site and side is the visit's), each queued for the shared study (server schema 8).
// Records are append-only: triggers refuse DELETE of measurements and any change to traces
// or the audit log, so a correction can only go through the audited update path.
#include "Schema.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <vector>

#include "TraceMigration.h"
#include "algocore/Uuid.h"
#include "algocore/storage/SiteLibrary.h"
#include "algocore/storage/SqliteStorage.h"

namespace algocore::storage::schema {

namespace {

constexpr const char* kVersion1 = R"sql(
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
)sql";

constexpr const char* kVersion2 = R"sql(
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
)sql";

constexpr const char* kVersion3 = R"sql(
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
)sql";

// Version 4: the actual rest before each trial, expert templates with their samples,
// students' training plans (feedback schedules), scores linked to both; one feedback
// vocabulary (the engine's) for old scores too.
constexpr const char* kVersion4 = R"sql(
ALTER TABLE trials ADD COLUMN rest_s REAL;
ALTER TABLE holds ADD COLUMN contact_s REAL;
ALTER TABLE holds ADD COLUMN repetition INTEGER NOT NULL DEFAULT 1;
CREATE TABLE expert_templates (
  id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL REFERENCES sessions(id),
  name TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('hold','ramp')),
  band_low_kpa REAL, band_high_kpa REAL, recorded_utc TEXT NOT NULL, duration_s REAL NOT NULL);
CREATE TABLE template_traces (
  template_id INTEGER PRIMARY KEY REFERENCES expert_templates(id),
  sample_count INTEGER NOT NULL, samples BLOB NOT NULL);
CREATE TABLE training_plans (
  id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL REFERENCES sessions(id),
  template_id INTEGER NOT NULL REFERENCES expert_templates(id), schedule TEXT NOT NULL,
  started_utc TEXT NOT NULL);
ALTER TABLE training_scores ADD COLUMN template_id INTEGER REFERENCES expert_templates(id);
ALTER TABLE training_scores ADD COLUMN plan_id INTEGER REFERENCES training_plans(id);
ALTER TABLE training_scores ADD COLUMN attempt INTEGER;
ALTER TABLE training_scores ADD COLUMN samples_compared INTEGER;
ALTER TABLE training_scores ADD COLUMN time_in_band_s REAL;
CREATE INDEX training_by_plan ON training_scores(plan_id);
UPDATE training_scores SET feedback = 'band_only' WHERE feedback = 'band';
UPDATE training_scores SET feedback = 'summary_after' WHERE feedback = 'summary';
)sql";

// Trace triggers are dropped so old blobs can be rewritten once; the guards come back below.
constexpr const char* kVersion5 = R"sql(
DROP TRIGGER IF EXISTS trial_traces_immutable;
DROP TRIGGER IF EXISTS hold_traces_immutable;
DROP TRIGGER IF EXISTS session_samples_immutable;
DROP TRIGGER IF EXISTS template_traces_immutable;
CREATE TABLE site_mdc (
  id INTEGER PRIMARY KEY, site_id INTEGER NOT NULL REFERENCES sites(id),
  side TEXT NOT NULL CHECK (side IN ('L','R','M','both')),
  mdc_kpa REAL NOT NULL CHECK (mdc_kpa > 0),
  sem_kpa REAL NOT NULL, icc_form TEXT NOT NULL, n_subjects INTEGER NOT NULL,
  source TEXT NOT NULL, computed_utc TEXT NOT NULL);
CREATE INDEX site_mdc_by_point ON site_mdc(site_id, side, id);
)sql";

// NULL = not excluded. The protocol's own decision (counted) is left as recorded; a trial
// counts when it was counted and nobody excluded it (kTrialCountsSql).
constexpr const char* kVersion6 = R"sql(
ALTER TABLE trials ADD COLUMN excluded_reason TEXT;
)sql";

// Every record born on a station carries the identity it was given there (UUID v7 text, made
// by the storage when the record is enqueued), so a rescue file, an import or a shared study
// can tell "the same record" from "another record with the same row id". Rows stored before
// version 7 get theirs here, once. Built-in sites are the same library in every database and
// are known by their key (uuid NULL); custom sites are records. Traces belong to their trial,
// hold or template and share its identity. The database itself gets one too: a rescue file
// names the database it was written for.
constexpr const char* kVersion7 = R"sql(
ALTER TABLE subjects ADD COLUMN uuid TEXT;
ALTER TABLE operators ADD COLUMN uuid TEXT;
ALTER TABLE sites ADD COLUMN uuid TEXT;
ALTER TABLE sessions ADD COLUMN uuid TEXT;
ALTER TABLE trials ADD COLUMN uuid TEXT;
ALTER TABLE holds ADD COLUMN uuid TEXT;
ALTER TABLE training_scores ADD COLUMN uuid TEXT;
ALTER TABLE expert_templates ADD COLUMN uuid TEXT;
ALTER TABLE training_plans ADD COLUMN uuid TEXT;
ALTER TABLE session_samples ADD COLUMN uuid TEXT;
ALTER TABLE site_mdc ADD COLUMN uuid TEXT;
ALTER TABLE audit_log ADD COLUMN uuid TEXT;
UPDATE subjects SET uuid = algoscope_new_uuid();
UPDATE operators SET uuid = algoscope_new_uuid();
UPDATE sites SET uuid = algoscope_new_uuid() WHERE builtin = 0;
UPDATE sessions SET uuid = algoscope_new_uuid();
UPDATE trials SET uuid = algoscope_new_uuid();
UPDATE holds SET uuid = algoscope_new_uuid();
UPDATE training_scores SET uuid = algoscope_new_uuid();
UPDATE expert_templates SET uuid = algoscope_new_uuid();
UPDATE training_plans SET uuid = algoscope_new_uuid();
DROP TRIGGER IF EXISTS audit_log_immutable;
DROP TRIGGER IF EXISTS session_samples_immutable;
DROP TRIGGER IF EXISTS site_mdc_immutable;
UPDATE session_samples SET uuid = algoscope_new_uuid();
UPDATE site_mdc SET uuid = algoscope_new_uuid();
UPDATE audit_log SET uuid = algoscope_new_uuid();
CREATE UNIQUE INDEX subjects_by_uuid ON subjects(uuid);
CREATE UNIQUE INDEX operators_by_uuid ON operators(uuid);
CREATE UNIQUE INDEX sites_by_uuid ON sites(uuid);
CREATE UNIQUE INDEX sessions_by_uuid ON sessions(uuid);
CREATE UNIQUE INDEX trials_by_uuid ON trials(uuid);
CREATE UNIQUE INDEX holds_by_uuid ON holds(uuid);
CREATE UNIQUE INDEX training_scores_by_uuid ON training_scores(uuid);
CREATE UNIQUE INDEX expert_templates_by_uuid ON expert_templates(uuid);
CREATE UNIQUE INDEX training_plans_by_uuid ON training_plans(uuid);
CREATE UNIQUE INDEX session_samples_by_uuid ON session_samples(uuid);
CREATE UNIQUE INDEX site_mdc_by_uuid ON site_mdc(uuid);
CREATE UNIQUE INDEX audit_log_by_uuid ON audit_log(uuid);
CREATE TABLE database_identity (
  uuid TEXT NOT NULL, created_utc TEXT NOT NULL, single INTEGER PRIMARY KEY CHECK (single = 1));
INSERT INTO database_identity (uuid, created_utc, single)
  VALUES (algoscope_new_uuid(), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 1);
)sql";

// Every record the shared study receives gets an outbox row in the same transaction as the
// record itself (a trigger cannot be skipped by any writer, the rescue import included); seq
// is the station's sequence, never reused. Records stored before this version are queued in
// an order where a record always follows those it refers to. Built-in sites are the same on
// every station and never travel.
constexpr const char* kVersion8 = R"sql(
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, table_name TEXT NOT NULL, row_id INTEGER NOT NULL);
CREATE TABLE station (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1), uuid TEXT NOT NULL, name TEXT NOT NULL,
  created_utc TEXT NOT NULL);
CREATE TABLE sync_state (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1), study_uuid TEXT NOT NULL,
  study_name TEXT NOT NULL, acknowledged_seq INTEGER NOT NULL, synced_utc TEXT NOT NULL);
INSERT INTO outbox (table_name, row_id) SELECT 'sites', id FROM sites WHERE builtin = 0 ORDER BY id;
INSERT INTO outbox (table_name, row_id) SELECT 'subjects', id FROM subjects ORDER BY id;
INSERT INTO outbox (table_name, row_id) SELECT 'operators', id FROM operators ORDER BY id;
INSERT INTO outbox (table_name, row_id) SELECT 'sessions', id FROM sessions ORDER BY id;
INSERT INTO outbox (table_name, row_id) SELECT 'expert_templates', id FROM expert_templates
  ORDER BY id;
INSERT INTO outbox (table_name, row_id) SELECT 'training_plans', id FROM training_plans
  ORDER BY id;
INSERT INTO outbox (table_name, row_id) SELECT 'trials', id FROM trials ORDER BY id;
INSERT INTO outbox (table_name, row_id) SELECT 'holds', id FROM holds ORDER BY id;
INSERT INTO outbox (table_name, row_id) SELECT 'training_scores', id FROM training_scores
  ORDER BY id;
INSERT INTO outbox (table_name, row_id) SELECT 'site_mdc', id FROM site_mdc ORDER BY id;
INSERT INTO outbox (table_name, row_id) SELECT 'audit_log', id FROM audit_log ORDER BY id;
CREATE TRIGGER outbox_sites AFTER INSERT ON sites WHEN NEW.builtin = 0
  BEGIN INSERT INTO outbox (table_name, row_id) VALUES ('sites', NEW.id); END;
CREATE TRIGGER outbox_subjects AFTER INSERT ON subjects
  BEGIN INSERT INTO outbox (table_name, row_id) VALUES ('subjects', NEW.id); END;
CREATE TRIGGER outbox_operators AFTER INSERT ON operators
  BEGIN INSERT INTO outbox (table_name, row_id) VALUES ('operators', NEW.id); END;
CREATE TRIGGER outbox_sessions AFTER INSERT ON sessions
  BEGIN INSERT INTO outbox (table_name, row_id) VALUES ('sessions', NEW.id); END;
CREATE TRIGGER outbox_expert_templates AFTER INSERT ON expert_templates
  BEGIN INSERT INTO outbox (table_name, row_id) VALUES ('expert_templates', NEW.id); END;
CREATE TRIGGER outbox_training_plans AFTER INSERT ON training_plans
  BEGIN INSERT INTO outbox (table_name, row_id) VALUES ('training_plans', NEW.id); END;
CREATE TRIGGER outbox_trials AFTER INSERT ON trials
  BEGIN INSERT INTO outbox (table_name, row_id) VALUES ('trials', NEW.id); END;
CREATE TRIGGER outbox_holds AFTER INSERT ON holds
  BEGIN INSERT INTO outbox (table_name, row_id) VALUES ('holds', NEW.id); END;
CREATE TRIGGER outbox_training_scores AFTER INSERT ON training_scores
  BEGIN INSERT INTO outbox (table_name, row_id) VALUES ('training_scores', NEW.id); END;
CREATE TRIGGER outbox_site_mdc AFTER INSERT ON site_mdc
  BEGIN INSERT INTO outbox (table_name, row_id) VALUES ('site_mdc', NEW.id); END;
CREATE TRIGGER outbox_audit_log AFTER INSERT ON audit_log
  BEGIN INSERT INTO outbox (table_name, row_id) VALUES ('audit_log', NEW.id); END;
)sql";

// A hold without losses stores "[]"; NULL means not measured.
constexpr const char* kVersion9 = R"sql(
ALTER TABLE holds ADD COLUMN signal_losses TEXT;
)sql";

// Version 10: the subject's reaction-time test stored with the session (each cue and press,
// median, IQR, anticipations, who gave the cue and its timing uncertainty), and each trial's
// rate at the button (docs/reaction-time.md). A test goes to the shared study's outbox with
// its cues (they are written in the same transaction, before anything reads the outbox).
constexpr const char* kVersion10 = R"sql(
ALTER TABLE trials ADD COLUMN rate_at_button_kpa_s REAL;
CREATE TABLE reaction_tests (
  id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL REFERENCES sessions(id),
  tested_utc TEXT NOT NULL, cue_source TEXT NOT NULL CHECK (cue_source IN ('device','host')),
  trials INTEGER NOT NULL, practice INTEGER NOT NULL, n INTEGER NOT NULL,
  median_ms REAL, iqr_ms REAL, anticipations INTEGER NOT NULL, misses INTEGER NOT NULL,
  lost_cues INTEGER NOT NULL, complete INTEGER NOT NULL,
  timing_uncertainty_ms REAL NOT NULL, timing_note TEXT NOT NULL, uuid TEXT NOT NULL);
CREATE INDEX reaction_tests_by_session ON reaction_tests(session_id);
CREATE TABLE reaction_cues (
  test_id INTEGER NOT NULL REFERENCES reaction_tests(id), number INTEGER NOT NULL,
  outcome TEXT NOT NULL
    CHECK (outcome IN ('practice','counted','anticipation','false_start','missed')),
  cue_t_s REAL, press_t_s REAL, reaction_ms REAL, uuid TEXT NOT NULL,
  PRIMARY KEY (test_id, number));
CREATE UNIQUE INDEX reaction_tests_by_uuid ON reaction_tests(uuid);
CREATE UNIQUE INDEX reaction_cues_by_uuid ON reaction_cues(uuid);
CREATE TRIGGER outbox_reaction_tests AFTER INSERT ON reaction_tests
  BEGIN INSERT INTO outbox (table_name, row_id) VALUES ('reaction_tests', NEW.id); END;
)sql";

// A hold without marks or prompts stores {"marks_s":[],"detections_s":[]}; NULL means the
// hold was recorded before marks were stored, so release-eval leaves it out.
constexpr const char* kVersion11 = R"sql(
ALTER TABLE holds ADD COLUMN release_marks TEXT;
)sql";

// A trial without such a press stores []; NULL means it was recorded before they were kept.
constexpr const char* kVersion12 = R"sql(
ALTER TABLE trials ADD COLUMN presses_while_loaded TEXT;
)sql";

// The moment (ISO 8601 UTC with milliseconds) the trial's session clock read 0: its ramp
// started at this + ramp_start_t_s. Trials stored before have none; none is invented for them.
// A step of its own, named for what it adds, so it can take another number in the list below.
constexpr const char* kTrialClockAnchor = R"sql(
ALTER TABLE trials ADD COLUMN clock_zero_utc TEXT;
)sql";

// The class (active, latent, ...) is not stored: protocols::classify derives it from these.
constexpr const char* kTriggerPointFindings = R"sql(
CREATE TABLE trigger_point_findings (
  id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL REFERENCES sessions(id),
  site_id INTEGER NOT NULL REFERENCES sites(id), side TEXT NOT NULL CHECK (side IN ('L','R','M')),
  examined_utc TEXT NOT NULL,
  taut_band TEXT NOT NULL CHECK (taut_band IN ('not_examined','absent','present')),
  tender_spot TEXT NOT NULL CHECK (tender_spot IN ('not_examined','absent','present')),
  local_twitch TEXT NOT NULL CHECK (local_twitch IN ('not_examined','absent','present')),
  jump_sign TEXT NOT NULL CHECK (jump_sign IN ('not_examined','absent','present')),
  familiar_pain TEXT NOT NULL CHECK (familiar_pain IN ('not_examined','absent','present')),
  referral_zone TEXT NOT NULL, uuid TEXT NOT NULL);
CREATE INDEX trigger_point_findings_by_session ON trigger_point_findings(session_id);
CREATE UNIQUE INDEX trigger_point_findings_by_uuid ON trigger_point_findings(uuid);
CREATE TRIGGER outbox_trigger_point_findings AFTER INSERT ON trigger_point_findings
  BEGIN INSERT INTO outbox (table_name, row_id) VALUES ('trigger_point_findings', NEW.id); END;
)sql";

constexpr const char* kAppendOnlyGuards = R"sql(
CREATE TRIGGER IF NOT EXISTS trials_never_deleted BEFORE DELETE ON trials
  BEGIN SELECT RAISE(ABORT, 'trials are never deleted; correct them instead'); END;
CREATE TRIGGER IF NOT EXISTS trial_traces_immutable BEFORE UPDATE ON trial_traces
  BEGIN SELECT RAISE(ABORT, 'raw traces never change'); END;
CREATE TRIGGER IF NOT EXISTS trial_traces_never_deleted BEFORE DELETE ON trial_traces
  BEGIN SELECT RAISE(ABORT, 'raw traces are never deleted'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_immutable BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_never_deleted BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS holds_never_deleted BEFORE DELETE ON holds
  BEGIN SELECT RAISE(ABORT, 'holds are never deleted; correct them instead'); END;
CREATE TRIGGER IF NOT EXISTS hold_traces_immutable BEFORE UPDATE ON hold_traces
  BEGIN SELECT RAISE(ABORT, 'raw traces never change'); END;
CREATE TRIGGER IF NOT EXISTS hold_traces_never_deleted BEFORE DELETE ON hold_traces
  BEGIN SELECT RAISE(ABORT, 'raw traces are never deleted'); END;
CREATE TRIGGER IF NOT EXISTS session_samples_immutable BEFORE UPDATE ON session_samples
  BEGIN SELECT RAISE(ABORT, 'raw samples never change'); END;
CREATE TRIGGER IF NOT EXISTS template_traces_immutable BEFORE UPDATE ON template_traces
  BEGIN SELECT RAISE(ABORT, 'raw traces never change'); END;
CREATE TRIGGER IF NOT EXISTS site_mdc_immutable BEFORE UPDATE ON site_mdc
  BEGIN SELECT RAISE(ABORT, 'a stored MDC never changes; save a new one'); END;
CREATE TRIGGER IF NOT EXISTS training_scores_never_deleted BEFORE DELETE ON training_scores
  BEGIN SELECT RAISE(ABORT, 'training scores are never deleted'); END;
CREATE TRIGGER IF NOT EXISTS database_identity_immutable BEFORE UPDATE ON database_identity
  BEGIN SELECT RAISE(ABORT, 'a database keeps its identity'); END;
CREATE TRIGGER IF NOT EXISTS database_identity_never_deleted BEFORE DELETE ON database_identity
  BEGIN SELECT RAISE(ABORT, 'a database keeps its identity'); END;
CREATE TRIGGER IF NOT EXISTS outbox_immutable BEFORE UPDATE ON outbox
  BEGIN SELECT RAISE(ABORT, 'the outbox is append-only'); END;
CREATE TRIGGER IF NOT EXISTS outbox_never_deleted BEFORE DELETE ON outbox
  BEGIN SELECT RAISE(ABORT, 'the outbox is append-only'); END;
CREATE TRIGGER IF NOT EXISTS reaction_tests_immutable BEFORE UPDATE ON reaction_tests
  BEGIN SELECT RAISE(ABORT, 'a stored reaction-time test never changes'); END;
CREATE TRIGGER IF NOT EXISTS reaction_tests_never_deleted BEFORE DELETE ON reaction_tests
  BEGIN SELECT RAISE(ABORT, 'reaction-time tests are never deleted'); END;
CREATE TRIGGER IF NOT EXISTS reaction_cues_immutable BEFORE UPDATE ON reaction_cues
  BEGIN SELECT RAISE(ABORT, 'a stored reaction-time test never changes'); END;
CREATE TRIGGER IF NOT EXISTS reaction_cues_never_deleted BEFORE DELETE ON reaction_cues
  BEGIN SELECT RAISE(ABORT, 'reaction-time tests are never deleted'); END;
CREATE TRIGGER IF NOT EXISTS trigger_point_findings_immutable
  BEFORE UPDATE ON trigger_point_findings
  BEGIN SELECT RAISE(ABORT, 'stored findings never change; record the point again'); END;
CREATE TRIGGER IF NOT EXISTS trigger_point_findings_never_deleted
  BEFORE DELETE ON trigger_point_findings
  BEGIN SELECT RAISE(ABORT, 'trigger-point findings are never deleted'); END;
)sql";

// Indexes only reads need (a subject's history opens with its sessions). Created on every
// writable open like the guards, so files of any version get them without a schema change.
constexpr const char* kReadIndexes = R"sql(
CREATE INDEX IF NOT EXISTS sessions_by_subject ON sessions(subject_id, started_utc);
)sql";

// algoscope_new_uuid(): a new record identity (algocore::new_uuid) for the migration's SQL.
// Registered on the connection that migrates; no stored schema object refers to it.
void sql_new_uuid(sqlite3_context* context, int, sqlite3_value**) {
    try {
        const std::string uuid = new_uuid();
        sqlite3_result_text(context, uuid.c_str(), static_cast<int>(uuid.size()), SQLITE_TRANSIENT);
    } catch (const std::exception& e) {
        sqlite3_result_error(context, e.what(), -1);
    }
}

void register_uuid_function(SQLite::Database& db) {
    const int rc = sqlite3_create_function_v2(db.getHandle(), "algoscope_new_uuid", 0, SQLITE_UTF8,
                                              nullptr, sql_new_uuid, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throw SQLite::Exception(db.getHandle(), rc);
}

int user_version(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

// Tables every Algoscope database has had since version 1.
constexpr const char* kOurCoreTables[] = {"subjects", "operators", "sites", "sessions", "trials"};

} // namespace

std::string refuse_unless_ours(SQLite::Database& db, const std::string& path) {
    const int application_id = db.execAndGet("PRAGMA application_id").getInt();
    if (application_id == kApplicationId) return {};
    std::vector<std::string> tables;
    SQLite::Statement st(db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                             "AND name NOT LIKE 'sqlite_%' ORDER BY name");
    while (st.executeStep())
        tables.push_back(st.getColumn(0).getString());
    if (tables.empty() && application_id == 0) return {}; // a new, empty file
    // Files written before databases were marked (version 1-3), and files an interrupted
    // migration of an older Algoscope left unmarked at a later version (each step committed
    // on its own and the mark came last): our tables, no mark.
    const int version = user_version(db);
    bool ours = application_id == 0 && version >= 1 && version <= kSchemaVersion;
    for (const char* name : kOurCoreTables)
        ours = ours && std::find(tables.begin(), tables.end(), name) != tables.end();
    if (ours) return {};
    std::string listed;
    for (std::size_t i = 0; i < tables.size() && i < 5; ++i)
        listed += (i ? ", " : "") + tables[i];
    if (tables.size() > 5) listed += ", ...";
    return path + " is not an Algoscope database (application id " +
           std::to_string(application_id) + (listed.empty() ? "" : ", tables: " + listed) +
           "); it was left unchanged. Choose another file or a new name";
}

const char* migration_sql(int to_version) {
    switch (to_version) {
    case 1: return kVersion1;
    case 2: return kVersion2;
    case 3: return kVersion3;
    case 4: return kVersion4;
    case 5: return kVersion5;
    case 6: return kVersion6;
    case 7: return kVersion7;
    case 8: return kVersion8;
    case 9: return kVersion9;
    case 10: return kVersion10;
    case 11: return kVersion11;
    case 12: return kVersion12;
    case 13: return kTrialClockAnchor;
    case 14: return kTriggerPointFindings;
    default: return nullptr;
    }
}

MigrationResult migrate(SQLite::Database& db) {
    MigrationResult result;
    result.from_version = user_version(db);
    result.to_version = result.from_version;
    if (result.from_version > kSchemaVersion) {
        result.error = "the database has schema version " + std::to_string(result.from_version) +
                       ", newer than this Algoscope understands (" +
                       std::to_string(kSchemaVersion) + "); update Algoscope to open it";
        return result;
    }
    try {
        register_uuid_function(db);
    } catch (const SQLite::Exception& e) {
        result.error = std::string("cannot prepare the schema migration: ") + e.what();
        return result;
    }
    // The whole migration is one transaction, and the file is marked as ours in it: killed,
    // out of disk or failing at any step, the file is left as it was (still ours), never
    // half-migrated and unmarked.
    if (result.from_version < kSchemaVersion) {
        try {
            SQLite::Transaction tx(db);
            db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
            for (int next = result.from_version + 1; next <= kSchemaVersion; ++next) {
                db.exec(migration_sql(next));
                if (next == 5) reencode_old_traces(db);
            }
            db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
            tx.commit();
            result.to_version = kSchemaVersion;
        } catch (const std::exception& e) {
            result.error = "migrating the database from schema version " +
                           std::to_string(result.from_version) + " to " +
                           std::to_string(kSchemaVersion) + " failed (" + e.what() +
                           "); the file was left as it was, still version " +
                           std::to_string(result.from_version);
            return result;
        }
    }
    try {
        if (db.execAndGet("PRAGMA application_id").getInt() != kApplicationId)
            db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        // Guards are (re)created on every open, so a file from any version, or one whose
        // triggers were dropped by hand, is append-only again before anything is written.
        db.exec(kAppendOnlyGuards);
        db.exec(kReadIndexes);
    } catch (const SQLite::Exception& e) {
        result.error = std::string("cannot install the append-only guards: ") + e.what();
        return result;
    }
    result.ok = true;
    return result;
}

void seed_builtin_sites(SQLite::Database& db) {
    SQLite::Transaction tx(db);
    SQLite::Statement upsert(
        db, "INSERT INTO sites (key, name, region, landmark, paired, front_x, front_y, back_x, "
            "back_y, dfns, mdc_kpa, builtin) VALUES (?,?,?,?,?,?,?,?,?,?,?,1) "
            "ON CONFLICT(key) DO UPDATE SET name=excluded.name, region=excluded.region, "
            "landmark=excluded.landmark, paired=excluded.paired, front_x=excluded.front_x, "
            "front_y=excluded.front_y, back_x=excluded.back_x, back_y=excluded.back_y, "
            "dfns=excluded.dfns WHERE sites.builtin = 1");
    for (const Site& s : builtin_sites()) {
        upsert.reset();
        upsert.clearBindings();
        bind_site_description(upsert, s, 1);
        upsert.exec();
    }
    tx.commit();
}

void bind_site_description(SQLite::Statement& st, const Site& s, int first) {
    st.bind(first + 0, s.key);
    st.bind(first + 1, s.name);
    st.bind(first + 2, s.region);
    st.bind(first + 3, s.landmark);
    st.bind(first + 4, s.paired ? 1 : 0);
    if (s.front) {
        st.bind(first + 5, s.front->x);
        st.bind(first + 6, s.front->y);
    }
    if (s.back) {
        st.bind(first + 7, s.back->x);
        st.bind(first + 8, s.back->y);
    }
    st.bind(first + 9, s.dfns ? 1 : 0);
    st.bind(first + 10, s.mdc_kpa);
}

} // namespace algocore::storage::schema
