#include "RecordUuid.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "algocore/Uuid.h"

namespace algocore::storage {

void bind_record_uuid(SQLite::Statement& st, int index, const std::string& uuid) {
    if (!is_uuid(uuid))
        throw SQLite::Exception("a record's uuid must be a UUID in lowercase text, not '" +
                                    uuid.substr(0, 40) + "'",
                                SQLITE_CONSTRAINT);
    st.bind(index, uuid);
}

std::string uuid_or_new(const std::string& uuid) {
    return uuid.empty() ? new_uuid() : uuid;
}

} // namespace algocore::storage
