#include "RescueFile.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "Schema.h"
#include "algocore/WallClock.h"
#include "algocore/storage/SqliteStorage.h"

namespace algocore::storage {

namespace fs = std::filesystem;

namespace {

// Parent rows copied from the database the records belong to, in dependency order.
constexpr const char* kParentTables[] = {"sites", "subjects", "operators", "sessions"};

std::string compact_utc() {
    std::string text = utc_now_iso8601(); // 2026-12-01T09:30:00Z
    std::string out;
    for (char c : text)
        if (c != '-' && c != ':') out += c;
    return out; // 20261201T093000Z
}

fs::path free_name(const fs::path& folder, const std::string& stem) {
    fs::path candidate = folder / (stem + ".sqlite");
    for (int n = 2; fs::exists(candidate); ++n)
        candidate = folder / (stem + "-" + std::to_string(n) + ".sqlite");
    return candidate;
}

void write_into(const fs::path& path, const std::string& db_path, const std::deque<WriteOp>& ops,
                const IdSource& next_id) {
    fs::create_directories(path.parent_path());
    {
        std::ofstream create(path, std::ios::binary); // owner-only before SQLite opens it
        if (!create) throw std::runtime_error("cannot create " + path.string());
    }
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    const schema::MigrationResult migrated = schema::migrate(db);
    if (!migrated.ok) throw std::runtime_error(migrated.error);
    try {
        SQLite::Statement attach(db, "ATTACH DATABASE ? AS origin");
        attach.bind(1, db_path);
        attach.exec();
        for (const char* table : kParentTables)
            db.exec(std::string("INSERT OR IGNORE INTO main.") + table + " SELECT * FROM origin." +
                    table);
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
            "records INTEGER NOT NULL)");
    SQLite::Statement note(db, "INSERT INTO rescue_note VALUES (?, ?, ?)");
    note.bind(1, db_path);
    note.bind(2, utc_now_iso8601());
    note.bind(3, static_cast<std::int64_t>(written));
    note.exec();
    tx.commit();
}

} // namespace

std::vector<std::string> default_rescue_folders() {
    std::vector<std::string> folders;
    if (const char* dir = std::getenv("ALGOSCOPE_RESCUE_DIR"); dir && *dir) folders.push_back(dir);
    if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data)
        folders.push_back((fs::path(data) / "algoscope" / "rescue").string());
    if (const char* home = std::getenv("HOME"); home && *home)
        folders.push_back((fs::path(home) / ".local" / "share" / "algoscope" / "rescue").string());
    std::error_code ec;
    const fs::path temp = fs::temp_directory_path(ec);
    if (!ec) folders.push_back((temp / "algoscope-rescue").string());
    return folders;
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
    const std::string stem = database.stem().string() + ".rescue-" + compact_utc();
    for (const fs::path& folder : folders) {
        const fs::path path = free_name(folder, stem);
        try {
            write_into(path, database.string(), ops, next_id);
            result.path = path.string();
            result.error.clear();
            return result;
        } catch (const std::exception& e) {
            result.error += (result.error.empty() ? "" : "; ") + folder.string() + ": " + e.what();
            fs::remove(path, ec);
            fs::remove(path.string() + "-journal", ec);
        }
    }
    return result;
}

} // namespace algocore::storage
