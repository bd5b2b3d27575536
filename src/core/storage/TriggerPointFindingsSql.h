#pragma once
// SQL of the trigger_point_findings table, private to the storage.
#include <vector>

#include "algocore/storage/StoredRecords.h"

namespace SQLite {
class Database;
}

namespace algocore::storage {

/// Adds a point's findings (inside the caller's transaction).
void insert(SQLite::Database& db, const TriggerPointFindings& findings);

namespace queries {
/// The findings in force at each point of a session (the newest of a site and side), by
/// site id then side; session_id 0 = of every session, by session then site.
std::vector<TriggerPointFindings> findings(SQLite::Database& db, RecordId session_id);
/// The findings in force at each point of every session of a subject, in session order.
std::vector<TriggerPointFindings> findings_of_subject(SQLite::Database& db, RecordId subject_id);
} // namespace queries

} // namespace algocore::storage
