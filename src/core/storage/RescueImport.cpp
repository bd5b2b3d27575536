// Importing a rescue file (see RescueFile.h) merges by identity, not by row id: the ids in a
// rescue file were handed out while the database could not be written, so the database may
// have given the same ids to other records since. Subjects are the same subject when their
// codes match, operators when their names match, sites when their keys match; every other
// record is the same record when its uuid matches. A record the database lacks is added with
// a new local id, and the rows referring to it are added with that id. A record that is
// already there is skipped, unless it is genuinely different under the same identity: then
// nothing is imported and the record is named. Everything runs in one transaction.
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <optional>

#include "RescueFile.h"
#include "algocore/storage/NameRule.h"
#include "algocore/storage/SqliteStorage.h"
#include "algocore/storage/TraceBlob.h"
#include "algoinput/QuotedInput.h"

namespace algocore::storage {

namespace {

struct Reference {
    const char* column;
    const char* table; ///< the referenced table; nullptr: the table named by table_name
};

// How one table's rows are merged. Tables are listed parents first.
struct MergedTable {
    const char* table;
    const char* identity;       ///< column that says "the same record" across databases
    std::optional<IdKind> kind; ///< new ids from the storage's counters (none: SQLite's own)
    std::vector<Reference> references;
    /// Columns a stored record never changes (corrections touch others): a record under the
    /// same identity that differs in one of them is a different record.
    std::vector<const char*> fixed;
};

// Traces have no identity of their own: one row per trial, hold or template, keyed by its id.
struct TraceTable {
    const char* table;
    const char* parent_column;
    const char* parent_table;
};

const std::vector<MergedTable>& merged_tables() {
    static const std::vector<MergedTable> kTables = {
        {"sites", "key", IdKind::Site, {}, {}},
        {"subjects", "code", IdKind::Subject, {}, {}},
        {"operators", "name", IdKind::Operator, {}, {}},
        {"sessions",
         "uuid",
         IdKind::Session,
         {{"subject_id", "subjects"}, {"operator_id", "operators"}},
         {"subject_id", "started_utc"}},
        {"trials",
         "uuid",
         IdKind::Trial,
         {{"session_id", "sessions"}, {"site_id", "sites"}},
         {"session_id", "measure", "trial_index", "ppt_kpa", "signal_t_s", "peak_kpa",
          "clock_zero_utc"}},
        {"holds",
         "uuid",
         IdKind::Hold,
         {{"session_id", "sessions"}, {"site_id", "sites"}},
         {"session_id", "prescription", "start_t_s", "duration_s", "mean_kpa"}},
        {"expert_templates",
         "uuid",
         IdKind::Template,
         {{"session_id", "sessions"}},
         {"session_id", "name", "kind", "recorded_utc", "duration_s"}},
        {"training_plans",
         "uuid",
         IdKind::TrainingPlan,
         {{"session_id", "sessions"}, {"template_id", "expert_templates"}},
         {"session_id", "template_id", "schedule", "started_utc"}},
        {"training_scores",
         "uuid",
         IdKind::TrainingScore,
         {{"session_id", "sessions"},
          {"student_id", "operators"},
          {"template_id", "expert_templates"},
          {"plan_id", "training_plans"}},
         {"student_id", "exercise", "attempted_utc", "absolute_error_kpa"}},
        {"session_samples",
         "uuid",
         std::nullopt,
         {{"session_id", "sessions"}},
         {"session_id", "first_t_s", "last_t_s", "sample_count"}},
        {"site_mdc",
         "uuid",
         std::nullopt,
         {{"site_id", "sites"}},
         {"site_id", "side", "mdc_kpa", "computed_utc"}},
        {"audit_log",
         "uuid",
         std::nullopt,
         {{"row_id", nullptr}},
         {"table_name", "row_id", "field", "when_utc", "new_value"}},
        {"reaction_tests",
         "uuid",
         IdKind::ReactionTest,
         {{"session_id", "sessions"}},
         {"session_id", "tested_utc", "cue_source", "n", "median_ms"}},
        // A test's cues (keyed by test and number, no id column of their own: rowid below).
        {"reaction_cues",
         "uuid",
         std::nullopt,
         {{"test_id", "reaction_tests"}},
         {"test_id", "number", "outcome", "reaction_ms"}},
        {"trigger_point_findings",
         "uuid",
         IdKind::TriggerPointFindings,
         {{"session_id", "sessions"}, {"site_id", "sites"}},
         {"session_id", "site_id", "side", "examined_utc", "referral_zone"}},
    };
    return kTables;
}

const std::vector<TraceTable>& trace_tables() {
    static const std::vector<TraceTable> kTraces = {
        {"trial_traces", "trial_id", "trials"},
        {"hold_traces", "hold_id", "holds"},
        {"template_traces", "template_id", "expert_templates"}};
    return kTraces;
}

int pragma(SQLite::Database& db, const std::string& name) {
    return db.execAndGet("PRAGMA " + name).getInt();
}

std::vector<std::string> columns_of(SQLite::Database& db, const std::string& table) {
    std::vector<std::string> out;
    SQLite::Statement st(db, "SELECT name FROM pragma_table_info(?, 'main')");
    st.bind(1, table);
    while (st.executeStep())
        out.push_back(st.getColumn(0).getString());
    return out;
}

// The database's id for the rescue row's reference in r.column. A reference the rescue file
// carries no row for (it was written while the database could not be read) keeps its id.
std::string mapped(const Reference& ref) {
    const std::string table = ref.table ? std::string("'") + ref.table + "'" : "r.table_name";
    return std::string("COALESCE((SELECT new_id FROM temp.import_map WHERE tbl = ") + table +
           " AND old_id = r." + ref.column + "), r." + ref.column + ")";
}

std::string mapped_column(const MergedTable& t, const std::string& column) {
    for (const Reference& ref : t.references)
        if (column == ref.column) return mapped(ref);
    return "r." + column;
}

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// Refuses the import when a record under the same identity differs in a fixed column.
void refuse_different_records(SQLite::Database& db, const MergedTable& t) {
    const std::string table = t.table;
    for (const char* column : t.fixed) {
        SQLite::Statement st(db, "SELECT r." + std::string(t.identity) + " FROM rescue." + table +
                                     " r JOIN main." + table + " m ON m." + t.identity + " = r." +
                                     t.identity + " WHERE " + mapped_column(t, column) +
                                     " IS NOT m." + column + " LIMIT 1");
        if (st.executeStep())
            throw std::runtime_error("the " + table + " record " + st.getColumn(0).getString() +
                                     " of the rescue file differs from the database's record "
                                     "with that identity (" +
                                     column + "); nothing was imported");
    }
}

// The recording rules a record of the rescue file must pass before it is added (the file is
// outside input: it may have been damaged or made by hand). Throws, naming the row.
void refuse_bad_names(SQLite::Database& db, const MergedTable& t) {
    const std::string table = t.table;
    if (table != "subjects" && table != "operators") return;
    const char* what = table == "subjects" ? "the subject code" : "the operator's name";
    SQLite::Statement st(db, "SELECT r." + std::string(t.identity) + " FROM rescue." + table +
                                 " r JOIN temp.import_map x ON x.tbl = " + quoted(table) +
                                 " AND x.old_id = r.id AND x.added = 1");
    while (st.executeStep()) {
        const std::string name = st.getColumn(0).getString();
        if (const std::string bad = check_record_name(name, what); !bad.empty())
            throw std::runtime_error("the " + table + " row " + algoinput::quote_input(name, 40) +
                                     " of the rescue file is refused: " + bad +
                                     "; nothing was imported");
    }
}

// Every trace that would be added decodes, and holds the number of samples its row says.
void refuse_bad_traces(SQLite::Database& db, const std::string& sql, const std::string& what) {
    SQLite::Statement st(db, sql);
    while (st.executeStep()) {
        const std::string uuid = st.getColumn(0).getString();
        const std::int64_t sample_count = st.getColumn(1).getInt64();
        const SQLite::Column blob = st.getColumn(2);
        RawTrace trace;
        std::string error;
        const bool decoded =
            blob.isBlob() && decode_trace(static_cast<const std::uint8_t*>(blob.getBlob()),
                                          static_cast<std::size_t>(blob.getBytes()), trace, error);
        if (decoded && static_cast<std::int64_t>(trace.samples.size()) != sample_count)
            error = "it says " + std::to_string(sample_count) + " samples but holds " +
                    std::to_string(trace.samples.size());
        else if (!decoded && error.empty())
            error = "no trace data";
        if (!error.empty())
            throw std::runtime_error("the trace of " + what + " " + uuid +
                                     " in the rescue file is damaged (" + error +
                                     "); nothing was imported");
    }
}

void refuse_bad_trace_rows(SQLite::Database& db, const TraceTable& t) {
    refuse_bad_traces(db,
                      "SELECT p.uuid, r.sample_count, r.samples FROM rescue." +
                          std::string(t.table) +
                          " r JOIN temp.import_map x ON x.tbl = " + quoted(t.parent_table) +
                          " AND x.old_id = r." + t.parent_column + " AND x.added = 1 JOIN rescue." +
                          t.parent_table + " p ON p.id = r." + t.parent_column,
                      std::string(t.parent_table) + " record");
}

// Adds the table's new rows; returns how many.
int merge(SQLite::Database& db, const MergedTable& t, const IdSource& next_id) {
    const std::string table = t.table;
    const std::string identity = t.identity;
    const std::string same = "main." + table + " m WHERE m." + identity + " = r." + identity;
    // rowid: the id of a table with one, and the row of one without (reaction_cues).
    db.exec("INSERT INTO temp.import_map SELECT " + quoted(table) +
            ", r.rowid, m.rowid, 0 FROM "
            "rescue." +
            table + " r JOIN main." + table + " m ON m." + identity + " = r." + identity);
    refuse_different_records(db, t);

    std::string columns;
    std::string values;
    for (const std::string& column : columns_of(db, table)) {
        columns += (columns.empty() ? "" : ", ") + column;
        std::string value = mapped_column(t, column);
        if (column == "id") value = t.kind ? "x.new_id" : "NULL";
        values += (values.empty() ? "" : ", ") + value;
    }
    if (t.kind) {
        SQLite::Statement fresh(db, "SELECT r.id FROM rescue." + table +
                                        " r WHERE NOT EXISTS (SELECT 1 FROM " + same +
                                        ") ORDER BY r.id");
        SQLite::Statement add(db, "INSERT INTO temp.import_map VALUES (?, ?, ?, 1)");
        while (fresh.executeStep()) {
            add.reset();
            add.bind(1, table);
            add.bind(2, fresh.getColumn(0).getInt64());
            add.bind(3, next_id(*t.kind));
            add.exec();
        }
        refuse_bad_names(db, t);
        return db.exec("INSERT INTO main." + table + " (" + columns + ") SELECT " + values +
                       " FROM rescue." + table + " r JOIN temp.import_map x ON x.tbl = " +
                       quoted(table) + " AND x.old_id = r.id AND x.added = 1 ORDER BY x.new_id");
    }
    if (table == "session_samples")
        refuse_bad_traces(db,
                          "SELECT r.uuid, r.sample_count, r.samples FROM rescue.session_samples "
                          "r WHERE NOT EXISTS (SELECT 1 FROM " +
                              same + ")",
                          "session_samples chunk");
    return db.exec("INSERT INTO main." + table + " (" + columns + ") SELECT " + values +
                   " FROM rescue." + table + " r WHERE NOT EXISTS (SELECT 1 FROM " + same +
                   ") ORDER BY r.rowid");
}

int merge_traces(SQLite::Database& db, const TraceTable& t) {
    refuse_bad_trace_rows(db, t);
    return db.exec("INSERT INTO main." + std::string(t.table) + " (" + t.parent_column +
                   ", sample_count, samples) SELECT x.new_id, r.sample_count, r.samples FROM "
                   "rescue." +
                   t.table + " r JOIN temp.import_map x ON x.tbl = " + quoted(t.parent_table) +
                   " AND x.old_id = r." + t.parent_column + " AND x.added = 1");
}

void count(RescueImport& result, int added, const std::string& table) {
    if (added <= 0) return;
    result.rows_added += static_cast<std::size_t>(added);
    result.summary += (result.summary.empty() ? "" : ", ") + std::to_string(added) + " " + table;
}

void merge_all(SQLite::Database& db, const IdSource& next_id, RescueImport& result) {
    db.exec("CREATE TEMP TABLE import_map (tbl TEXT NOT NULL, old_id INTEGER NOT NULL, "
            "new_id INTEGER NOT NULL, added INTEGER NOT NULL, PRIMARY KEY (tbl, old_id))");
    try {
        SQLite::Transaction tx(db);
        for (const MergedTable& t : merged_tables()) {
            count(result, merge(db, t, next_id), t.table);
            for (const TraceTable& trace : trace_tables())
                if (std::string(trace.parent_table) == t.table)
                    count(result, merge_traces(db, trace), trace.table);
        }
        tx.commit();
    } catch (...) {
        db.exec("DROP TABLE temp.import_map");
        throw;
    }
    db.exec("DROP TABLE temp.import_map");
}

// The database a rescue file names (its path) when that is not this database (another
// database_identity; a copy of this database is this database), else "".
std::string written_for_another_database(SQLite::Database& db) {
    const bool named = db.execAndGet("SELECT count(*) FROM pragma_table_info('rescue_note', "
                                     "'rescue') WHERE name = 'database_uuid'")
                           .getInt() == 1;
    if (!named) return {};
    SQLite::Statement note(db, "SELECT database, database_uuid FROM rescue.rescue_note "
                               "WHERE database_uuid IS NOT NULL AND database_uuid <> "
                               "(SELECT uuid FROM main.database_identity)");
    return note.executeStep() ? note.getColumn(0).getString() : std::string();
}

} // namespace

RescueImport import_rescue_file(SQLite::Database& db, const std::string& rescue_path,
                                const IdSource& next_id) {
    RescueImport result;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(rescue_path, ec)) {
        result.error = rescue_path + " is not a file";
        return result;
    }
    try {
        SQLite::Statement attach(db, "ATTACH DATABASE ? AS rescue");
        attach.bind(1, rescue_path);
        attach.exec();
    } catch (const SQLite::Exception& e) {
        result.error = "cannot open " + rescue_path + ": " + e.what();
        return result;
    }
    try {
        const bool is_rescue =
            pragma(db, "rescue.application_id") == kApplicationId &&
            db.execAndGet("SELECT count(*) FROM rescue.sqlite_master WHERE name = 'rescue_note'")
                    .getInt() == 1;
        if (!is_rescue) {
            result.error = rescue_path + " is not an Algoscope rescue file";
        } else if (pragma(db, "rescue.user_version") != pragma(db, "main.user_version")) {
            result.error = rescue_path + " has schema version " +
                           std::to_string(pragma(db, "rescue.user_version")) + ", the database " +
                           std::to_string(pragma(db, "main.user_version")) +
                           "; open both with the same Algoscope version";
        } else if (const std::string other = written_for_another_database(db); !other.empty()) {
            result.error = rescue_path + " was written for another database (" + other +
                           "), not this one; import it into that database";
        } else {
            merge_all(db, next_id, result);
            result.ok = true;
        }
    } catch (const std::exception& e) {
        result = RescueImport{};
        result.error = std::string("import refused, the database is unchanged: ") + e.what();
    }
    try {
        db.exec("DETACH DATABASE rescue");
    } catch (const SQLite::Exception&) {
        // Detaching fails only inside a transaction, which has ended here.
    }
    return result;
}

} // namespace algocore::storage
