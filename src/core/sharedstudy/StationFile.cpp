#include "algocore/sharedstudy/StationFile.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <map>

#include "SharedKinds.h"
#include "algocore/Uuid.h"
#include "algocore/WallClock.h"
#include "algocore/storage/SqliteStorage.h"

namespace algocore::sharedstudy {

namespace {

// The storage thread may hold the write lock for a batch; the push waits for it.
constexpr int kBusyTimeoutMs = 10000;

std::string select_of(const SharedKind& kind) {
    std::string sql = "SELECT r.uuid";
    for (const SharedColumn& c : kind.columns)
        sql += std::string(", ") + c.station;
    return sql + " FROM " + kind.table + " r WHERE r.id = ?";
}

RecordValue value_of(const SQLite::Column& column, ValueKind kind) {
    RecordValue v;
    if (column.isNull()) return v;
    v.null = false;
    switch (kind) {
    case ValueKind::Text: v.text = column.getString(); break;
    case ValueKind::Integer: v.text = std::to_string(column.getInt64()); break;
    case ValueKind::Real: {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.17g", column.getDouble());
        v.text = buffer;
        break;
    }
    case ValueKind::Boolean: v.text = column.getInt64() != 0 ? "true" : "false"; break;
    case ValueKind::Bytes: {
        const auto* data = static_cast<const std::uint8_t*>(column.getBlob());
        v.bytes.assign(data, data + column.getBytes());
        break;
    }
    }
    return v;
}

} // namespace

std::size_t OutgoingRecord::bytes() const {
    std::size_t total = uuid.size();
    for (const RecordValue& v : values)
        total += v.text.size() + v.bytes.size();
    return total;
}

struct StationFile::Impl {
    SQLite::Database db;
    std::map<const SharedKind*, std::unique_ptr<SQLite::Statement>> selects;
    explicit Impl(const std::string& path) : db(path, SQLite::OPEN_READWRITE, kBusyTimeoutMs) {}

    SQLite::Statement& select(const SharedKind& kind) {
        auto& st = selects[&kind];
        if (!st) st = std::make_unique<SQLite::Statement>(db, select_of(kind));
        st->reset();
        st->clearBindings();
        return *st;
    }
};

StationFileOpen StationFile::open(const std::string& path) {
    StationFileOpen out;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        out.error = "no database at " + path;
        return out;
    }
    try {
        auto impl = std::make_unique<Impl>(path);
        const int application_id = impl->db.execAndGet("PRAGMA application_id").getInt();
        const int version = impl->db.execAndGet("PRAGMA user_version").getInt();
        if (application_id != storage::kApplicationId) {
            out.error = path + " is not an Algoscope database; it was left unchanged";
        } else if (version != storage::kSchemaVersion) {
            out.error =
                path + " has schema version " + std::to_string(version) +
                ", this Algoscope pushes version " + std::to_string(storage::kSchemaVersion) +
                (version < storage::kSchemaVersion ? "; open it once for recording to migrate it"
                                                   : "; update Algoscope");
        } else {
            out.file.reset(new StationFile(std::move(impl), path));
        }
    } catch (const SQLite::Exception& e) {
        out.error = "cannot open " + path + ": " + e.what();
    }
    return out;
}

StationFile::StationFile(std::unique_ptr<Impl> impl, std::string path)
    : impl_(std::move(impl)), path_(std::move(path)) {}

StationFile::~StationFile() = default;

std::optional<StationIdentity> StationFile::station() {
    SQLite::Statement st(impl_->db, "SELECT uuid, name FROM station");
    if (!st.executeStep()) return std::nullopt;
    return StationIdentity{st.getColumn(0).getString(), st.getColumn(1).getString()};
}

StationIdentity StationFile::make_station(const std::string& name) {
    if (auto existing = station()) return *existing;
    // A file is one station: its identity is the database's own, so a copy restored from a
    // backup is recognised as the same station (and refused when it is behind).
    StationIdentity made{
        impl_->db.execAndGet("SELECT COALESCE((SELECT uuid FROM database_identity), '')")
            .getString(),
        name};
    if (made.uuid.empty()) made.uuid = new_uuid();
    SQLite::Statement st(impl_->db, "INSERT INTO station (singleton, uuid, name, created_utc) "
                                    "VALUES (1, ?, ?, ?)");
    st.bind(1, made.uuid);
    st.bind(2, made.name);
    st.bind(3, utc_now_iso8601());
    st.exec();
    return made;
}

