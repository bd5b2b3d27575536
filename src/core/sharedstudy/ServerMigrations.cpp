// Version 1: the study's identity and the stations (each bound to the PostgreSQL role that
// registered it, with the sequence number the server has acknowledged), the group roles and
// row-level security: a station's role registers and advances only its own station.
// Version 2: the records stations push (by UUID, with the station and its sequence number),
// subjects' merges, and row-level security: a station's role adds only its own station's rows.
// Version 3: a trial excluded on its station with a reason (trials.excluded_reason, kept and
// never counted; changed only by the station's audited correction).
// Version 4: each hold's stretches without signal (holds.signal_losses, the station's JSON;
// NULL for holds recorded before a station measured them).
// Version 5: each trial's rate over the last second before the button
// (trials.rate_at_button_kpa_s) and the subjects' reaction-time tests, each with its cues.
// Version 6: each hold's "release felt" marks and the detector's prompts (holds.release_marks,
// the station's JSON; NULL for holds recorded before a station stored them).
// Version 7: the wall-clock anchor of each trial's session clock (trials.clock_zero_utc, as the
// station stored it; NULL for trials without one): kTrialClockAnchor.
// Version 8: trigger-point findings per point and visit (the five findings and the referral
// zone as region codes, as the station stored them; the newest of a session, site and side is
// the visit's).
// Version 9: classes, each class's exercises (the newest is its current one: a pushed template
// and a feedback schedule) and each station's live progress in its class (one row per station,
// overwritten at most 5 times a second; every change notifies the class's channel). A station's
// role writes only its own station's progress and sees no other's; teachers make classes,
// assign exercises and read the whole class.
// Version 10: the course: which class each station was in from when (a row whenever a station
// first publishes in a class or moves to another), so a pushed training score belongs to the
// class its station was in when the attempt was made; teachers and readers read the class's
// attempts through one view (class_attempts), stations do not.
#include "ServerMigrations.h"

namespace algocore::sharedstudy {

// Roles are per cluster, so they are made only when missing (a second study on the same
// cluster shares them). Two studies initialised at once can both see a role missing; the
// loser's CREATE ROLE then fails (unique_violation on pg_authid, or duplicate_object) and
// is taken as "already there", since the role it wanted exists.
const char* const kServerGroupRoles = R"sql(
DO $$
BEGIN
  BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'algoscope_station') THEN
      CREATE ROLE algoscope_station NOLOGIN;
    END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'algoscope_reader') THEN
      CREATE ROLE algoscope_reader NOLOGIN;
    END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'algoscope_teacher') THEN
      CREATE ROLE algoscope_teacher NOLOGIN;
    END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
END $$;
)sql";

namespace {

constexpr const char* kVersion1 = R"sql(
CREATE SCHEMA algoscope;
CREATE TABLE algoscope.study (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  uuid uuid NOT NULL, name text NOT NULL, schema_version integer NOT NULL,
  created_utc timestamptz NOT NULL DEFAULT now());
CREATE TABLE algoscope.stations (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid uuid NOT NULL UNIQUE, name text NOT NULL UNIQUE,
  role_name name NOT NULL DEFAULT current_user,
  acknowledged_seq bigint NOT NULL DEFAULT 0 CHECK (acknowledged_seq >= 0),
  acknowledged_uuid uuid,
  registered_utc timestamptz NOT NULL DEFAULT now(), pushed_utc timestamptz);
CREATE INDEX stations_by_role ON algoscope.stations(role_name);

REVOKE ALL ON SCHEMA algoscope FROM PUBLIC;
GRANT USAGE ON SCHEMA algoscope TO algoscope_station, algoscope_reader;
GRANT SELECT ON algoscope.study, algoscope.stations TO algoscope_station, algoscope_reader;
GRANT INSERT (uuid, name) ON algoscope.stations TO algoscope_station;
GRANT UPDATE (acknowledged_seq, acknowledged_uuid, pushed_utc) ON algoscope.stations
  TO algoscope_station;
ALTER TABLE algoscope.stations ENABLE ROW LEVEL SECURITY;
CREATE POLICY stations_seen ON algoscope.stations FOR SELECT USING (true);
CREATE POLICY stations_registered_by_their_role ON algoscope.stations FOR INSERT
  TO algoscope_station WITH CHECK (role_name = current_user);
CREATE POLICY stations_advanced_by_their_role ON algoscope.stations FOR UPDATE
  TO algoscope_station USING (role_name = current_user) WITH CHECK (role_name = current_user);
)sql";

