#pragma once
// Read queries, run on the storage thread (the only owner of the connection).
#include <optional>
#include <string>
#include <vector>

#include "algocore/storage/StoredRecords.h"

namespace SQLite {
class Database;
class Statement;
} // namespace SQLite

namespace algocore::storage::queries {

/// The side from its stored letter (L/R/M).
inline BodySide side_of(const std::string& letter) {
    BodySide side = BodySide::Left;
    parse_side(letter, side);
    return side;
}

/// Whether a trial (alias "t." or "") counts towards its point's threshold: the protocol
/// counted it and nobody excluded it. The one home of that rule in SQL; read_trial applies it
/// to Trial::counted, so no reader can count an excluded trial.
std::string trial_counts_sql(const std::string& alias);

/// Column lists of a trial and a hold row, each name prefixed with alias ("t." or ""), in the
/// order read_trial and read_hold expect.
std::string trial_columns(const std::string& alias);
std::string hold_columns(const std::string& alias);
/// The trial or hold of the statement's current row (selected with the column lists above,
/// the trial's from first_column on). A trial read alone does not know its series: readers of
/// a point's trials apply protocols::apply_threshold_rule to them (trials() and history_of do).
Trial read_trial(SQLite::Statement& st, int first_column = 0);
Hold read_hold(SQLite::Statement& st);

std::optional<Subject> find_subject(SQLite::Database& db, const std::string& code);
std::optional<Operator> find_operator(SQLite::Database& db, const std::string& name);
std::optional<Site> find_site(SQLite::Database& db, const std::string& key_or_name);
std::vector<Site> sites(SQLite::Database& db);
std::vector<Subject> subjects(SQLite::Database& db);
std::vector<Operator> operators(SQLite::Database& db);
/// subject_id 0 = all sessions.
std::vector<Session> sessions(SQLite::Database& db, RecordId subject_id);
/// session_id 0 = all trials; the threshold rule applied (protocols/ThresholdSeries.h).
std::vector<Trial> trials(SQLite::Database& db, RecordId session_id);
std::vector<Hold> holds(SQLite::Database& db, RecordId session_id);
/// table is "trial_traces", "hold_traces" or "template_traces".
std::optional<RawTrace> trace(SQLite::Database& db, const char* table, RecordId id);
std::optional<PointThreshold> threshold(SQLite::Database& db, RecordId subject_id, RecordId site_id,
                                        BodySide side, TrialMeasure measure,
                                        RecordId before_session_id);
/// The subject (by code) id, or kNoRecord.
RecordId subject_id_of(SQLite::Database& db, const std::string& code);
/// Latest threshold at each point of a subject.
std::vector<PointThreshold> thresholds_of(SQLite::Database& db, RecordId subject_id,
                                          TrialMeasure measure);
std::vector<SiteSummary> site_summaries(SQLite::Database& db, RecordId subject_id);
/// student_id 0 = all students.
std::vector<TrainingScore> training_scores(SQLite::Database& db, RecordId student_id);
std::vector<ExpertTemplate> templates(SQLite::Database& db);
std::vector<TrainingPlan> training_plans(SQLite::Database& db);
/// table is "trial_traces", "hold_traces" or "template_traces".
std::optional<TrainingPlanProgress> latest_plan(SQLite::Database& db, RecordId student_id);
std::vector<AuditEntry> audit_log(SQLite::Database& db, const std::string& table, RecordId row_id);
/// A subject's records for its history (see Storage::history_of); nullopt for an unknown code.
std::optional<SubjectRecords> history_of(SQLite::Database& db, const std::string& subject_code);
/// Largest id in each table, so new ids can be assigned at enqueue.
RecordId max_id(SQLite::Database& db, const char* table);

} // namespace algocore::storage::queries
