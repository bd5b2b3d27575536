#pragma once
// What the storage is doing, as a value the GUI shows in its non-modal banner and the CLI
// prints: writing normally, or holding records in memory because the disk is full or the
// database is read-only, with how many are waiting.
#include <cstddef>
#include <cstdint>
#include <string>

namespace algocore::storage {

/// Ticket of an enqueued write; tickets increase in enqueue order. 0 = nothing.
using WriteTicket = std::uint64_t;

/// Health of the write path.
enum class StorageState {
    Ok,       ///< writes are committed as they arrive
    DiskFull, ///< SQLITE_FULL (or a size quota): records wait in memory, retried
    ReadOnly, ///< the database cannot be written: records wait in memory, retried
    Busy,     ///< another process holds the write lock: retried
    Failed,   ///< another I/O error: records wait in memory, retried
    Closed,   ///< the storage was closed
};
const char* to_string(StorageState state);

/// A snapshot of the write path.
struct StorageStatus {
    StorageState state = StorageState::Ok;
    std::string message;               ///< for the user; empty when Ok
    std::size_t pending_writes = 0;    ///< enqueued, not yet committed
    WriteTicket committed_through = 0; ///< every ticket <= this is committed
    std::uint64_t rejected_writes = 0; ///< records refused as invalid (see last_rejection)
    std::string last_rejection;
};

/// A change of state or a rejected record, in order of occurrence.
struct StorageEvent {
    StorageState state = StorageState::Ok;
    std::string message;
    std::size_t pending_writes = 0;
};

} // namespace algocore::storage