// Every record a station pushes carries its UUID (the conflict key: a re-sent record is
// skipped, never doubled), the station it was born on and that station's sequence number.
// References are by UUID (sites by key: the built-in library is the same everywhere) and
// deferred to the commit, so a batch's order inside its transaction does not matter.
constexpr const char* kVersion2 = R"sql(
CREATE TABLE algoscope.subjects (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, uuid uuid NOT NULL UNIQUE,
  station_id integer NOT NULL REFERENCES algoscope.stations(id), seq bigint NOT NULL,
  code text NOT NULL, sex text, age_band text,
  dominant_side text CHECK (dominant_side IN ('L','R','M')), notes text NOT NULL DEFAULT '');
CREATE INDEX subjects_by_code ON algoscope.subjects(code);
CREATE TABLE algoscope.operators (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, uuid uuid NOT NULL UNIQUE,
  station_id integer NOT NULL REFERENCES algoscope.stations(id), seq bigint NOT NULL,
  name text NOT NULL, role text NOT NULL DEFAULT '');
CREATE INDEX operators_by_name ON algoscope.operators(name);
CREATE TABLE algoscope.sites (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, uuid uuid NOT NULL UNIQUE,
  station_id integer NOT NULL REFERENCES algoscope.stations(id), seq bigint NOT NULL,
  key text NOT NULL, name text NOT NULL, region text NOT NULL DEFAULT '',
  landmark text NOT NULL DEFAULT '', paired boolean NOT NULL, front_x double precision,
  front_y double precision, back_x double precision, back_y double precision,
  dfns boolean NOT NULL, mdc_kpa double precision NOT NULL);
CREATE TABLE algoscope.sessions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, uuid uuid NOT NULL UNIQUE,
  station_id integer NOT NULL REFERENCES algoscope.stations(id), seq bigint NOT NULL,
  subject_uuid uuid NOT NULL REFERENCES algoscope.subjects(uuid) DEFERRABLE INITIALLY DEFERRED,
  operator_uuid uuid REFERENCES algoscope.operators(uuid) DEFERRABLE INITIALLY DEFERRED,
  started_utc text NOT NULL, device_serial text NOT NULL, calibration_id bigint NOT NULL,
  probe_cm2 double precision NOT NULL CHECK (probe_cm2 > 0), notes text NOT NULL);
CREATE INDEX sessions_by_subject ON algoscope.sessions(subject_uuid, started_utc);
CREATE TABLE algoscope.trials (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, uuid uuid NOT NULL UNIQUE,
  station_id integer NOT NULL REFERENCES algoscope.stations(id), seq bigint NOT NULL,
  session_uuid uuid NOT NULL REFERENCES algoscope.sessions(uuid) DEFERRABLE INITIALLY DEFERRED,
  site_key text NOT NULL, side text NOT NULL CHECK (side IN ('L','R','M')),
  measure text NOT NULL CHECK (measure IN ('ppt','tolerance')), trial_index integer NOT NULL,
  ppt_kpa double precision NOT NULL, rate_kpa_s double precision NOT NULL,
  target_rate_kpa_s double precision NOT NULL, probe_cm2 double precision NOT NULL,
  valid boolean NOT NULL, counted boolean NOT NULL, flags bigint NOT NULL, outcome text NOT NULL,
  preset text NOT NULL, calibration_id bigint NOT NULL, in_corridor_pct double precision NOT NULL,
  ramp_start_t_s double precision NOT NULL, signal_t_s double precision NOT NULL,
  peak_kpa double precision NOT NULL, rest_s double precision,
  sample_count integer, samples bytea);
CREATE INDEX trials_by_session ON algoscope.trials(session_uuid);
CREATE TABLE algoscope.holds (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, uuid uuid NOT NULL UNIQUE,
  station_id integer NOT NULL REFERENCES algoscope.stations(id), seq bigint NOT NULL,
  session_uuid uuid NOT NULL REFERENCES algoscope.sessions(uuid) DEFERRABLE INITIALLY DEFERRED,
  site_key text NOT NULL, side text NOT NULL CHECK (side IN ('L','R','M')),
  prescription text NOT NULL, band_low_kpa double precision NOT NULL,
  band_high_kpa double precision NOT NULL, limit_kpa double precision,
  target_hold_s double precision NOT NULL, outcome text NOT NULL,
  probe_cm2 double precision NOT NULL, calibration_id bigint NOT NULL,
  start_t_s double precision NOT NULL, duration_s double precision NOT NULL,
  time_in_band_s double precision NOT NULL, time_in_band_pct double precision NOT NULL,
  mean_kpa double precision NOT NULL, median_kpa double precision NOT NULL,
  pti_kpa_s double precision NOT NULL, peak_kpa double precision NOT NULL,
  cv_pct double precision NOT NULL, excursions integer NOT NULL, overshoots integer NOT NULL,
  step_ups text NOT NULL, pain_rating integer CHECK (pain_rating BETWEEN 0 AND 10),
  contact_s double precision, repetition integer NOT NULL,
  sample_count integer, samples bytea);