std::optional<SyncMemory> StationFile::sync_memory() {
    SQLite::Statement st(impl_->db, "SELECT study_uuid, study_name, acknowledged_seq, synced_utc "
                                    "FROM sync_state");
    if (!st.executeStep()) return std::nullopt;
    return SyncMemory{st.getColumn(0).getString(), st.getColumn(1).getString(),
                      st.getColumn(2).getInt64(), st.getColumn(3).getString()};
}

void StationFile::remember_sync(const SyncMemory& memory) {
    SQLite::Statement st(impl_->db,
                         "INSERT INTO sync_state (singleton, study_uuid, study_name, "
                         "acknowledged_seq, synced_utc) VALUES (1, ?, ?, ?, ?) "
                         "ON CONFLICT(singleton) DO UPDATE SET study_uuid = excluded.study_uuid, "
                         "study_name = excluded.study_name, "
                         "acknowledged_seq = excluded.acknowledged_seq, "
                         "synced_utc = excluded.synced_utc");
    st.bind(1, memory.study_uuid);
    st.bind(2, memory.study_name);
    st.bind(3, memory.acknowledged_seq);
    st.bind(4, memory.synced_utc);
    st.exec();
}

std::int64_t StationFile::last_seq() {
    return impl_->db.execAndGet("SELECT COALESCE(MAX(seq), 0) FROM outbox").getInt64();
}

std::string StationFile::uuid_at(std::int64_t seq) {
    SQLite::Statement row(impl_->db, "SELECT table_name, row_id FROM outbox WHERE seq = ?");
    row.bind(1, seq);
    if (!row.executeStep()) return {};
    const SharedKind* kind = shared_kind(row.getColumn(0).getString());
    if (!kind) return {};
    SQLite::Statement st(impl_->db,
                         std::string("SELECT uuid FROM ") + kind->table + " WHERE id = ?");
    st.bind(1, row.getColumn(1).getInt64());
    return st.executeStep() ? st.getColumn(0).getString() : std::string{};
}

std::vector<OutgoingRecord> StationFile::records_after(std::int64_t seq, std::size_t max_records,
                                                       std::size_t max_bytes) {
    std::vector<OutgoingRecord> out;
    // One read transaction: the batch is a consistent snapshot while the storage writes on.
    SQLite::Transaction snapshot(impl_->db, SQLite::TransactionBehavior::DEFERRED);
    SQLite::Statement rows(impl_->db, "SELECT seq, table_name, row_id FROM outbox WHERE seq > ? "
                                      "ORDER BY seq LIMIT ?");
    rows.bind(1, seq);
    rows.bind(2, static_cast<std::int64_t>(max_records));
    std::size_t bytes = 0;
    while (rows.executeStep()) {
        OutgoingRecord record;
        record.seq = rows.getColumn(0).getInt64();
        record.kind = shared_kind(rows.getColumn(1).getString());
        if (!record.kind)
            throw SQLite::Exception(
                "outbox row " + std::to_string(record.seq) +
                    " names a table that does not travel: " + rows.getColumn(1).getString(),
                SQLITE_CORRUPT);
        SQLite::Statement& st = impl_->select(*record.kind);
        st.bind(1, rows.getColumn(2).getInt64());
        if (!st.executeStep())
            throw SQLite::Exception(
                "outbox row " + std::to_string(record.seq) + " names " + record.kind->table +
                    " row " + std::to_string(rows.getColumn(2).getInt64()) + ", which is missing",
                SQLITE_CORRUPT);
        record.uuid = st.getColumn(0).getString();
        for (std::size_t i = 0; i < record.kind->columns.size(); ++i)
            record.values.push_back(
                value_of(st.getColumn(static_cast<int>(i + 1)), record.kind->columns[i].kind));
        // A statement left stepped would hold its read snapshot: later reads of this
        // connection would never see what the storage commits after it.
        st.reset();
        bytes += record.bytes();
        out.push_back(std::move(record));
        if (bytes >= max_bytes) break;
    }
    snapshot.commit();
    return out;
}

} // namespace algocore::sharedstudy
