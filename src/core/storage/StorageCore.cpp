// Storage thread loop and error handling; see SqliteStorage.cpp for the durability reasoning.
#include "StorageCore.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fcntl.h>

#include <iterator>
#include <utility>

#include "ReadOnlyOpen.h"
#include "Schema.h"
#include "SqliteQueries.h"

namespace algocore::storage {

namespace {

constexpr std::int64_t kNoPageLimit = 4294967294; // SQLite's largest max_page_count
constexpr int kBusyTimeoutMs = 2000;

const char* const kIdTables[] = {"subjects",
                                 "operators",
                                 "sites",
                                 "sessions",
                                 "trials",
                                 "holds",
                                 "training_scores",
                                 "expert_templates",
                                 "training_plans",
                                 "reaction_tests",
                                 "trigger_point_findings"};
static_assert(std::size(kIdTables) == static_cast<std::size_t>(IdKind::Count));

/// Errors that belong to one record (bad reference, duplicate code): drop that record only.
bool record_error(int code) {
    return code == SQLITE_CONSTRAINT || code == SQLITE_MISMATCH || code == SQLITE_TOOBIG ||
           code == SQLITE_RANGE;
}

/// Another program holds the file: trying again later may work; nothing was changed.
bool is_busy(int code) {
    return (code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED;
}

} // namespace

StorageCore::StorageCore(std::string path, SqliteOptions options)
    : path_(std::move(path)), options_(options) {}

StorageCore::~StorageCore() {
    stop(std::chrono::milliseconds{0});
}

std::string StorageCore::open_immutable_if_needed() {
    return reopen_immutable_when_unreadable(db_, path_, kBusyTimeoutMs);
}

std::string StorageCore::open_connection() {
    const int flags =
        options_.writable ? (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) : SQLite::OPEN_READONLY;
    // Health data: a new database file is created owner-only before SQLite opens it; SQLite
    // gives its -wal and -shm the main file's permissions.
    if (options_.writable && ::access(path_.c_str(), F_OK) != 0) {
        const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) {
            ::fchmod(fd, 0600);
            ::close(fd);
        }
    }
    try {
        db_ = std::make_unique<SQLite::Database>(path_, flags, kBusyTimeoutMs);
        if (!options_.writable) read_note_ = open_immutable_if_needed();
        // Someone else's database is refused before anything (even the journal mode) changes.
        if (std::string refusal = schema::refuse_unless_ours(*db_, path_); !refusal.empty()) {
            db_.reset();
            return refusal;
        }
        // A file that cannot be written opens read-only; it still answers queries and the
        // writes wait (status ReadOnly), so do not try to change its journal mode.
        if (options_.writable && sqlite3_db_readonly(db_->getHandle(), "main") != 1) {
            db_->exec("PRAGMA journal_mode = WAL");
            db_->exec("PRAGMA synchronous = FULL");
        }
        db_->exec("PRAGMA foreign_keys = ON");
        apply_page_limit();
    } catch (const SQLite::Exception& e) {
        db_.reset();
        busy_ = is_busy(e.getErrorCode());
        return "cannot open the database " + path_ + ": " + e.what();
    }
    return {};
}

void StorageCore::apply_page_limit() {
    if (!db_ || !options_.writable || sqlite3_db_readonly(db_->getHandle(), "main") == 1) return;
    const std::int64_t pages = options_.max_page_count > 0
                                   ? static_cast<std::int64_t>(options_.max_page_count)
                                   : kNoPageLimit;
    db_->execAndGet("PRAGMA max_page_count = " + std::to_string(pages));
}

std::string StorageCore::start() {
    std::string error = open_connection();
    if (!error.empty()) return error;
    if (options_.writable) {
        // One recording process per file: ids are handed out at enqueue, so a second writer
        // would collide. The kernel drops the lock when the process dies (even kill -9).
        lock_fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
        if (lock_fd_ < 0 || ::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
            busy_ = lock_fd_ >= 0;
            db_.reset();
            if (lock_fd_ >= 0) ::close(lock_fd_);
            lock_fd_ = -1;
            return "the database " + path_ +
                   " is already open for recording by another Algoscope process";
        }
    }
    try {
        const bool read_only = sqlite3_db_readonly(db_->getHandle(), "main") == 1;
        const int version = db_->execAndGet("PRAGMA user_version").getInt();
        if (!options_.writable || read_only) {
            if (version != kSchemaVersion) {
                return "the database " + path_ + " has schema version " + std::to_string(version) +
                       " but this Algoscope reads version " + std::to_string(kSchemaVersion) +
                       (read_only ? " and the file is read-only"
                                  : "; open it once for recording to migrate it");
            }
        } else {
            const auto migrated = schema::migrate(*db_);
            if (!migrated.ok) return migrated.error;
            schema::seed_builtin_sites(*db_);
        }
        database_uuid_ = db_->execAndGet("SELECT uuid FROM database_identity").getString();
        for (int k = 0; k < static_cast<int>(IdKind::Count); ++k) {
            next_ids_[k] = queries::max_id(*db_, kIdTables[k]);
        }
        if (options_.writable && read_only) {
            report(StorageState::ReadOnly, "the database " + path_ +
                                               " is read-only: new records are kept in memory "
                                               "until it can be written");
            reopen_ = true;
            retry_at_ = std::chrono::steady_clock::now() + options_.retry_interval;
        }
    } catch (const SQLite::Exception& e) {
        busy_ = is_busy(e.getErrorCode());
        return "cannot read the database " + path_ + ": " + e.what();
    }
    running_ = true;
    thread_ = std::thread([this] { run(); });
    thread_id_ = thread_.get_id();
    return {};
}

bool StorageCore::post(std::function<void()> task) {
    {
        std::lock_guard lock(mutex_);
        if (!running_ || stopping_) return false;
        tasks_.push_back({last_ticket_, std::move(task)});
    }
    wake_.notify_one();
    return true;
}

std::size_t StorageCore::stop(std::chrono::milliseconds timeout) {
    {
        std::lock_guard lock(mutex_);
        if (!running_ && !thread_.joinable()) {
            // Never started (open failed after locking): still release the file.
            db_.reset();
            if (lock_fd_ >= 0) {
                ::close(lock_fd_);
                lock_fd_ = -1;
            }
            return pending_.size();
        }
        stopping_ = true;
        stop_deadline_ = std::chrono::steady_clock::now() + timeout;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
    // Nothing uncommitted is thrown away: it goes to a rescue file the user can import.
    std::deque<WriteOp> unwritten;
    {
        std::lock_guard lock(mutex_);
        unwritten = pending_;
    }
    if (!unwritten.empty() && options_.writable) {
        const auto folders =
            options_.rescue_folders.empty() ? default_rescue_folders() : options_.rescue_folders;
        RescueWritten written = write_rescue_file(
            path_, unwritten, [this](IdKind kind) { return next_id(kind); }, folders);
        std::lock_guard lock(mutex_);
        rescue_ = std::move(written);
    }
    db_.reset();
    if (lock_fd_ >= 0) {
        ::flock(lock_fd_, LOCK_UN);
        ::close(lock_fd_);
        lock_fd_ = -1;
    }
    std::lock_guard lock(mutex_);
    status_.state = StorageState::Closed;
    status_.pending_writes = pending_.size();
    return pending_.size();
}

RescueWritten StorageCore::rescue() const {
    std::lock_guard lock(mutex_);
    return rescue_;
}

RecordId StorageCore::next_id(IdKind kind) {
    std::lock_guard lock(mutex_);
    return ++next_ids_[static_cast<int>(kind)];
}

WriteTicket StorageCore::last_ticket() const {
    std::lock_guard lock(mutex_);
    return last_ticket_;
}

bool StorageCore::wait_committed(WriteTicket ticket, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    const bool processed =
        committed_.wait_for(lock, timeout, [&] { return committed_through_ >= ticket; });
    return processed && rejected_tickets_.count(ticket) == 0;
}

bool StorageCore::wait_processed(WriteTicket ticket, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return committed_.wait_for(lock, timeout, [&] { return committed_through_ >= ticket; });
}

StorageStatus StorageCore::status() const {
    std::lock_guard lock(mutex_);
    StorageStatus s = status_;
    s.pending_writes = pending_.size() + in_flight_;
    s.committed_through = committed_through_;
    return s;
}

std::vector<StorageEvent> StorageCore::take_events() {
    std::lock_guard lock(mutex_);
    return std::exchange(events_, {});
}

void StorageCore::set_max_page_count(std::uint64_t pages) {
    {
        std::lock_guard lock(mutex_);
        options_.max_page_count = pages;
        page_limit_changed_ = true;
        retry_at_ = {};
    }
    wake_.notify_one();
}

void StorageCore::retry_now() {
    {
        std::lock_guard lock(mutex_);
        retry_at_ = {};
    }
    wake_.notify_one();
}

SQLite::Database& StorageCore::connection() {
    if (!db_) {
        const std::string error = open_connection();
        if (!error.empty()) throw std::runtime_error(error);
    }
    return *db_;
}

// Called with mutex_ held.
void StorageCore::report(StorageState state, const std::string& message) {
    if (state == status_.state && message == status_.message) return;
    status_.state = state;
    status_.message = message;
    events_.push_back({state, message, pending_.size() + in_flight_});
}

bool StorageCore::can_write(std::chrono::steady_clock::time_point now) const {
    if (pending_.empty()) return false;
    return status_.state == StorageState::Ok || now >= retry_at_;
}

bool StorageCore::task_due() const {
    return !tasks_.empty() && (pending_.empty() || pending_.front().ticket > tasks_.front().after);
}

// Writes and reads are taken in the order they were enqueued: a read runs once the writes
// before it are processed, and a batch stops at the first write enqueued after a waiting
// read, so a read never sees what was enqueued after it (a view that asked before recording
// gets the state before its own records).
void StorageCore::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        const auto now = std::chrono::steady_clock::now();
        if (task_due()) {
            auto task = std::move(tasks_.front().run);
            tasks_.pop_front();
            lock.unlock();
            task();
            lock.lock();
            continue;
        }
        if (can_write(now)) {
            const WriteTicket limit = tasks_.empty() ? last_ticket_ : tasks_.front().after;
            std::vector<WriteOp> batch;
            batch.reserve(std::min(pending_.size(), options_.max_batch));
            while (!pending_.empty() && batch.size() < options_.max_batch &&
                   pending_.front().ticket <= limit) {
                batch.push_back(std::move(pending_.front()));
                pending_.pop_front();
            }
            in_flight_ = batch.size();
            const bool limit_changed = std::exchange(page_limit_changed_, false);
            lock.unlock();
            if (limit_changed) {
                try {
                    apply_page_limit();
                } catch (const SQLite::Exception&) {
                    // Retried with the batch; a broken connection is reported there.
                }
            }
            write_batch(batch); // leaves the uncommitted ops in batch
            lock.lock();
            for (auto it = batch.rbegin(); it != batch.rend(); ++it) {
                pending_.push_front(std::move(*it));
            }
            in_flight_ = 0;
            committed_.notify_all();
            continue;
        }
        if (!tasks_.empty()) {
            // The writes before it wait on a retry (full disk, read-only): the read goes ahead.
            auto task = std::move(tasks_.front().run);
            tasks_.pop_front();
            lock.unlock();
            task();
            lock.lock();
            continue;
        }
        if (stopping_ && (pending_.empty() || now >= stop_deadline_)) break;
        if (pending_.empty()) {
            wake_.wait(lock);
        } else {
            auto until = retry_at_;
            if (stopping_) until = std::min(until, stop_deadline_);
            wake_.wait_until(lock, until);
        }
    }
    running_ = false;
    // Queries that arrived while stopping still get an answer.
    while (!tasks_.empty()) {
        auto task = std::move(tasks_.front().run);
        tasks_.pop_front();
        lock.unlock();
        task();
        lock.lock();
    }
}

