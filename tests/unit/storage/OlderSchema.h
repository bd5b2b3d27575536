#pragma once
// Turns a database written by the current code back into what schema version 6 left: no
// record identities (uuid columns and their indexes), no database_identity table and no
// shared-study outbox (version 8), no holds.signal_losses (version 9), no reaction-time
// tests or trials.rate_at_button_kpa_s (version 10), no holds.release_marks (version 11),
// no trials.presses_while_loaded (version 12), no trials.clock_zero_utc (version 13) and no
// trigger-point findings (version 14).
// Tests of migrations from older files start from it.
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
    // ... and what version 8 added: the shared study's outbox, the station, its sync state.
    for (const char* table : {"sites", "subjects", "operators", "sessions", "expert_templates",
                              "training_plans", "trials", "holds", "training_scores", "site_mdc",
                              "audit_log", "reaction_tests", "trigger_point_findings"})
        db.exec(std::string("DROP TRIGGER IF EXISTS outbox_") + table);
    db.exec("DROP TRIGGER IF EXISTS outbox_immutable; DROP TRIGGER IF EXISTS "
            "outbox_never_deleted; DROP TABLE IF EXISTS outbox; DROP TABLE IF EXISTS station; "
            "DROP TABLE IF EXISTS sync_state");
    // Version 9's column (holds' stretches without signal) came after them.
    db.exec("ALTER TABLE holds DROP COLUMN signal_losses");
    // Version 10's reaction-time tests and each trial's rate at the button.
    db.exec("DROP TABLE reaction_cues; DROP TABLE reaction_tests; "
            "ALTER TABLE trials DROP COLUMN rate_at_button_kpa_s");
    // Version 11's column (holds' release marks) and version 12's (presses while loaded).
    db.exec("ALTER TABLE holds DROP COLUMN release_marks");
    db.exec("ALTER TABLE trials DROP COLUMN presses_while_loaded");
    db.exec("ALTER TABLE trials DROP COLUMN clock_zero_utc"); // version 13's
    // Version 14's trigger-point findings (their guards go with the table).
    db.exec("DROP TABLE trigger_point_findings");
    db.exec("DROP TABLE database_identity; PRAGMA user_version = 6");
}

} // namespace algotest
