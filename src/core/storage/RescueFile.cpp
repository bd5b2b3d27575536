#include "RescueFile.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <type_traits>

#include "PrivatePlace.h"
#include "Schema.h"
#include "algocore/WallClock.h"
#include "algocore/storage/RescuePlace.h"
#include "algocore/storage/SqliteStorage.h"

namespace algocore::storage {

namespace fs = std::filesystem;

namespace {

std::string compact_utc() {
    std::string text = utc_now_iso8601(); // 2026-12-01T09:30:00Z
    std::string out;
    for (char c : text)
        if (c != '-' && c != ':') out += c;
    return out; // 20261201T093000Z
}

// The rows of the database the unwritten records refer to: only these are copied into the
// rescue file (not every subject of the study with their notes).
struct NeededRows {
    std::set<RecordId> sites, subjects, operators, sessions;
    std::set<std::string> subject_codes, operator_names, site_keys;
    std::vector<std::pair<std::string, RecordId>> corrected; ///< table, row of a correction
};

NeededRows needed_by(const std::deque<WriteOp>& ops) {
    NeededRows n;
    auto add = [](std::set<RecordId>& ids, RecordId id) {
        if (id != kNoRecord) ids.insert(id);
    };
    for (const WriteOp& op : ops) {
        std::visit(
            [&](const auto& r) {
                using T = std::decay_t<decltype(r)>;
                if constexpr (std::is_same_v<T, Session>) {
                    add(n.subjects, r.subject_id);
                    add(n.operators, r.operator_id);
                } else if constexpr (std::is_same_v<T, SessionOpening>) {
                    n.subject_codes.insert(r.subject.code);
                    if (r.by) n.operator_names.insert(r.by->name);
                } else if constexpr (std::is_same_v<T, TrialWrite>) {
                    add(n.sessions, r.trial.session_id);
                    add(n.sites, r.trial.site_id);
                } else if constexpr (std::is_same_v<T, HoldWrite>) {
                    add(n.sessions, r.hold.session_id);
                    add(n.sites, r.hold.site_id);
                } else if constexpr (std::is_same_v<T, TrainingScore>) {
                    add(n.sessions, r.session_id);
                    add(n.operators, r.student_id);
                } else if constexpr (std::is_same_v<T, TemplateWrite>) {
                    add(n.sessions, r.expert.session_id);
                } else if constexpr (std::is_same_v<T, TrainingPlan>) {
                    add(n.sessions, r.session_id);
                } else if constexpr (std::is_same_v<T, ReactionTest>) {
                    add(n.sessions, r.session_id);
                } else if constexpr (std::is_same_v<T, TriggerPointFindings>) {
                    add(n.sessions, r.session_id);
                    add(n.sites, r.site_id);
                } else if constexpr (std::is_same_v<T, SiteMdcRecord>) {
                    n.site_keys.insert(r.site_key);
                } else if constexpr (std::is_same_v<T, CorrectionWrite>) {
                    n.corrected.emplace_back(r.correction.table, r.correction.row_id);
                }
            },
            op.record);
    }
    return n;
}

void copy_rows(SQLite::Database& db, const std::string& table, const std::string& column,
               const std::set<RecordId>& ids) {
    SQLite::Statement copy(db, "INSERT OR IGNORE INTO main." + table + " SELECT * FROM origin." +
                                   table + " WHERE " + column + " = ?");
    for (RecordId id : ids) {
        copy.reset();
        copy.bind(1, id);
        copy.exec();
    }
}

void copy_needed_rows(SQLite::Database& db, const NeededRows& needed) {
    copy_rows(db, "sessions", "id", needed.sessions);
    std::set<RecordId> subjects = needed.subjects;
    std::set<RecordId> operators = needed.operators;
    {
        SQLite::Statement of_sessions(db, "SELECT subject_id, operator_id FROM main.sessions");
        while (of_sessions.executeStep()) {
            subjects.insert(of_sessions.getColumn(0).getInt64());
            if (!of_sessions.getColumn(1).isNull())
                operators.insert(of_sessions.getColumn(1).getInt64());
        }
    }
    copy_rows(db, "subjects", "id", subjects);
    copy_rows(db, "operators", "id", operators);
    copy_rows(db, "sites", "id", needed.sites);
    SQLite::Statement by_code(
        db, "INSERT OR IGNORE INTO main.subjects SELECT * FROM origin.subjects WHERE code = ?");
    for (const std::string& code : needed.subject_codes) {
        by_code.reset();
        by_code.bind(1, code);
        by_code.exec();
    }
    SQLite::Statement by_key(
        db, "INSERT OR IGNORE INTO main.sites SELECT * FROM origin.sites WHERE key = ?");
    for (const std::string& key : needed.site_keys) {
        by_key.reset();
        by_key.bind(1, key);
        by_key.exec();
    }
    SQLite::Statement by_name(
        db, "INSERT OR IGNORE INTO main.operators SELECT * FROM origin.operators WHERE name = ?");
    for (const std::string& name : needed.operator_names) {
        by_name.reset();
        by_name.bind(1, name);
        by_name.exec();
    }
    // A correction is applied to its record in the rescue file, so the record goes in too.
    for (const auto& [table, row] : needed.corrected) {
        if (table != "subjects" && table != "sessions" && table != "sites" && table != "trials" &&
            table != "holds")
            continue; // check_correction allows no other table
        copy_rows(db, table, "id", {row});
    }
}

// Creates a new rescue file in folder (never over an existing name, never through a link).
fs::path create_in(const fs::path& folder, const std::string& stem) {
    std::string error;
    for (int n = 1; n < 1000; ++n) {
        const fs::path candidate =
            folder / (stem + (n == 1 ? "" : "-" + std::to_string(n)) + ".sqlite");
        switch (create_private_file(candidate.string(), error)) {
        case FileCreation::Created: return candidate;
        case FileCreation::NameTaken: continue;
        case FileCreation::Failed: throw std::runtime_error(error);
        }
    }
    throw std::runtime_error("no free name for " + stem + " in " + folder.string());
}

void write_into(const fs::path& path, const std::string& db_path, const std::deque<WriteOp>& ops,
                const IdSource& next_id) {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW);
    const schema::MigrationResult migrated = schema::migrate(db);
    if (!migrated.ok) throw std::runtime_error(migrated.error);
    std::string database_uuid;
    try {
        SQLite::Statement attach(db, "ATTACH DATABASE ? AS origin");
        attach.bind(1, db_path);
        attach.exec();
        copy_needed_rows(db, needed_by(ops));
        database_uuid = db.execAndGet("SELECT uuid FROM origin.database_identity").getString();
        db.exec("DETACH DATABASE origin");
    } catch (const SQLite::Exception&) {
        // The database itself is unreadable: the records still go in; the import matches
        // their subjects, sites and sessions by id in the database they are imported into.
    }
    SQLite::Transaction tx(db);
    std::size_t written = 0;
    for (const WriteOp& op : ops) {
        try {
            db.exec("SAVEPOINT one_record");
            apply_write(db, op, next_id);
            db.exec("RELEASE one_record");
            ++written;
        } catch (const SQLite::Exception&) {
            // Refused on its own (as the database would refuse it): not a lost record.
            db.exec("ROLLBACK TO one_record");
            db.exec("RELEASE one_record");
        }
    }
    db.exec("CREATE TABLE rescue_note (database TEXT NOT NULL, written_utc TEXT NOT NULL, "
            "records INTEGER NOT NULL, database_uuid TEXT)");
    SQLite::Statement note(db, "INSERT INTO rescue_note VALUES (?, ?, ?, ?)");
    note.bind(1, db_path);
    note.bind(2, utc_now_iso8601());
    note.bind(3, static_cast<std::int64_t>(written));
    if (!database_uuid.empty()) note.bind(4, database_uuid);
    note.exec();
    tx.commit();
}

// The last place tried: a folder of this user's own in the temporary folder. A folder of that
// name that is not private (another user made it first, or put a link there) is not used; a
// new one with a unique name is made instead.
fs::path private_temporary_folder(std::string& note) {
    std::error_code ec;
    const fs::path temp = fs::temp_directory_path(ec);
    if (ec) throw std::runtime_error("no temporary folder: " + ec.message());
    const std::string folder = (temp / ("algoscope-rescue-" + user_tag())).string();
    note = ensure_private_folder(folder);
    if (note.empty()) return folder;
    std::string error;
    const std::string fresh = make_unique_private_folder(folder, error);
    if (fresh.empty()) throw std::runtime_error(note + "; " + error);
    return fresh;
}

} // namespace

