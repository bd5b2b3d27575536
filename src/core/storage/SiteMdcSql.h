#pragma once
// SQL of the site_mdc table (schema version 5), private to the storage.
#include <optional>
#include <string>
#include <vector>

#include "algocore/storage/StoredRecords.h"

namespace SQLite {
class Database;
}

namespace algocore::storage {

/// Adds a row (the site must exist; the storage checks before enqueueing).
void insert(SQLite::Database& db, const SiteMdcRecord& mdc);

namespace queries {
/// Latest row for the site and side, else the latest for both sides.
std::optional<SiteMdcRecord> site_mdc(SQLite::Database& db, const std::string& site_key,
                                      BodySide side);
/// The latest row of each site and stored side at the sites of the subject's trials, by site
/// key then side (for its history).
std::vector<SiteMdcRecord> site_mdc_of_subject(SQLite::Database& db, RecordId subject_id);
/// Every row, oldest first (for export: a site's MDC history).
std::vector<SiteMdcRecord> all_site_mdc(SQLite::Database& db);
} // namespace queries

} // namespace algocore::storage
