#pragma once
// Opening a database for reading only where SQLite could not otherwise read it.
#include <memory>
#include <string>

namespace SQLite {
class Database;
}

namespace algocore::storage {

/// db was opened read-only on path. When it cannot be read (a WAL database on read-only
/// media), reopens it as immutable. Returns "" or a warning for the user: what could not be
/// read that way. Throws SQLite::Exception when it cannot be opened at all.
std::string reopen_immutable_when_unreadable(std::unique_ptr<SQLite::Database>& db,
                                             const std::string& path, int busy_timeout_ms);

} // namespace algocore::storage
