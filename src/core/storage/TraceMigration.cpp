// Rewrites old trace blobs once. Each table is read row by row and only ALT1 blobs are
// rewritten, so memory stays one trace whatever the database size, and a migration that is
// interrupted leaves the whole step undone (the caller's transaction).
#include "TraceMigration.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstring>

#include "TraceBlobV1.h"
#include "algocore/storage/TraceBlob.h"

namespace algocore::storage::schema {

namespace {

/// A trace table, its key, and the probe area of the record it belongs to (a hint only).
struct TraceTable {
    const char* select;
    const char* update;
};

constexpr TraceTable kTraceTables[] = {
    {"SELECT t.trial_id, t.samples, COALESCE(r.probe_cm2, 0) FROM trial_traces t "
     "LEFT JOIN trials r ON r.id = t.trial_id",
     "UPDATE trial_traces SET samples = ? WHERE trial_id = ?"},
    {"SELECT t.hold_id, t.samples, COALESCE(h.probe_cm2, 0) FROM hold_traces t "
     "LEFT JOIN holds h ON h.id = t.hold_id",
     "UPDATE hold_traces SET samples = ? WHERE hold_id = ?"},
    {"SELECT id, samples, 0 FROM session_samples",
     "UPDATE session_samples SET samples = ? WHERE id = ?"},
    {"SELECT template_id, samples, 0 FROM template_traces",
     "UPDATE template_traces SET samples = ? WHERE template_id = ?"},
};

} // namespace

void reencode_old_traces(SQLite::Database& db) {
    for (const TraceTable& table : kTraceTables) {
        SQLite::Statement select(db, table.select);
        SQLite::Statement update(db, table.update);
        while (select.executeStep()) {
            const SQLite::Column blob = select.getColumn(1);
            const auto* data = static_cast<const std::uint8_t*>(blob.getBlob());
            const auto size = static_cast<std::size_t>(blob.getBytes());
            if (size < 4 || std::memcmp(data, kTraceMagicV1, 4) != 0) continue;
            RawTrace trace;
            std::string error;
            if (!decode_trace(data, size, trace, error)) continue;
            TraceHints hints;
            hints.probe_area_cm2 = select.getColumn(2).getDouble();
            const std::vector<std::uint8_t> compact = encode_trace(trace, hints);
            update.reset();
            update.bind(1, compact.data(), static_cast<int>(compact.size()));
            update.bind(2, select.getColumn(0).getInt64());
            update.exec();
        }
    }
}

} // namespace algocore::storage::schema
