#pragma once
// Storage in one SQLite file. One storage thread owns the connection; writers enqueue and
// return, the thread commits batches in single transactions (WAL, synchronous=FULL so a
// committed batch survives power loss, not only kill -9). A failed batch (disk full,
// read-only, busy) stays in memory and is retried; the status says why.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "algocore/storage/Storage.h"

namespace algocore::storage {

/// Schema version this build writes (PRAGMA user_version); older files migrate forward.
inline constexpr int kSchemaVersion = 14;
/// PRAGMA application_id of an Algoscope database ("ALGO"): anything else is not ours.
inline constexpr std::int32_t kApplicationId = 0x414C474F;

struct SqliteOptions {
    /// Retry interval for writes that could not be committed.
    std::chrono::milliseconds retry_interval{1000};
    /// Most records committed in one transaction.
    std::size_t max_batch = 4096;
    /// Size cap in pages (0 = none): a quota; reaching it behaves like a full disk.
    std::uint64_t max_page_count = 0;
    /// Run migrations and write; false opens for reading only (export).
    bool writable = true;
    /// Where records that cannot be committed by close() go when the database's own folder
    /// cannot take them (empty: the user's data folder, then the temporary folder).
    std::vector<std::string> rescue_folders;
};

/// Result of opening: the storage, or why not (unreadable file, newer schema, locked).
struct SqliteOpenResult {
    std::unique_ptr<class SqliteStorage> storage;
    std::string error;
    bool busy = false; ///< another program holds the file; nothing was changed
};

class SqliteStorage final : public Storage {
public:
    /// Opens (creating when writable and missing) and migrates to kSchemaVersion.
    static SqliteOpenResult open(const std::string& path, SqliteOptions options = {});
    ~SqliteStorage() override;
    SqliteStorage(const SqliteStorage&) = delete;
    SqliteStorage& operator=(const SqliteStorage&) = delete;

    /// Commits what it can (up to timeout), then stops the thread; unwritten records go to a
    /// rescue file beside the database (or in rescue_folders).
    std::size_t close(std::chrono::milliseconds timeout = kCloseTimeout) override;
    std::string rescue_path() const override;
    std::string rescue_error() const override;
    /// Opened for reading only: "" or a warning that part of the file could not be read (a
    /// -wal on read-only media).
    std::string read_note() const override;
    std::string import_rescue(const std::string& rescue_path,
                              std::string* summary = nullptr) override;
    /// Changes the size quota (pages, 0 = none); pending writes are retried at once.
    void set_max_page_count(std::uint64_t pages);
    std::string check_writable() override;
    /// Asks the storage thread to retry pending writes now.
    void retry_now();
    const std::string& location() const override;
    /// The database file's own identity (a UUID made when it was created; copies share it).
    const std::string& database_uuid() const;

    Enqueued add_subject(const Subject& subject) override;
    Enqueued add_operator(const Operator& op) override;
    Enqueued add_site(const Site& site) override;
    Enqueued begin_session(const Session& session) override;
    Enqueued open_session(const SessionOpening& opening) override;
    Enqueued record_trial(const Trial& trial, const RawTrace& trace) override;
    Enqueued record_hold(const Hold& hold, const RawTrace& trace) override;
    Enqueued record_training_score(const TrainingScore& score) override;
    Enqueued record_template(const ExpertTemplate& expert, const RawTrace& trace) override;
    Enqueued record_training_plan(const TrainingPlan& plan) override;
    Request correct(const Correction& correction) override;
    Request save_site_mdc(const SiteMdcRecord& mdc) override;
    Enqueued record_reaction_test(const ReactionTest& test) override;
    Enqueued record_findings(const TriggerPointFindings& findings) override;

    bool wait_committed(WriteTicket ticket, std::chrono::milliseconds timeout) override;
    bool flush(std::chrono::milliseconds timeout) override;
    StorageStatus status() const override;
    std::vector<StorageEvent> take_events() override;
    bool post(std::function<void()> task) override;

    std::optional<Subject> find_subject(const std::string& code) override;
    std::optional<Operator> find_operator(const std::string& name) override;
    std::optional<Site> find_site(const std::string& key_or_name) override;
    std::vector<Site> sites() override;
    std::vector<Session> sessions_of(RecordId subject_id) override;
    std::vector<Trial> trials_of(RecordId session_id) override;
    std::optional<RawTrace> trial_trace(RecordId trial_id) override;
    std::vector<Hold> holds_of(RecordId session_id) override;
    std::vector<ReactionTest> reaction_tests_of(RecordId session_id) override;
    std::vector<TriggerPointFindings> findings_of(RecordId session_id) override;
    std::optional<RawTrace> hold_trace(RecordId hold_id) override;
    std::vector<SiteSummary> site_summaries(RecordId subject_id) override;
    std::vector<AuditEntry> audit_log(const std::string& table, RecordId row_id) override;
    std::vector<Subject> subjects() override;
    std::vector<PointThreshold> thresholds_of(const std::string& subject_code,
                                              TrialMeasure measure) override;
    std::optional<PointThreshold> previous_threshold_of(const std::string& subject_code,
                                                        RecordId site_id, BodySide side,
                                                        TrialMeasure measure,
                                                        RecordId before_session_id) override;
    std::vector<ExpertTemplate> templates() override;
    std::optional<RawTrace> template_trace(RecordId template_id) override;
    std::optional<TrainingPlanProgress> latest_plan(const std::string& student_name) override;
    std::vector<TrainingScore> scores_of_student(const std::string& student_name) override;
    std::optional<SiteMdcRecord> site_mdc(const std::string& site_key, BodySide side) override;
    StudyData load_study() override;
    std::optional<SubjectRecords> history_of(const std::string& subject_code) override;

private:
    struct Impl;
    explicit SqliteStorage(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace algocore::storage
