#include "algocore/sharedstudy/ClassPublisher.h"

#include <condition_variable>
#include <mutex>
#include <optional>

#include "algocore/sharedstudy/ClassExercise.h"
#include "algocore/sharedstudy/ServerConnection.h"

namespace algocore::sharedstudy {

using Clock = std::chrono::steady_clock;

struct ClassPublisher::State {
    std::string address;
    std::string station_uuid;
    std::string class_name;
    Options options;

    mutable std::mutex mutex;
    std::condition_variable changed;
    bool stopping = false;
    bool finished = false; ///< the thread has ended
    std::optional<StationProgress> newest;
    std::uint64_t offered = 0;   ///< offers made
    std::uint64_t committed = 0; ///< the offer number last committed
    /// No update starts before this (the last one's start plus an interval); offers are asked
    /// for on the same clock, so an offer made when asked for is sent at once.
    Clock::time_point next_send{};
    Status status;
};

namespace {

// One statement in autocommit: its own short transaction, notified at its commit.
constexpr const char* kUpsert =
    "INSERT INTO algoscope.class_progress (station_id, class_id, student, exercise, state, "
    "pressure_kpa, band_low_kpa, band_high_kpa, in_band_pct, constant_error_kpa, "
    "absolute_error_kpa, variable_error_kpa, time_in_band_pct, station_t, updated_utc) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, clock_timestamp()) "
    "ON CONFLICT (station_id) DO UPDATE SET class_id = EXCLUDED.class_id, "
    "student = EXCLUDED.student, exercise = EXCLUDED.exercise, state = EXCLUDED.state, "
    "pressure_kpa = EXCLUDED.pressure_kpa, band_low_kpa = EXCLUDED.band_low_kpa, "
    "band_high_kpa = EXCLUDED.band_high_kpa, in_band_pct = EXCLUDED.in_band_pct, "
    "constant_error_kpa = EXCLUDED.constant_error_kpa, "
    "absolute_error_kpa = EXCLUDED.absolute_error_kpa, "
    "variable_error_kpa = EXCLUDED.variable_error_kpa, "
    "time_in_band_pct = EXCLUDED.time_in_band_pct, station_t = EXCLUDED.station_t, "
    "updated_utc = EXCLUDED.updated_utc";

struct Target {
    std::int64_t station_id = 0;
    std::int64_t class_id = 0;
};

ServerError find_target(ServerConnection& server, const std::string& station_uuid,
                        const std::string& class_name, Target& out) {
    ServerReply station = server.exec("SELECT id FROM algoscope.stations WHERE uuid = $1",
                                      {ServerParam::text(station_uuid)});
    if (!station.ok()) return station.error;
    if (station.rows.size() == 0)
        return {ServerProblem::Refused,
                "this station is not registered in the study yet (it registers at its first "
                "push)",
                {}};
    const ClassFound found = find_class(server, class_name);
    if (found.error) return found.error;
    out.station_id = station.rows.integer(0, 0);
    out.class_id = found.id;
    return {};
}

ServerError send(ServerConnection& server, const Target& target, const StationProgress& p) {
    const auto score_field = [&p](double ClassScore::*field) {
        return p.score ? ServerParam::real((*p.score).*field) : ServerParam::null();
    };
    ServerReply r = server.exec(
        kUpsert,
        {ServerParam::integer(target.station_id), ServerParam::integer(target.class_id),
         ServerParam::text(p.student), ServerParam::text(p.exercise),
         ServerParam::text(to_string(p.state)), ServerParam::optional(p.pressure_kpa),
         ServerParam::optional(p.band_low_kpa), ServerParam::optional(p.band_high_kpa),
         ServerParam::optional(p.in_band_pct), score_field(&ClassScore::constant_error_kpa),
         score_field(&ClassScore::absolute_error_kpa), score_field(&ClassScore::variable_error_kpa),
         score_field(&ClassScore::time_in_band_pct), ServerParam::real(p.t_utc_s)});
    if (r.ok() && r.rows.affected() != 1)
        return {ServerProblem::PermissionDenied,
                "the station is registered to another PostgreSQL role; connect as that role",
                {}};
    return r.error;
}

void run(const std::shared_ptr<ClassPublisher::State>& state) {
    std::unique_ptr<ServerConnection> server;
    Target target;
    std::unique_lock lock(state->mutex);
    while (!state->stopping) {
        if (!server) {
            lock.unlock();
            ServerOpen opened = ServerConnection::open(state->address);
            ServerError error = opened.error;
            if (opened.connection)
                error =
                    find_target(*opened.connection, state->station_uuid, state->class_name, target);
            lock.lock();
            if (error) {
                state->status.connected = false;
                state->status.error = error;
                state->changed.wait_for(lock, state->options.retry,
                                        [&] { return state->stopping; });
                continue;
            }
            server = std::move(opened.connection);
            state->status.connected = true;
            state->status.error = {};
        }
        // The newest offer not committed yet, no sooner than an interval after the last one.
        state->changed.wait(lock,
                            [&] { return state->stopping || state->offered > state->committed; });
        if (state->stopping) break;
        if (const auto due = state->next_send; Clock::now() < due) {
            state->changed.wait_until(lock, due, [&] { return state->stopping; });
            continue;
        }
        const StationProgress progress = *state->newest;
        const std::uint64_t number = state->offered;
        state->next_send = Clock::now() + state->options.interval;
        lock.unlock();
        const ServerError error = send(*server, target, progress);
        lock.lock();
        if (error) {
            state->status.error = error;
            if (!server->connected() || error.transient()) {
                server.reset();
                state->status.connected = false;
            } else {
                // A refusal (a role that may not write this row) will not cure itself soon.
                state->changed.wait_for(lock, state->options.retry,
                                        [&] { return state->stopping; });
            }
            continue;
        }
        state->committed = number;
        ++state->status.sent;
        state->status.error = {};
        state->changed.notify_all();
    }
    state->finished = true;
    state->changed.notify_all();
}

} // namespace

ClassPublisher::ClassPublisher(std::string address, std::string station_uuid,
                               std::string class_name)
    : ClassPublisher(std::move(address), std::move(station_uuid), std::move(class_name),
                     Options{}) {}

ClassPublisher::ClassPublisher(std::string address, std::string station_uuid,
                               std::string class_name, Options options)
    : state_(std::make_shared<State>()) {
    state_->address = std::move(address);
    state_->station_uuid = std::move(station_uuid);
    state_->class_name = std::move(class_name);
    state_->options = options;
    thread_ = std::thread([state = state_] { run(state); });
}

ClassPublisher::~ClassPublisher() {
    std::unique_lock lock(state_->mutex);
    state_->stopping = true;
    state_->changed.notify_all();
    // An update stuck on a network that went away (or a connection attempt to a host that does
    // not answer) is left to end on its own: a station never waits for the network to close.
    const bool done = state_->changed.wait_for(lock, std::chrono::seconds(1),
                                               [this] { return state_->finished; });
    lock.unlock();
    if (done)
        thread_.join();
    else
        thread_.detach(); // it holds its own reference to the state and ends by itself
}

bool ClassPublisher::wants_offer() const {
    std::lock_guard lock(state_->mutex);
    return Clock::now() >= state_->next_send;
}

void ClassPublisher::offer(const StationProgress& progress) {
    {
        std::lock_guard lock(state_->mutex);
        state_->newest = progress;
        ++state_->offered;
    }
    state_->changed.notify_all();
}

bool ClassPublisher::flush(std::chrono::milliseconds timeout) {
    std::unique_lock lock(state_->mutex);
    const std::uint64_t wanted = state_->offered;
    return state_->changed.wait_for(lock, timeout, [&] { return state_->committed >= wanted; });
}

ClassPublisher::Status ClassPublisher::status() const {
    std::lock_guard lock(state_->mutex);
    return state_->status;
}

} // namespace algocore::sharedstudy
