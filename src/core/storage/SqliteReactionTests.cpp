// Reaction-time tests: one row per test, one per cue; append-only like every measurement.
#include <SQLiteCpp/SQLiteCpp.h>

#include "ReactionTestSql.h"
#include "RecordUuid.h"
#include "SqliteBind.h"

namespace algocore::storage {

namespace {

constexpr const char* kTestColumns =
    "SELECT r.id, r.session_id, r.tested_utc, r.cue_source, r.trials, r.practice, r.n, "
    "r.median_ms, r.iqr_ms, r.anticipations, r.misses, r.lost_cues, r.complete, "
    "r.timing_uncertainty_ms, r.timing_note, r.uuid FROM reaction_tests r ";

std::optional<double> optional_double(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getDouble();
}

ReactionTest read_test(SQLite::Statement& st) {
    ReactionTest r;
    int i = 0;
    r.id = st.getColumn(i++).getInt64();
    r.session_id = st.getColumn(i++).getInt64();
    r.tested_utc = st.getColumn(i++).getString();
    r.cue_source = st.getColumn(i++).getString();
    r.trials = st.getColumn(i++).getInt();
    r.practice = st.getColumn(i++).getInt();
    r.n = st.getColumn(i++).getInt();
    r.median_ms = optional_double(st.getColumn(i++));
    r.iqr_ms = optional_double(st.getColumn(i++));
    r.anticipations = st.getColumn(i++).getInt();
    r.misses = st.getColumn(i++).getInt();
    r.lost_cues = st.getColumn(i++).getInt();
    r.complete = st.getColumn(i++).getInt() != 0;
    r.timing_uncertainty_ms = st.getColumn(i++).getDouble();
    r.timing_note = st.getColumn(i++).getString();
    r.uuid = st.getColumn(i++).getString();
    return r;
}

void read_cues(SQLite::Database& db, ReactionTest& test) {
    SQLite::Statement st(db, "SELECT number, outcome, cue_t_s, press_t_s, reaction_ms, uuid "
                             "FROM reaction_cues WHERE test_id = ? ORDER BY number");
    st.bind(1, test.id);
    while (st.executeStep()) {
        ReactionCueRecord cue;
        cue.number = st.getColumn(0).getInt();
        cue.outcome = st.getColumn(1).getString();
        cue.cue_t_s = optional_double(st.getColumn(2));
        cue.press_t_s = optional_double(st.getColumn(3));
        cue.reaction_ms = optional_double(st.getColumn(4));
        cue.uuid = st.getColumn(5).getString();
        test.cues.push_back(std::move(cue));
    }
}

} // namespace

void insert(SQLite::Database& db, const ReactionTest& t) {
    SQLite::Statement st(
        db, "INSERT INTO reaction_tests (id, session_id, tested_utc, cue_source, trials, "
            "practice, n, median_ms, iqr_ms, anticipations, misses, lost_cues, complete, "
            "timing_uncertainty_ms, timing_note, uuid) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    int i = 1;
    st.bind(i++, t.id);
    st.bind(i++, t.session_id);
    st.bind(i++, t.tested_utc);
    st.bind(i++, t.cue_source);
    st.bind(i++, t.trials);
    st.bind(i++, t.practice);
    st.bind(i++, t.n);
    bind_optional(st, i++, t.median_ms);
    bind_optional(st, i++, t.iqr_ms);
    st.bind(i++, t.anticipations);
    st.bind(i++, t.misses);
    st.bind(i++, t.lost_cues);
    st.bind(i++, t.complete ? 1 : 0);
    st.bind(i++, t.timing_uncertainty_ms);
    st.bind(i++, t.timing_note);
    bind_record_uuid(st, i++, t.uuid);
    st.exec();
    SQLite::Statement cue(db, "INSERT INTO reaction_cues (test_id, number, outcome, cue_t_s, "
                              "press_t_s, reaction_ms, uuid) VALUES (?,?,?,?,?,?,?)");
    for (const ReactionCueRecord& c : t.cues) {
        cue.reset();
        cue.clearBindings();
        cue.bind(1, t.id);
        cue.bind(2, c.number);
        cue.bind(3, c.outcome);
        bind_optional(cue, 4, c.cue_t_s);
        bind_optional(cue, 5, c.press_t_s);
        bind_optional(cue, 6, c.reaction_ms);
        bind_record_uuid(cue, 7, c.uuid);
        cue.exec();
    }
}

std::vector<ReactionTest> queries::reaction_tests(SQLite::Database& db, RecordId session_id) {
    SQLite::Statement st(db, std::string(kTestColumns) +
                                 "WHERE ?1 = 0 OR r.session_id = ?1 ORDER BY r.id");
    st.bind(1, session_id);
    std::vector<ReactionTest> out;
    while (st.executeStep())
        out.push_back(read_test(st));
    for (ReactionTest& test : out)
        read_cues(db, test);
    return out;
}

std::vector<ReactionTest> queries::reaction_tests_of_subject(SQLite::Database& db,
                                                             RecordId subject_id) {
    SQLite::Statement st(db, std::string(kTestColumns) +
                                 "JOIN sessions s ON s.id = r.session_id WHERE s.subject_id = ? "
                                 "ORDER BY s.started_utc, s.id, r.id");
    st.bind(1, subject_id);
    std::vector<ReactionTest> out;
    while (st.executeStep())
        out.push_back(read_test(st));
    return out;
}

} // namespace algocore::storage
