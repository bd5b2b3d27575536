// The factory behind every front end's storage: it alone knows which back ends exist.
#include "algocore/storage/OpenStorage.h"

#include <array>
#include <string_view>

#include "algocore/sharedstudy/SharedStudyStorage.h"
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
    if (is_server_location(location)) return open_server(location, options);
    SqliteOptions sqlite;
    sqlite.writable = options.writable;
    auto opened = SqliteStorage::open(location, sqlite);
    out.storage = std::move(opened.storage);
    out.error = std::move(opened.error);
    out.busy = opened.busy;
    return out;
}

Opened open_server(const std::string& address, OpenOptions options) {
    Opened out;
    if (address.empty()) {
        out.error = "no shared study server given";
        return out;
    }
    if (options.writable) {
        // The address is not repeated: a connection URI may carry a password.
        out.error = "a shared study server is read, never recorded into: records are made in a "
                    "station's database file and reach the server when the station pushes";
        return out;
    }
    if (options.connect_at_first_read) {
        out.storage = sharedstudy::open_shared_study_on_first_read(address);
        return out;
    }
    sharedstudy::SharedStudyOpen opened = sharedstudy::open_shared_study(address);
    out.storage = std::move(opened.storage);
    out.error = std::move(opened.error);
    return out;
}

} // namespace algocore::storage
