#pragma once
// Schema and forward migrations (PRAGMA user_version). Each step runs in its own transaction,
// so a migration interrupted by a crash leaves the previous version intact.
#include <string>

namespace SQLite {
class Database;
class Statement;
} // namespace SQLite

namespace algocore::records {
struct Site;
}

namespace algocore::storage::schema {

/// Result of bringing a database to the current version.
struct MigrationResult {
    bool ok = false;
    int from_version = 0;
    int to_version = 0;
    std::string error;
};

/// Migrates from whatever version the file has up to kSchemaVersion; refuses a file written
/// by a newer Algoscope (user_version > kSchemaVersion).
MigrationResult migrate(SQLite::Database& db);

/// Empty when the file is ours (marked, an unmarked database of an older Algoscope, or new
/// and empty); else why it is refused (it must then be left untouched).
std::string refuse_unless_ours(SQLite::Database& db, const std::string& path);

/// Inserts or refreshes the built-in site library (custom sites are left alone).
void seed_builtin_sites(SQLite::Database& db);

/// Binds a site's description (key, name, region, landmark, paired, front x/y, back x/y, dfns,
/// mdc_kpa: eleven parameters, in the sites table's column order) starting at parameter
/// `first`; shared by the built-in seeding and custom-site inserts so the two cannot drift.
void bind_site_description(SQLite::Statement& st, const records::Site& s, int first);

/// The SQL of one step: index 1 creates version 1 from an empty file, index n goes n-1 → n.
const char* migration_sql(int to_version);

} // namespace algocore::storage::schema