CREATE INDEX holds_by_session ON algoscope.holds(session_uuid);
CREATE TABLE algoscope.expert_templates (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, uuid uuid NOT NULL UNIQUE,
  station_id integer NOT NULL REFERENCES algoscope.stations(id), seq bigint NOT NULL,
  session_uuid uuid NOT NULL REFERENCES algoscope.sessions(uuid) DEFERRABLE INITIALLY DEFERRED,
  name text NOT NULL, kind text NOT NULL CHECK (kind IN ('hold','ramp')),
  band_low_kpa double precision, band_high_kpa double precision, recorded_utc text NOT NULL,
  duration_s double precision NOT NULL, sample_count integer, samples bytea);
CREATE TABLE algoscope.training_plans (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, uuid uuid NOT NULL UNIQUE,
  station_id integer NOT NULL REFERENCES algoscope.stations(id), seq bigint NOT NULL,
  session_uuid uuid NOT NULL REFERENCES algoscope.sessions(uuid) DEFERRABLE INITIALLY DEFERRED,
  template_uuid uuid NOT NULL
    REFERENCES algoscope.expert_templates(uuid) DEFERRABLE INITIALLY DEFERRED,
  schedule text NOT NULL, started_utc text NOT NULL);
CREATE TABLE algoscope.training_scores (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, uuid uuid NOT NULL UNIQUE,
  station_id integer NOT NULL REFERENCES algoscope.stations(id), seq bigint NOT NULL,
  session_uuid uuid REFERENCES algoscope.sessions(uuid) DEFERRABLE INITIALLY DEFERRED,
  student_uuid uuid NOT NULL REFERENCES algoscope.operators(uuid) DEFERRABLE INITIALLY DEFERRED,
  exercise text NOT NULL, feedback text NOT NULL, blind boolean NOT NULL,
  attempted_utc text NOT NULL, constant_error_kpa double precision NOT NULL,
  absolute_error_kpa double precision NOT NULL, variable_error_kpa double precision NOT NULL,
  time_in_band_pct double precision NOT NULL,
  template_uuid uuid REFERENCES algoscope.expert_templates(uuid) DEFERRABLE INITIALLY DEFERRED,
  plan_uuid uuid REFERENCES algoscope.training_plans(uuid) DEFERRABLE INITIALLY DEFERRED,
  attempt integer, samples_compared integer, time_in_band_s double precision);
CREATE INDEX training_scores_by_student ON algoscope.training_scores(student_uuid);
CREATE TABLE algoscope.site_mdc (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, uuid uuid NOT NULL UNIQUE,
  station_id integer NOT NULL REFERENCES algoscope.stations(id), seq bigint NOT NULL,
  site_key text NOT NULL, side text NOT NULL CHECK (side IN ('L','R','M','both')),
  mdc_kpa double precision NOT NULL CHECK (mdc_kpa > 0), sem_kpa double precision NOT NULL,
  icc_form text NOT NULL, n_subjects integer NOT NULL, source text NOT NULL,
  computed_utc text NOT NULL);
CREATE TABLE algoscope.audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, uuid uuid NOT NULL UNIQUE,
  station_id integer NOT NULL REFERENCES algoscope.stations(id), seq bigint NOT NULL,
  who text NOT NULL, when_utc text NOT NULL, table_name text NOT NULL, row_uuid uuid NOT NULL,
  field text NOT NULL, old_value text, new_value text, reason text NOT NULL DEFAULT '');
-- Two subjects that are one person (the same code made on two stations offline): the merged
-- one is read as the kept one. The row is the merge's audit record: who, when, why.
CREATE TABLE algoscope.subject_merges (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kept_uuid uuid NOT NULL REFERENCES algoscope.subjects(uuid),
  merged_uuid uuid NOT NULL UNIQUE REFERENCES algoscope.subjects(uuid),
  merged_by name NOT NULL DEFAULT current_user,
  merged_utc timestamptz NOT NULL DEFAULT now(), reason text NOT NULL DEFAULT '',
  CHECK (kept_uuid <> merged_uuid));

