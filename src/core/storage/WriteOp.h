#pragma once
// What the storage thread writes: one enqueued record with its ticket. Traces are encoded to
// blobs at enqueue so the queue holds compact bytes, not sample vectors.
#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "algocore/storage/StorageStatus.h"
#include "algocore/storage/StoredRecords.h"

namespace SQLite {
class Database;
}

namespace algocore::storage {

/// Tables whose ids are assigned by the storage (at enqueue, or on its thread).
enum class IdKind {
    Subject,
    Operator,
    Site,
    Session,
    Trial,
    Hold,
    TrainingScore,
    Template,
    TrainingPlan,
    ReactionTest,
    TriggerPointFindings,
    Count
};
/// Hands out the next id of a table (the storage's own counters).
using IdSource = std::function<RecordId(IdKind)>;

struct TemplateWrite {
    ExpertTemplate expert;
    std::vector<std::uint8_t> blob;
    std::size_t sample_count = 0;
};

struct TrialWrite {
    Trial trial;
    std::vector<std::uint8_t> blob;
    std::size_t sample_count = 0;
};

struct HoldWrite {
    Hold hold;
    std::vector<std::uint8_t> blob;
    std::size_t sample_count = 0;
};

struct CorrectionWrite {
    Correction correction;
    std::string when_utc;
    std::string audit_uuid; ///< identity of the audit row the correction writes
};

struct WriteOp {
    WriteTicket ticket = 0;
    std::variant<Subject, Operator, Site, Session, SessionOpening, TrialWrite, HoldWrite,
                 TrainingScore, TemplateWrite, TrainingPlan, CorrectionWrite, SiteMdcRecord,
                 ReactionTest, TriggerPointFindings>
        record;
};

/// Writes one record inside the caller's transaction (ids of subjects or operators a session
/// opening adds come from next_id). Throws SQLite::Exception on failure.
void apply_write(SQLite::Database& db, const WriteOp& op, const IdSource& next_id);

/// Checks a correction before it is enqueued; empty string when acceptable.
std::string check_correction(const Correction& correction);

} // namespace algocore::storage
