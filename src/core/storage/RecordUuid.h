#pragma once
// A record's global identity as the storage binds it: every insert of a record goes through
// bind_record_uuid, so no record is written without a well-formed uuid.
#include <string>

namespace SQLite {
class Statement;
}

namespace algocore::storage {

/// Binds uuid (canonical UUID text) at index; throws SQLite::Exception (a constraint error:
/// that record alone is refused) when it is not one.
void bind_record_uuid(SQLite::Statement& st, int index, const std::string& uuid);

/// The record's uuid, or a new one when it has none yet (the storage calls this when a
/// record is enqueued: that is where a record of this station is born).
std::string uuid_or_new(const std::string& uuid);

} // namespace algocore::storage