GRANT SELECT ON ALL TABLES IN SCHEMA algoscope TO algoscope_station, algoscope_reader;
GRANT INSERT (kept_uuid, merged_uuid, reason) ON algoscope.subject_merges TO algoscope_station;
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['subjects', 'operators', 'sites', 'sessions', 'trials', 'holds',
      'expert_templates', 'training_plans', 'training_scores', 'site_mdc', 'audit_log'] LOOP
    EXECUTE format('ALTER TABLE algoscope.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY seen ON algoscope.%I FOR SELECT USING (true)', t);
    EXECUTE format('CREATE POLICY added_by_its_station ON algoscope.%I FOR INSERT '
                   'TO algoscope_station WITH CHECK (station_id IN '
                   '(SELECT id FROM algoscope.stations WHERE role_name = current_user))', t);
    EXECUTE format('CREATE POLICY corrected_by_its_station ON algoscope.%I FOR UPDATE '
                   'TO algoscope_station USING (station_id IN '
                   '(SELECT id FROM algoscope.stations WHERE role_name = current_user))', t);
    EXECUTE format('GRANT INSERT ON algoscope.%I TO algoscope_station', t);
  END LOOP;
END $$;
-- What an audited correction on a station may change, and nothing else (SqliteWriter's list).
GRANT UPDATE (valid, counted, side, site_key) ON algoscope.trials TO algoscope_station;
GRANT UPDATE (pain_rating, side, site_key) ON algoscope.holds TO algoscope_station;
GRANT UPDATE (notes, operator_uuid, device_serial, calibration_id, probe_cm2)
  ON algoscope.sessions TO algoscope_station;
GRANT UPDATE (sex, age_band, dominant_side, notes) ON algoscope.subjects TO algoscope_station;
GRANT UPDATE (mdc_kpa, landmark) ON algoscope.sites TO algoscope_station;
)sql";
constexpr const char* kVersion3 = R"sql(
ALTER TABLE algoscope.trials ADD COLUMN excluded_reason text;
GRANT UPDATE (excluded_reason) ON algoscope.trials TO algoscope_station;
)sql";
constexpr const char* kVersion4 = R"sql(
ALTER TABLE algoscope.holds ADD COLUMN signal_losses text;
)sql";
constexpr const char* kVersion5 = R"sql(
ALTER TABLE algoscope.trials ADD COLUMN rate_at_button_kpa_s double precision;
CREATE TABLE algoscope.reaction_tests (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, uuid uuid NOT NULL UNIQUE,
  station_id integer NOT NULL REFERENCES algoscope.stations(id), seq bigint NOT NULL,
  session_uuid uuid NOT NULL REFERENCES algoscope.sessions(uuid) DEFERRABLE INITIALLY DEFERRED,
  tested_utc text NOT NULL, cue_source text NOT NULL CHECK (cue_source IN ('device','host')),
  trials integer NOT NULL, practice integer NOT NULL, n integer NOT NULL,
  median_ms double precision, iqr_ms double precision, anticipations integer NOT NULL,
  misses integer NOT NULL, lost_cues integer NOT NULL, complete boolean NOT NULL,
  timing_uncertainty_ms double precision NOT NULL, timing_note text NOT NULL,
  cues jsonb NOT NULL);
CREATE INDEX reaction_tests_by_session ON algoscope.reaction_tests(session_uuid);
GRANT SELECT ON algoscope.reaction_tests TO algoscope_station, algoscope_reader;
ALTER TABLE algoscope.reaction_tests ENABLE ROW LEVEL SECURITY;
CREATE POLICY seen ON algoscope.reaction_tests FOR SELECT USING (true);
CREATE POLICY added_by_its_station ON algoscope.reaction_tests FOR INSERT TO algoscope_station
  WITH CHECK (station_id IN (SELECT id FROM algoscope.stations WHERE role_name = current_user));