void StorageCore::write_batch(std::vector<WriteOp>& batch) {
    std::vector<std::pair<WriteTicket, std::string>> rejected;
    WriteTicket last = 0;
    try {
        SQLite::Database& db = [this]() -> SQLite::Database& {
            if (reopen_) {
                db_.reset();
                reopen_ = false;
            }
            return connection();
        }();
        db.exec("BEGIN IMMEDIATE");
        for (const WriteOp& op : batch) {
            db.exec("SAVEPOINT record");
            try {
                apply_write(db, op, [this](IdKind kind) { return next_id(kind); });
                db.exec("RELEASE record");
            } catch (const SQLite::Exception& e) {
                if (!record_error(e.getErrorCode())) throw;
                db.exec("ROLLBACK TO record");
                db.exec("RELEASE record");
                rejected.emplace_back(op.ticket, e.what());
            }
            last = op.ticket;
        }
        db.exec("COMMIT");
    } catch (const std::exception& e) {
        int code = SQLITE_ERROR;
        if (const auto* sqlite_error = dynamic_cast<const SQLite::Exception*>(&e)) {
            code = sqlite_error->getErrorCode();
        }
        if (db_ && sqlite3_get_autocommit(db_->getHandle()) == 0) {
            try {
                db_->exec("ROLLBACK");
            } catch (const SQLite::Exception&) {
                reopen_ = true; // the connection is in an unknown state: start afresh
            }
        }
        std::lock_guard lock(mutex_);
        const std::size_t waiting = pending_.size() + batch.size();
        const std::string kept = std::to_string(waiting) +
                                 " record(s) kept in memory, retried every " +
                                 std::to_string(options_.retry_interval.count()) + " ms";
        if (code == SQLITE_FULL) {
            report(StorageState::DiskFull, "disk full: cannot write to " + path_ + " (" + kept +
                                               "); free some space or move the database");
        } else if (code == SQLITE_READONLY) {
            reopen_ = true;
            report(StorageState::ReadOnly, "the database " + path_ + " is read-only (" + kept +
                                               "); make it writable to save them");
        } else if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
            report(StorageState::Busy,
                   "the database " + path_ + " is locked by another program (" + kept + ")");
        } else {
            reopen_ = true;
            report(StorageState::Failed,
                   std::string("cannot write to ") + path_ + ": " + e.what() + " (" + kept + ")");
        }
        retry_at_ = std::chrono::steady_clock::now() + options_.retry_interval;
        return;
    }
    std::lock_guard lock(mutex_);
    for (const auto& [ticket, why] : rejected) {
        ++status_.rejected_writes;
        rejected_tickets_.insert(ticket);
        status_.last_rejection = "record " + std::to_string(ticket) + " refused: " + why;
        events_.push_back({status_.state, status_.last_rejection, pending_.size()});
    }
    committed_through_ = last;
    batch.clear();
    report(StorageState::Ok, "");
}

} // namespace algocore::storage
