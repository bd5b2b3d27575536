#pragma once
// The one way a front end opens storage: a location (a database file, or a shared study's
// server) and what it is opened for. The back end is chosen here from the location, so no
// view, page or command names one; they all see the Storage interface.
#include <memory>
#include <string>

#include "algocore/storage/Storage.h"

namespace algocore::storage {

/// What a store is opened for.
struct OpenOptions {
    /// Record into it (creating a missing file and bringing an older one up to date); false
    /// reads only and never changes it (exports, reports, statistics).
    bool writable = true;
    /// A shared study's server is connected at the first read, on the store's own thread, not
    /// during open (a window never waits for the network); a read that cannot be answered then
    /// fails with the reason. Files ignore it.
    bool connect_at_first_read = false;
};

/// The opened store, or why it could not be opened (unreadable or foreign file, newer
/// format, locked, a location no back end serves).
struct Opened {
    std::unique_ptr<Storage> storage;
    std::string error;
    /// Another program holds it (recording into it, or locked): try again later; nothing was
    /// changed.
    bool busy = false;
};

/// Opens the store at `location`: a file path opens (or creates) an Algoscope database; a
/// server address (postgresql://...) opens the shared study (open_server). It is never taken
/// for a file name.
Opened open(const std::string& location, OpenOptions options = {});

/// Opens the shared study on the server at `address`, a libpq connection string
/// ("host=... dbname=...") or postgresql:// URI, for reading every station's records: it is
/// only read (records are made in a station's file and reach the server by its push), so a
/// writable open is refused. The password comes from ~/.pgpass or PGPASSFILE; errors never
/// repeat the address.
Opened open_server(const std::string& address, OpenOptions options = {});

/// True when `location` names a database server (postgresql:// or postgres://), not a file.
bool is_server_location(const std::string& location);

} // namespace algocore::storage