GRANT INSERT ON algoscope.reaction_tests TO algoscope_station;
)sql";
constexpr const char* kVersion6 = R"sql(
ALTER TABLE algoscope.holds ADD COLUMN release_marks text;
)sql";
// Named for what it adds, so it can take another number in the list below.
constexpr const char* kTrialClockAnchor = R"sql(
ALTER TABLE algoscope.trials ADD COLUMN clock_zero_utc text;
)sql";
constexpr const char* kTriggerPointFindings = R"sql(
CREATE TABLE algoscope.trigger_point_findings (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, uuid uuid NOT NULL UNIQUE,
  station_id integer NOT NULL REFERENCES algoscope.stations(id), seq bigint NOT NULL,
  session_uuid uuid NOT NULL REFERENCES algoscope.sessions(uuid) DEFERRABLE INITIALLY DEFERRED,
  site_key text NOT NULL, side text NOT NULL CHECK (side IN ('L','R','M')),
  examined_utc text NOT NULL,
  taut_band text NOT NULL CHECK (taut_band IN ('not_examined','absent','present')),
  tender_spot text NOT NULL CHECK (tender_spot IN ('not_examined','absent','present')),
  local_twitch text NOT NULL CHECK (local_twitch IN ('not_examined','absent','present')),
  jump_sign text NOT NULL CHECK (jump_sign IN ('not_examined','absent','present')),
  familiar_pain text NOT NULL CHECK (familiar_pain IN ('not_examined','absent','present')),
  referral_zone text NOT NULL);
CREATE INDEX trigger_point_findings_by_session ON algoscope.trigger_point_findings(session_uuid);
GRANT SELECT ON algoscope.trigger_point_findings TO algoscope_station, algoscope_reader;
ALTER TABLE algoscope.trigger_point_findings ENABLE ROW LEVEL SECURITY;
CREATE POLICY seen ON algoscope.trigger_point_findings FOR SELECT USING (true);
CREATE POLICY added_by_its_station ON algoscope.trigger_point_findings FOR INSERT
  TO algoscope_station
  WITH CHECK (station_id IN (SELECT id FROM algoscope.stations WHERE role_name = current_user));
GRANT INSERT ON algoscope.trigger_point_findings TO algoscope_station;
)sql";
// The notification carries only the station's id: NOTIFY needs no privilege, so any role could
// send a forged payload on the channel; a watcher therefore takes a notification as "read this
// station's row again", and the row is what row-level security let its station write.
constexpr const char* kClasses = R"sql(
CREATE TABLE algoscope.classes (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (name <> ''),
  created_by name NOT NULL DEFAULT current_user,
  created_utc timestamptz NOT NULL DEFAULT now());
CREATE TABLE algoscope.class_exercises (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  class_id integer NOT NULL REFERENCES algoscope.classes(id),
  template_uuid uuid NOT NULL REFERENCES algoscope.expert_templates(uuid),
  schedule text NOT NULL,
  assigned_by name NOT NULL DEFAULT current_user,
  assigned_utc timestamptz NOT NULL DEFAULT now());
CREATE INDEX class_exercises_by_class ON algoscope.class_exercises(class_id, id);
CREATE TABLE algoscope.class_progress (
  station_id integer PRIMARY KEY REFERENCES algoscope.stations(id),
  class_id integer NOT NULL REFERENCES algoscope.classes(id),
  student text NOT NULL, exercise text NOT NULL,
  state text NOT NULL CHECK (state IN ('idle', 'attempt', 'done', 'no_signal')),
  pressure_kpa double precision, band_low_kpa double precision,
  band_high_kpa double precision, in_band_pct double precision,
  constant_error_kpa double precision, absolute_error_kpa double precision,
  variable_error_kpa double precision, time_in_band_pct double precision,
  station_t double precision NOT NULL,
  updated_utc timestamptz NOT NULL DEFAULT clock_timestamp());
CREATE INDEX class_progress_by_class ON algoscope.class_progress(class_id);

CREATE FUNCTION algoscope.class_progress_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('algoscope_class_' || NEW.class_id, NEW.station_id::text);
  IF TG_OP = 'UPDATE' AND OLD.class_id <> NEW.class_id THEN
    PERFORM pg_notify('algoscope_class_' || OLD.class_id, NEW.station_id::text);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER class_progress_notify AFTER INSERT OR UPDATE ON algoscope.class_progress
  FOR EACH ROW EXECUTE FUNCTION algoscope.class_progress_notify();

GRANT USAGE ON SCHEMA algoscope TO algoscope_teacher;
GRANT SELECT ON algoscope.study, algoscope.stations, algoscope.expert_templates
  TO algoscope_teacher;
GRANT SELECT ON algoscope.classes, algoscope.class_exercises
  TO algoscope_station, algoscope_reader, algoscope_teacher;
