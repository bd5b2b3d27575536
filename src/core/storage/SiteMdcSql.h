#pragma once
// SQL of the site_mdc table (schema version 5), private to the storage.
#include <optional>
#include <string>

#include "algocore/storage/Records.h"

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
} // namespace queries

} // namespace algocore::storage
