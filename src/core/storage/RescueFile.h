#pragma once
// Records that could not be committed (read-only file, full disk, a database gone) are never
// thrown away. When the storage closes with writes still pending, they are written to a
// rescue file: a small Algoscope database of their own, holding those records with the ids
// and uuids they were given plus copies of the subjects, operators, sites and sessions they
// refer to, and a note naming the database (its path and database_identity) they belong to.
// `algoscope-cli import --db F RESCUE` (SqliteStorage::import_rescue) later adds to F every
// record of the rescue file that F lacks, by identity; a second import adds nothing.
#include <deque>
#include <string>
#include <vector>

#include "WriteOp.h"

namespace SQLite {
class Database;
}

namespace algocore::storage {

struct RescueWritten {
    std::string path;  ///< where the records are; empty when nowhere could be written
    std::string error; ///< why not (every folder tried), or ""
};

/// Writes ops into a new rescue database: beside db_path first, then in each fallback folder,
/// then in a private folder of this user's in the temporary folder. The file is created
/// exclusively (never through a link), owner-only, and holds copies of only the rows of the
/// database that the records refer to.
RescueWritten write_rescue_file(const std::string& db_path, const std::deque<WriteOp>& ops,
                                const IdSource& next_id,
                                const std::vector<std::string>& fallback_folders);

/// Folders tried when the database's own folder cannot take the rescue file: the user's data
/// folder (ALGOSCOPE_RESCUE_DIR, XDG_DATA_HOME/algoscope, ~/.local/share/algoscope); the
/// private temporary folder comes after them in any case.
std::vector<std::string> default_rescue_folders();

/// Result of importing a rescue file.
struct RescueImport {
    bool ok = false;
    std::string error;
    std::size_t rows_added = 0; ///< over every table (0: already imported)
    std::string summary;        ///< "3 trials, 3 trial_traces, 1 sessions"
};

/// Adds to db (the storage's connection, on its thread) every record of the rescue file it
/// lacks, matched by identity (subjects by code, operators by name, sites by key, the rest by
/// uuid), with new ids from next_id and their references rewritten (RescueImport.cpp).
RescueImport import_rescue_file(SQLite::Database& db, const std::string& rescue_path,
                                const IdSource& next_id);

} // namespace algocore::storage
