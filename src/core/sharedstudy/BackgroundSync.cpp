#include "algocore/sharedstudy/BackgroundSync.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <condition_variable>
#include <mutex>

#include "algocore/sharedstudy/ServerConnection.h"
#include "algocore/sharedstudy/StationFile.h"

namespace algocore::sharedstudy {

namespace {

using Clock = std::chrono::steady_clock;

std::string ago(Clock::duration elapsed) {
    const auto s = std::chrono::duration_cast<std::chrono::seconds>(elapsed).count();
    if (s < 60) return std::to_string(std::max<long long>(0, s)) + " s ago";
    if (s < 3600) return std::to_string(s / 60) + " min ago";
    return std::to_string(s / 3600) + " h ago";
}

std::string records(std::int64_t n) {
    return std::to_string(n) + (n == 1 ? " record" : " records");
}

} // namespace

std::string describe(const SyncStatus& status, Clock::time_point now) {
    switch (status.state) {
    case SyncStatus::State::Starting: return "shared study: connecting";
    case SyncStatus::State::Synced: {
        std::string text = "shared study: synced " + ago(now - *status.synced_at);
        if (status.pending > 0) text += ", " + records(status.pending) + " to send";
        return text;
    }
    case SyncStatus::State::Waiting:
        return "server unreachable: " + records(status.pending) + " waiting, nothing lost";
    case SyncStatus::State::Refused: return "shared study refused this station: " + status.error;
    }
    return {};
}

struct BackgroundSync::State {
    State(std::string db, std::string address, Options o)
        : db_path(std::move(db)), server(std::move(address)), options(std::move(o)) {}
    const std::string db_path;
    const std::string server;
    const Options options;
    std::mutex mutex;
    std::condition_variable wake;
    bool stop = false;
    bool asked = true;
    bool finished = false;
    SyncStatus status;
};

namespace {

using State = BackgroundSync::State;

// The acknowledged sequence number, or -1 when the push failed (the status says why).
std::int64_t push_once(State& state, std::unique_ptr<StationFile>& file,
                       std::unique_ptr<ServerConnection>& server) {
    auto fail = [&state, &file](SyncStatus::State kind, const std::string& error) {
        std::int64_t pending = 0;
        try {
            if (file) {
                const auto memory = file->sync_memory();
                pending = file->last_seq() - (memory ? memory->acknowledged_seq : 0);
            }
        } catch (const SQLite::Exception&) {
        }
        std::lock_guard<std::mutex> lock(state.mutex);
        state.status.state = kind;
        state.status.error = error;
        state.status.pending = std::max<std::int64_t>(0, pending);
        return std::int64_t{-1};
    };
    if (!file) {
        StationFileOpen opened = StationFile::open(state.db_path);
        if (!opened.file) return fail(SyncStatus::State::Refused, opened.error);
        file = std::move(opened.file);
    }
    if (!server || !server->connected()) {
        server.reset();
        ServerOpen opened = ServerConnection::open(state.server);
        if (!opened.connection)
            return fail(opened.error.transient() ? SyncStatus::State::Waiting
                                                 : SyncStatus::State::Refused,
                        opened.error.message);
        server = std::move(opened.connection);
    }
    const PushReport report = push_station(*file, *server, state.options.push);
    if (report.error) {
        if (report.error.transient()) server.reset();
        return fail(report.error.transient() ? SyncStatus::State::Waiting
                                             : SyncStatus::State::Refused,
                    report.error.message);
    }
    std::lock_guard<std::mutex> lock(state.mutex);
    state.status.state = SyncStatus::State::Synced;
    state.status.synced_at = Clock::now();
    state.status.pending = report.pending;
    state.status.error.clear();
    return report.acknowledged_seq;
}

void run(State& state) {
    std::unique_ptr<StationFile> file;
    std::unique_ptr<ServerConnection> server;
    Clock::time_point next_push = Clock::now();
    std::int64_t acknowledged = -1;
    for (;;) {
        bool asked = false;
        {
            std::unique_lock<std::mutex> lock(state.mutex);
            state.wake.wait_until(lock, std::min(Clock::now() + state.options.look, next_push),
                                  [&state] { return state.stop || state.asked; });
            if (state.stop) return;
            asked = state.asked;
            state.asked = false;
        }
        bool due = asked || Clock::now() >= next_push;
        // A record stored since the last push: push now, unless the server is known to be
        // down (then only the count is brought up to date until the next try).
        if (!due && file) {
            try {
                const std::int64_t last = file->last_seq();
                std::lock_guard<std::mutex> lock(state.mutex);
                if (state.status.state == SyncStatus::State::Waiting)
                    state.status.pending =
                        std::max<std::int64_t>(0, last - std::max<std::int64_t>(0, acknowledged));
                else
                    due = last > acknowledged;
            } catch (const SQLite::Exception&) {
                due = true; // push_once reports what is wrong
            }
        }
        if (!due) continue;
        if (const std::int64_t pushed = push_once(state, file, server); pushed >= 0)
            acknowledged = pushed;
        next_push = Clock::now() + state.options.every;
    }
}

} // namespace

BackgroundSync::BackgroundSync(std::string db_path, std::string server, Options options)
    : state_(std::make_shared<State>(std::move(db_path), std::move(server), options)) {
    thread_ = std::thread([state = state_] {
        run(*state);
        std::lock_guard<std::mutex> lock(state->mutex);
        state->finished = true;
        state->wake.notify_all();
    });
}

BackgroundSync::~BackgroundSync() {
    std::unique_lock<std::mutex> lock(state_->mutex);
    state_->stop = true;
    state_->wake.notify_all();
    const bool done =
        state_->wake.wait_for(lock, std::chrono::seconds(1), [this] { return state_->finished; });
    lock.unlock();
    if (done)
        thread_.join();
    else
        thread_.detach(); // it holds its own reference to the state and ends by itself
}

void BackgroundSync::push_soon() {
    {
        std::lock_guard<std::mutex> lock(state_->mutex);
        state_->asked = true;
    }
    state_->wake.notify_all();
}

SyncStatus BackgroundSync::status() const {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->status;
}

} // namespace algocore::sharedstudy