std::vector<std::string> default_rescue_folders() {
    std::vector<std::string> folders;
    if (const char* dir = std::getenv("ALGOSCOPE_RESCUE_DIR"); dir && *dir) folders.push_back(dir);
    if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data)
        folders.push_back((fs::path(data) / "algoscope" / "rescue").string());
    if (const char* home = std::getenv("HOME"); home && *home)
        folders.push_back((fs::path(home) / ".local" / "share" / "algoscope" / "rescue").string());
    return folders;
}

bool in_temporary_folder(const std::string& path) {
    std::error_code ec;
    const fs::path temp = fs::weakly_canonical(fs::temp_directory_path(ec), ec);
    if (ec || temp.empty()) return false;
    const fs::path file = fs::weakly_canonical(fs::absolute(path, ec), ec);
    const auto [end, rest] = std::mismatch(temp.begin(), temp.end(), file.begin(), file.end());
    return end == temp.end();
}

RescueWritten write_rescue_file(const std::string& db_path, const std::deque<WriteOp>& ops,
                                const IdSource& next_id,
                                const std::vector<std::string>& fallback_folders) {
    RescueWritten result;
    std::error_code ec;
    const fs::path database = fs::absolute(db_path, ec);
    std::vector<fs::path> folders{database.parent_path()};
    for (const auto& folder : fallback_folders)
        folders.emplace_back(folder);
    folders.emplace_back(); // the private temporary folder, made only when needed
    const std::string stem = database.stem().string() + ".rescue-" + compact_utc();
    for (fs::path folder : folders) {
        fs::path path;
        try {
            if (folder.empty()) {
                std::string note;
                folder = private_temporary_folder(note);
                if (!note.empty()) result.error += (result.error.empty() ? "" : "; ") + note;
            } else if (folder != database.parent_path() && fs::create_directories(folder)) {
                // The user's data folder, made here: private like the files it will hold.
                fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace);
            }
            path = create_in(folder, stem);
            write_into(path, database.string(), ops, next_id);
            result.path = path.string();
            result.error.clear();
            return result;
        } catch (const std::exception& e) {
            result.error += (result.error.empty() ? "" : "; ") + folder.string() + ": " + e.what();
            if (!path.empty()) {
                fs::remove(path, ec);
                fs::remove(path.string() + "-journal", ec);
            }
        }
    }
    return result;
}

} // namespace algocore::storage
