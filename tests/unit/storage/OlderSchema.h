#pragma once
// Turns a database written by the current code back into what schema version 6 left: no
// record identities (uuid columns and their indexes) and no database_identity table. Tests of
// migrations from older files start from it.
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

namespace algotest {

inline void undo_record_identities(SQLite::Database& db) {
    for (const char* table :
         {"subjects", "operators", "sites", "sessions", "trials", "holds", "training_scores",
          "expert_templates", "training_plans", "session_samples", "site_mdc", "audit_log"}) {
        db.exec(std::string("DROP INDEX IF EXISTS ") + table + "_by_uuid");
        db.exec(std::string("ALTER TABLE ") + table + " DROP COLUMN uuid");
    }
    db.exec("DROP TABLE database_identity; PRAGMA user_version = 6");
}

} // namespace algotest
