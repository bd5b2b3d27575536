// Importing a rescue file (see RescueFile.h): every row the database lacks is added in one
// transaction; a row whose id the database already uses for something else refuses the whole
// import, and nothing changes.
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>

#include "RescueFile.h"
#include "algocore/storage/SqliteStorage.h"

namespace algocore::storage {

namespace {

// Each table in dependency order, its key, and the columns that say "the same record" when a
// row with that key is already there (stored rows never change, apart from audited
// corrections of values, which these columns leave out).
struct TableIdentity {
    const char* table;
    const char* key;
    std::vector<const char*> same_record;
};

const std::vector<TableIdentity>& tables() {
    static const std::vector<TableIdentity> kTables = {
        {"sites", "id", {"key"}},
        {"subjects", "id", {"code"}},
        {"operators", "id", {"name"}},
        {"sessions", "id", {"subject_id", "started_utc"}},
        {"trials", "id", {"session_id", "site_id", "side", "trial_index", "signal_t_s"}},
        {"trial_traces", "trial_id", {"sample_count"}},
        {"holds", "id", {"session_id", "site_id", "side", "start_t_s"}},
        {"hold_traces", "hold_id", {"sample_count"}},
        {"expert_templates", "id", {"session_id", "name", "recorded_utc"}},
        {"template_traces", "template_id", {"sample_count"}},
        {"training_plans", "id", {"session_id", "template_id", "started_utc"}},
        {"training_scores", "id", {"student_id", "attempted_utc", "exercise"}},
        {"session_samples", "id", {"session_id", "first_t_s"}},
        {"audit_log", "id", {"table_name", "row_id", "field", "when_utc"}},
        {"site_mdc", "id", {"site_id", "side", "computed_utc"}},
    };
    return kTables;
}

int pragma(SQLite::Database& db, const std::string& name) {
    return db.execAndGet("PRAGMA " + name).getInt();
}

} // namespace

RescueImport import_rescue_file(SQLite::Database& db, const std::string& rescue_path) {
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
        } else {
            SQLite::Transaction tx(db);
            for (const TableIdentity& t : tables()) {
                const std::string table = t.table;
                std::string differs;
                for (const char* column : t.same_record)
                    differs += std::string(differs.empty() ? "" : " OR ") + "r." + column +
                               " IS NOT m." + column;
                const int clashes =
                    db.execAndGet("SELECT count(*) FROM rescue." + table + " r JOIN main." + table +
                                  " m ON m." + t.key + " = r." + t.key + " WHERE " + differs)
                        .getInt();
                if (clashes != 0)
                    throw std::runtime_error(
                        std::to_string(clashes) + " " + table +
                        " row(s) of the rescue file have ids "
                        "the database already uses for other records (another program wrote to it "
                        "since); nothing was imported");
                const int added = db.exec("INSERT INTO main." + table + " SELECT * FROM rescue." +
                                          table + " WHERE " + t.key + " NOT IN (SELECT " + t.key +
                                          " FROM main." + table + ")");
                if (added > 0) {
                    result.rows_added += static_cast<std::size_t>(added);
                    result.summary +=
                        (result.summary.empty() ? "" : ", ") + std::to_string(added) + " " + table;
                }
            }
            tx.commit();
            result.ok = true;
        }
    } catch (const std::exception& e) {
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
