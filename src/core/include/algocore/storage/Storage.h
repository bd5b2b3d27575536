#pragma once
// The storage interface every part of Algoscope records through, in two halves: what writes
// (StorageWriter: the recorder, corrections, a site's MDC) and what reads (StorageReader:
// history, exports, reports, pickers). Storage is both plus the store's own life (close,
// rescue, import, the storage thread). Writes are enqueued and never block the caller (the
// I/O or GUI thread); a storage thread commits them in batches. Queries see every write
// enqueued before them that could be committed. SQLite implements it for a station's file,
// the shared-study server for reading a whole study; callers do not know which.
// The records it moves (subjects, sites, trials, ids) are the domain's: algocore/records.
#include <chrono>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "algocore/Inbox.h"
#include "algocore/storage/StorageStatus.h"
#include "algocore/storage/StoredRecords.h"

namespace algocore::storage {

/// How long close() waits, unless told otherwise, for pending writes to be committed.
inline constexpr std::chrono::milliseconds kCloseTimeout{5000};

/// An enqueued record: its id (usable at once in later records), its write ticket and its
/// global identity (the record's uuid, given now when it had none).
struct Enqueued {
    RecordId id = kNoRecord;
    WriteTicket ticket = 0;
    std::string uuid = {};
};

/// Outcome of a request that can be refused before it is enqueued (bad correction, ...).
struct Request {
    bool ok = false;
    std::string error; ///< why it was refused
    WriteTicket ticket = 0;
};

/// What writes: every record is enqueued and the call returns at once with its id; commit
/// tracking says when it is on disk. The recorder and the correction and MDC paths take this.
class StorageWriter {
public:
    virtual ~StorageWriter() = default;

    /// Adds a subject (code must be unique). Use open_session for "by code".
    virtual Enqueued add_subject(const Subject& subject) = 0;
    virtual Enqueued add_operator(const Operator& op) = 0;
    /// Adds a custom site (builtin is forced false; key derived from name when empty).
    virtual Enqueued add_site(const Site& site) = 0;
    virtual Enqueued begin_session(const Session& session) = 0;
    /// Opens a session for a subject found by code (or added), with an operator found by name
    /// (or added), on the storage thread in one transaction; the returned id is the session's.
    /// This is how every workflow starts its session (the Recorder calls it).
    virtual Enqueued open_session(const SessionOpening& opening) = 0;
    /// A finished trial with its raw trace, committed together.
    virtual Enqueued record_trial(const Trial& trial, const RawTrace& trace) = 0;
    /// A finished hold with its raw trace, prescription and metrics, committed together.
    virtual Enqueued record_hold(const Hold& hold, const RawTrace& trace) = 0;
    /// A score; student_id is taken from the session's operator when 0.
    virtual Enqueued record_training_score(const TrainingScore& score) = 0;
    /// An expert template with its samples.
    virtual Enqueued record_template(const ExpertTemplate& expert, const RawTrace& trace) = 0;
    virtual Enqueued record_training_plan(const TrainingPlan& plan) = 0;
    /// A correction: the record shows the new value and the audit log keeps the old one.
    /// Refused for unknown tables/fields and for fields that must never change.
    virtual Request correct(const Correction& correction) = 0;
    /// Stores a site's own MDC (a new row; earlier ones stay as history). Refused when the
    /// site is unknown, the MDC is not a positive number or the provenance is empty.
    virtual Request save_site_mdc(const SiteMdcRecord& mdc) = 0;
    /// A finished reaction-time test with every cue and press, committed together.
    virtual Enqueued record_reaction_test(const ReactionTest& test) = 0;
    /// A point's trigger-point findings in a session (examined_utc set now when empty). The
    /// newest findings of a session, site and side are the visit's; earlier ones stay.
    virtual Enqueued record_findings(const TriggerPointFindings& findings) = 0;

    // ---- commit tracking ----------------------------------------------------------------
    /// Waits until ticket is committed; false on timeout (the record is still kept in memory)
    /// or when the record was refused (see StorageStatus::last_rejection).
    virtual bool wait_committed(WriteTicket ticket, std::chrono::milliseconds timeout) = 0;
    /// Waits until everything enqueued so far is written (or refused); false on timeout.
    virtual bool flush(std::chrono::milliseconds timeout) = 0;
    virtual StorageStatus status() const = 0;
    /// State changes and rejections since the last call.
    virtual std::vector<StorageEvent> take_events() = 0;
};

/// What reads (blocking: the CLI, tests and tasks on the storage thread; a view reads through
/// ask(), which hands its read a StorageReader). Subjects are asked for by code and students
/// by name, as front ends know them; rows inside a subject (sessions, trials, holds) by id.
class StorageReader {
public:
    virtual ~StorageReader() = default;

