#pragma once
// Schema version 5: traces written in the first format ("ALT1", 30 bytes per sample) are
// rewritten in the compact one, inside the migration's transaction.
namespace SQLite {
class Database;
}

namespace algocore::storage::schema {

/// Re-encodes every ALT1 blob of the trace tables; a blob that does not decode is left as it
/// is (reading it still names the damage). Throws SQLite::Exception on a database error.
void reencode_old_traces(SQLite::Database& db);

} // namespace algocore::storage::schema
