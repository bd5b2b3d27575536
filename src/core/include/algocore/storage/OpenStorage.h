#pragma once
// The one way a front end opens storage: a location (a database file today, a shared study
// server later) and what it is opened for. The back end is chosen here from the location, so
// no view, page or command names one; they all see the Storage interface.
#include <memory>
#include <string>

#include "algocore/storage/Storage.h"

namespace algocore::storage {

/// What a store is opened for.
struct OpenOptions {
    /// Record into it (creating a missing file and bringing an older one up to date); false
    /// reads only and never changes it (exports, reports, statistics).
    bool writable = true;
};

/// The opened store, or why it could not be opened (unreadable or foreign file, newer
/// format, locked, a location no back end serves).
struct Opened {
    std::unique_ptr<Storage> storage;
    std::string error;
};

/// Opens the store at `location`: a file path opens (or creates) an Algoscope database.
/// A server address (postgresql://...) is refused with a clear error until a server back end
/// is built in; it is never taken for a file name.
Opened open(const std::string& location, OpenOptions options = {});

/// True when `location` names a database server (postgresql:// or postgres://), not a file.
bool is_server_location(const std::string& location);

} // namespace algocore::storage