GRANT SELECT ON algoscope.class_progress TO algoscope_station, algoscope_reader, algoscope_teacher;
GRANT INSERT (name) ON algoscope.classes TO algoscope_teacher;
GRANT INSERT (class_id, template_uuid, schedule) ON algoscope.class_exercises
  TO algoscope_teacher;
GRANT INSERT, UPDATE ON algoscope.class_progress TO algoscope_station;
ALTER TABLE algoscope.class_progress ENABLE ROW LEVEL SECURITY;
CREATE POLICY class_read ON algoscope.class_progress FOR SELECT
  TO algoscope_reader, algoscope_teacher USING (true);
CREATE POLICY own_progress_read ON algoscope.class_progress FOR SELECT TO algoscope_station
  USING (station_id IN (SELECT id FROM algoscope.stations WHERE role_name = current_user));
CREATE POLICY own_progress_added ON algoscope.class_progress FOR INSERT TO algoscope_station
  WITH CHECK (station_id IN (SELECT id FROM algoscope.stations WHERE role_name = current_user));
CREATE POLICY own_progress_changed ON algoscope.class_progress FOR UPDATE TO algoscope_station
  USING (station_id IN (SELECT id FROM algoscope.stations WHERE role_name = current_user))
  WITH CHECK (station_id IN (SELECT id FROM algoscope.stations WHERE role_name = current_user));
)sql";
// A training score carries its station and its moment, not a class: the station's class at that
// moment is the one whose membership began last at or before it (to the second, as
// attempted_utc is stored). Stations already in a class before this step count as in it from
// the start. The log is written by the trigger as its definer, so no station writes it by hand.
constexpr const char* kClassCourse = R"sql(
CREATE TABLE algoscope.class_memberships (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  station_id integer NOT NULL REFERENCES algoscope.stations(id),
  class_id integer NOT NULL REFERENCES algoscope.classes(id),
  since_utc timestamptz NOT NULL DEFAULT clock_timestamp());
CREATE INDEX class_memberships_by_station ON algoscope.class_memberships(station_id, since_utc);
INSERT INTO algoscope.class_memberships (station_id, class_id, since_utc)
  SELECT station_id, class_id, '-infinity' FROM algoscope.class_progress;

CREATE FUNCTION algoscope.class_membership_log() RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' OR OLD.class_id <> NEW.class_id THEN
    INSERT INTO algoscope.class_memberships (station_id, class_id)
      VALUES (NEW.station_id, NEW.class_id);
  END IF;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION algoscope.class_membership_log() FROM PUBLIC;
CREATE TRIGGER class_membership_log AFTER INSERT OR UPDATE OF class_id
  ON algoscope.class_progress FOR EACH ROW EXECUTE FUNCTION algoscope.class_membership_log();

CREATE VIEW algoscope.class_attempts AS
SELECT m.class_id, o.name AS student, st.name AS station, s.attempted_utc,
  s.session_uuid, se.started_utc AS session_started_utc, s.exercise, s.feedback, s.attempt,
  s.constant_error_kpa, s.absolute_error_kpa, s.variable_error_kpa, s.time_in_band_pct,
  s.uuid AS score_uuid, s.id AS score_id
FROM algoscope.training_scores s
JOIN algoscope.operators o ON o.uuid = s.student_uuid
JOIN algoscope.stations st ON st.id = s.station_id
LEFT JOIN algoscope.sessions se ON se.uuid = s.session_uuid
JOIN LATERAL (
  SELECT c.class_id FROM algoscope.class_memberships c
  WHERE c.station_id = s.station_id
    AND date_trunc('second', c.since_utc) <= s.attempted_utc::timestamptz
  ORDER BY c.since_utc DESC, c.id DESC LIMIT 1) m ON true;
GRANT SELECT ON algoscope.class_attempts TO algoscope_teacher, algoscope_reader;
GRANT SELECT ON algoscope.class_memberships TO algoscope_teacher, algoscope_reader;
)sql";
} // namespace

const char* server_migration_sql(int to_version) {
    switch (to_version) {
    case 1: return kVersion1;
    case 2: return kVersion2;
    case 3: return kVersion3;
    case 4: return kVersion4;
    case 5: return kVersion5;
    case 6: return kVersion6;
    case 7: return kTrialClockAnchor;
    case 8: return kTriggerPointFindings;
    case 9: return kClasses;
    case 10: return kClassCourse;
    default: return nullptr;
    }
}

} // namespace algocore::sharedstudy
