// The factory behind every front end's storage: it alone knows which back ends exist.
#include "algocore/storage/OpenStorage.h"

#include <array>
#include <string_view>

#include "algocore/storage/SqliteStorage.h"

namespace algocore::storage {

bool is_server_location(const std::string& location) {
    constexpr std::array<std::string_view, 2> kServerSchemes{"postgresql://", "postgres://"};
    for (const std::string_view scheme : kServerSchemes) {
        if (location.compare(0, scheme.size(), scheme) == 0) return true;
    }
    return false;
}

Opened open(const std::string& location, OpenOptions options) {
    Opened out;
    if (location.empty()) {
        out.error = "no database given";
        return out;
    }
    if (is_server_location(location)) {
        // The address is not repeated: a connection URI may carry a password.
        out.error = "this build cannot open a shared study server; give a database file";
        return out;
    }
    SqliteOptions sqlite;
    sqlite.writable = options.writable;
    auto opened = SqliteStorage::open(location, sqlite);
    out.storage = std::move(opened.storage);
    out.error = std::move(opened.error);
    return out;
}

} // namespace algocore::storage
