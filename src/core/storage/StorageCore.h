#pragma once
// The storage thread and its queue (private to SqliteStorage): owns the SQLite connection,
// the single-writer lock, the pending writes, the commit tickets and the status.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "RescueFile.h"
#include "WriteOp.h"
#include "algocore/storage/SqliteStorage.h"

namespace SQLite {
class Database;
}

namespace algocore::storage {

class StorageCore {
public:
    StorageCore(std::string path, SqliteOptions options);
    ~StorageCore();

    /// Opens, locks, migrates and starts the thread; returns an error text or "".
    std::string start();
    /// After a failed start(): another program held the file (locked, recording).
    bool busy() const { return busy_; }
    /// Commits what it can within timeout, stops; returns the records left unwritten.
    std::size_t stop(std::chrono::milliseconds timeout);

    RecordId next_id(IdKind kind);
    template <typename Record> WriteTicket enqueue(Record&& record) {
        WriteTicket ticket = 0;
        {
            std::lock_guard lock(mutex_);
            ticket = ++last_ticket_;
            pending_.push_back(WriteOp{ticket, std::forward<Record>(record)});
        }
        wake_.notify_one();
        return ticket;
    }
    WriteTicket last_ticket() const;
    bool wait_committed(WriteTicket ticket, std::chrono::milliseconds timeout);
    /// Waits until every ticket <= ticket was written or refused.
    bool wait_processed(WriteTicket ticket, std::chrono::milliseconds timeout);
    StorageStatus status() const;
    std::vector<StorageEvent> take_events();
    void set_max_page_count(std::uint64_t pages);
    void retry_now();
    const std::string& path() const { return path_; }
    /// Where stop() put the records it could not commit (see RescueFile.h).
    RescueWritten rescue() const;
    /// For a read-only open: "" or what could not be read (a -wal on read-only media).
    const std::string& read_note() const { return read_note_; }
    /// The database file's own identity (database_identity.uuid), read when it was opened.
    const std::string& database_uuid() const { return database_uuid_; }

    /// Queues task for the storage thread: it runs after the writes enqueued before it and
    /// before those enqueued after it (unless those before are waiting on a retry: a read never
    /// waits for a full disk). False when the storage is closed.
    bool post(std::function<void()> task);

    /// Runs f(db) on the storage thread after the writes enqueued before it; rethrows errors.
    /// Called on the storage thread itself (from a posted task) it runs at once.
    template <typename F> auto query(F f) -> decltype(f(std::declval<SQLite::Database&>())) {
        using Result = decltype(f(std::declval<SQLite::Database&>()));
        if (std::this_thread::get_id() == thread_id_) return f(connection());
        std::packaged_task<Result()> task([this, &f] { return f(connection()); });
        auto result = task.get_future();
        {
            std::lock_guard lock(mutex_);
            if (!running_) throw std::runtime_error("the storage " + path_ + " is closed");
            tasks_.push_back({last_ticket_, [&task] { task(); }});
        }
        wake_.notify_one();
        return result.get();
    }

private:
    void run();
    /// The oldest task may run: every write enqueued before it was processed.
    bool task_due() const;
    bool can_write(std::chrono::steady_clock::time_point now) const;
    void write_batch(std::vector<WriteOp>& batch);
    SQLite::Database& connection();
    std::string open_connection();
    std::string open_immutable_if_needed();
    void apply_page_limit();
    void report(StorageState state, const std::string& message);

    std::string path_;
    SqliteOptions options_;
    int lock_fd_ = -1;
    std::unique_ptr<SQLite::Database> db_;
    std::thread thread_;
    std::thread::id thread_id_; ///< the storage thread, once started

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable committed_;
    std::deque<WriteOp> pending_;
    std::size_t in_flight_ = 0;
    /// A read and the last write enqueued before it.
    struct Task {
        WriteTicket after = 0;
        std::function<void()> run;
    };
    std::deque<Task> tasks_;
    WriteTicket last_ticket_ = 0;
    WriteTicket committed_through_ = 0;
    std::set<WriteTicket> rejected_tickets_; ///< processed but refused: not committed
    RecordId next_ids_[static_cast<int>(IdKind::Count)] = {};
    StorageStatus status_;
    std::vector<StorageEvent> events_;
    std::chrono::steady_clock::time_point retry_at_{};
    bool running_ = false;
    bool stopping_ = false;
    std::chrono::steady_clock::time_point stop_deadline_{};
    bool reopen_ = false;
    bool page_limit_changed_ = false;
    RescueWritten rescue_;
    std::string read_note_; ///< a read-only open that could not see everything says why
    std::string database_uuid_;
    bool busy_ = false;
};

} // namespace algocore::storage