    virtual std::optional<Subject> find_subject(const std::string& code) = 0;
    virtual std::optional<Operator> find_operator(const std::string& name) = 0;
    /// By key ("upper_trapezius") or display name, case-insensitive.
    virtual std::optional<Site> find_site(const std::string& key_or_name) = 0;
    virtual std::vector<Site> sites() = 0;
    virtual std::vector<Session> sessions_of(RecordId subject_id) = 0;
    virtual std::vector<Trial> trials_of(RecordId session_id) = 0;
    virtual std::optional<RawTrace> trial_trace(RecordId trial_id) = 0;
    virtual std::vector<Hold> holds_of(RecordId session_id) = 0;
    /// A session's reaction-time tests with their cues, oldest first.
    virtual std::vector<ReactionTest> reaction_tests_of(RecordId session_id) = 0;
    /// The trigger-point findings in force at each point of a session (the newest of a site
    /// and side), by site and side.
    virtual std::vector<TriggerPointFindings> findings_of(RecordId session_id) = 0;
    virtual std::optional<RawTrace> hold_trace(RecordId hold_id) = 0;
    /// Per session, site, side and measure; subject_id 0 = all subjects.
    virtual std::vector<SiteSummary> site_summaries(RecordId subject_id) = 0;
    /// Corrections of one record (table, row), oldest first; row_id 0 = whole table.
    virtual std::vector<AuditEntry> audit_log(const std::string& table, RecordId row_id) = 0;
    /// Every subject (no measurements), for pickers: most recently seen first (the latest
    /// session's start), then the subjects never seen, newest first.
    virtual std::vector<Subject> subjects() = 0;
    /// The latest session's threshold (mean of the counted trials of that measure) at every
    /// point of a subject (by code); empty when no subject has that code.
    virtual std::vector<PointThreshold> thresholds_of(const std::string& subject_code,
                                                      TrialMeasure measure) = 0;
    /// The threshold of the subject's last session before before_session_id at a point
    /// (kNoRecord: the latest session's).
    virtual std::optional<PointThreshold> previous_threshold_of(const std::string& subject_code,
                                                                RecordId site_id, BodySide side,
                                                                TrialMeasure measure,
                                                                RecordId before_session_id) = 0;
    virtual std::vector<ExpertTemplate> templates() = 0;
    virtual std::optional<RawTrace> template_trace(RecordId template_id) = 0;
    /// The student's (operator name) latest plan, with the attempts scored under it.
    virtual std::optional<TrainingPlanProgress> latest_plan(const std::string& student_name) = 0;
    /// A student's scores (by operator name) in time order.
    virtual std::vector<TrainingScore> scores_of_student(const std::string& student_name) = 0;
    /// The MDC in force at a point: the latest stored for that side, else the latest stored
    /// for both sides; empty when the site has none (the built-in default then applies).
    virtual std::optional<SiteMdcRecord> site_mdc(const std::string& site_key, BodySide side) = 0;
    /// Everything, for export.
    virtual StudyData load_study() = 0;
    /// A subject's sessions, trials and holds (no traces) in one read, for its history and
    /// report; nullopt when no subject has that code.
    virtual std::optional<SubjectRecords> history_of(const std::string& subject_code) = 0;
};

/// A store: both halves, and its own life. What opens it (storage::open) owns it.
class Storage : public StorageWriter, public StorageReader {
public:
    ~Storage() override = default;

    /// Where it was opened: the file path or the server location given to storage::open.
    virtual const std::string& location() const = 0;
    /// Commits what it can (up to timeout), then closes; the number of records that could not
    /// be written (0 = everything committed). Closing twice is harmless.
    virtual std::size_t close(std::chrono::milliseconds timeout = kCloseTimeout) = 0;
    /// After a close() that left records unwritten: the rescue file holding them (add it back
    /// with import_rescue), or empty with rescue_error() saying why none could be written.
    virtual std::string rescue_path() const = 0;
    virtual std::string rescue_error() const = 0;
    /// Empty when a write can be committed now and there is room; else why not (read-only,
    /// locked by another program, disk full). Blocks briefly.
    virtual std::string check_writable() = 0;
    /// Opened for reading only: "" or a warning that part of the study could not be read.
    virtual std::string read_note() const = 0;
    /// Adds every record of a rescue file that this store lacks, in one transaction; refused
    /// (nothing changed) when the file's records clash with others here. Returns "" and sets
    /// *summary ("3 trials, 3 trial_traces"), or the reason.
    virtual std::string import_rescue(const std::string& rescue_path,
                                      std::string* summary = nullptr) = 0;

    /// Runs task on the storage's own thread after every write enqueued before it. False
    /// when the storage is closed (the task is not run). Queries called from inside the task
    /// run directly. Use ask() rather than this.
    virtual bool post(std::function<void()> task) = 0;
};

/// A read's result, or why it could not be read.
template <typename Result> struct Answer {
    Result value{};
    std::string error; ///< empty when the read succeeded
    bool ok() const { return error.empty(); }
};

/// Reads without blocking the caller: `read(reader)` runs on the storage thread after the
/// writes enqueued before it (it is handed the StorageReader: an ask cannot write), and
/// `done(Answer)` runs later on the thread that delivers `inbox`. The caller keeps done's captures
/// alive until the inbox is delivered (or guards them, e.g. with a QPointer).
template <typename Result, typename Read, typename Done>
void ask(Storage& storage, Inbox& inbox, Read read, Done done) {
    auto task = [&storage, &inbox, read = std::move(read), done]() mutable {
        Answer<Result> answer;
        try {
            answer.value = read(static_cast<StorageReader&>(storage));
        } catch (const std::exception& e) {
            answer.error = e.what();
        }
        inbox.post([done, answer = std::move(answer)]() mutable { done(std::move(answer)); });
    };
    if (!storage.post(std::move(task))) {
        Answer<Result> closed;
        closed.error = "the database is closed";
        inbox.post([done, closed = std::move(closed)]() mutable { done(std::move(closed)); });
    }
}

} // namespace algocore::storage
