// Training queries: students' scores, expert templates and feedback plans.
#include <SQLiteCpp/SQLiteCpp.h>

#include "SqliteQueries.h"

namespace algocore::storage::queries {

std::vector<TrainingScore> training_scores(SQLite::Database& db, RecordId student_id) {
    std::vector<TrainingScore> out;
    SQLite::Statement st(
        db, "SELECT id, session_id, student_id, exercise, feedback, blind, attempted_utc, "
            "constant_error_kpa, absolute_error_kpa, variable_error_kpa, time_in_band_pct, "
            "template_id, plan_id, attempt, samples_compared, time_in_band_s, uuid "
            "FROM training_scores WHERE ?1 = 0 OR student_id = ?1 ORDER BY attempted_utc, id");
    st.bind(1, student_id);
    while (st.executeStep()) {
        TrainingScore s;
        s.id = st.getColumn(0).getInt64();
        s.session_id = st.getColumn(1).isNull() ? kNoRecord : st.getColumn(1).getInt64();
        s.student_id = st.getColumn(2).getInt64();
        s.exercise = st.getColumn(3).getString();
        s.feedback = st.getColumn(4).getString();
        s.blind = st.getColumn(5).getInt() != 0;
        s.attempted_utc = st.getColumn(6).getString();
        s.constant_error_kpa = st.getColumn(7).getDouble();
        s.absolute_error_kpa = st.getColumn(8).getDouble();
        s.variable_error_kpa = st.getColumn(9).getDouble();
        s.time_in_band_pct = st.getColumn(10).getDouble();
        if (!st.getColumn(11).isNull()) s.template_id = st.getColumn(11).getInt64();
        if (!st.getColumn(12).isNull()) s.plan_id = st.getColumn(12).getInt64();
        if (!st.getColumn(13).isNull()) s.attempt = st.getColumn(13).getInt();
        s.samples_compared = st.getColumn(14).isNull() ? 0 : st.getColumn(14).getInt();
        s.time_in_band_s = st.getColumn(15).isNull() ? 0.0 : st.getColumn(15).getDouble();
        s.uuid = st.getColumn(16).getString();
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<ExpertTemplate> templates(SQLite::Database& db) {
    std::vector<ExpertTemplate> out;
    SQLite::Statement st(db, "SELECT id, session_id, name, kind, band_low_kpa, band_high_kpa, "
                             "recorded_utc, duration_s, uuid FROM expert_templates ORDER BY id");
    while (st.executeStep()) {
        ExpertTemplate t;
        t.id = st.getColumn(0).getInt64();
        t.session_id = st.getColumn(1).getInt64();
        t.name = st.getColumn(2).getString();
        t.kind = st.getColumn(3).getString();
        if (!st.getColumn(4).isNull()) t.band_low_kpa = st.getColumn(4).getDouble();
        if (!st.getColumn(5).isNull()) t.band_high_kpa = st.getColumn(5).getDouble();
        t.recorded_utc = st.getColumn(6).getString();
        t.duration_s = st.getColumn(7).getDouble();
        t.uuid = st.getColumn(8).getString();
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<TrainingPlan> training_plans(SQLite::Database& db) {
    std::vector<TrainingPlan> out;
    SQLite::Statement st(db, "SELECT id, session_id, template_id, schedule, started_utc, uuid "
                             "FROM training_plans ORDER BY id");
    while (st.executeStep()) {
        TrainingPlan p;
        p.id = st.getColumn(0).getInt64();
        p.session_id = st.getColumn(1).getInt64();
        p.template_id = st.getColumn(2).getInt64();
        p.schedule = st.getColumn(3).getString();
        p.started_utc = st.getColumn(4).getString();
        p.uuid = st.getColumn(5).getString();
        out.push_back(std::move(p));
    }
    return out;
}

std::optional<TrainingPlanProgress> latest_plan(SQLite::Database& db, RecordId student_id) {
    SQLite::Statement st(db, "SELECT p.id, p.session_id, p.template_id, p.schedule, p.started_utc, "
                             "(SELECT COUNT(*) FROM training_scores sc WHERE sc.plan_id = p.id), "
                             "p.uuid "
                             "FROM training_plans p JOIN sessions s ON s.id = p.session_id "
                             "WHERE s.operator_id = ? ORDER BY p.id DESC LIMIT 1");
    st.bind(1, student_id);
    if (!st.executeStep()) return std::nullopt;
    TrainingPlanProgress out;
    out.plan.id = st.getColumn(0).getInt64();
    out.plan.session_id = st.getColumn(1).getInt64();
    out.plan.template_id = st.getColumn(2).getInt64();
    out.plan.schedule = st.getColumn(3).getString();
    out.plan.started_utc = st.getColumn(4).getString();
    out.attempts_done = st.getColumn(5).getInt();
    out.plan.uuid = st.getColumn(6).getString();
    return out;
}

} // namespace algocore::storage::queries
