#pragma once
// A station's SQLite file as the shared study's push sees it: the station's identity, its
// outbox (every record in the order it was stored, by sequence number) and what the server
// last acknowledged. The push opens its own connection beside the storage's (WAL lets both
// work); it reads records and writes only the station's identity and its sync state.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace algocore::sharedstudy {

struct SharedKind;

/// The station a file is: made once, at its first push.
struct StationIdentity {
    std::string uuid;
    std::string name;
};

/// What the server acknowledged at the last successful push.
struct SyncMemory {
    std::string study_uuid;
    std::string study_name;
    std::int64_t acknowledged_seq = 0;
    std::string synced_utc;
};

/// One value of a record as read from the station.
struct RecordValue {
    bool null = true;
    std::string text;
    std::vector<std::uint8_t> bytes;
};

/// A record waiting in the outbox: its sequence number, kind, UUID and the values of its
/// kind's columns (SharedKinds.h), in order.
struct OutgoingRecord {
    std::int64_t seq = 0;
    const SharedKind* kind = nullptr;
    std::string uuid;
    std::vector<RecordValue> values;
    std::size_t bytes() const; ///< roughly what it weighs on the wire
};

/// The station's file, or why it cannot be used.
struct StationFileOpen {
    std::unique_ptr<class StationFile> file;
    std::string error;
};

class StationFile {
public:
    /// Opens an Algoscope database at the current schema version; refuses anything else
    /// without changing it.
    static StationFileOpen open(const std::string& path);
    ~StationFile();
    StationFile(const StationFile&) = delete;
    StationFile& operator=(const StationFile&) = delete;

    std::optional<StationIdentity> station();
    /// The station's identity, made now (with a new UUID and this name) when it has none.
    StationIdentity make_station(const std::string& name);
    std::optional<SyncMemory> sync_memory();
    void remember_sync(const SyncMemory& memory);
    /// The newest sequence number (0: nothing stored yet).
    std::int64_t last_seq();
    /// The UUID of the record with this sequence number; empty when there is none.
    std::string uuid_at(std::int64_t seq);
    /// Records after `seq`, oldest first, up to max_records or about max_bytes (at least one).
    std::vector<OutgoingRecord> records_after(std::int64_t seq, std::size_t max_records,
                                              std::size_t max_bytes);
    const std::string& path() const { return path_; }

private:
    struct Impl;
    StationFile(std::unique_ptr<Impl> impl, std::string path);
    std::unique_ptr<Impl> impl_;
    std::string path_;
};

} // namespace algocore::sharedstudy
