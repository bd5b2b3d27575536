#include "algocore/sharedstudy/ClassWatcher.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <thread>

#include "algocore/sharedstudy/ClassExercise.h"
#include "algocore/sharedstudy/ServerConnection.h"

namespace algocore::sharedstudy {

namespace {

// The row's age is measured by the server against its own clock (updated_utc was stamped by
// it), so the stations' and the watcher's clocks need not agree.
constexpr const char* kRead =
    "SELECT p.station_id, s.name, p.student, p.exercise, p.state, p.pressure_kpa, "
    "p.band_low_kpa, p.band_high_kpa, p.in_band_pct, p.constant_error_kpa, "
    "p.absolute_error_kpa, p.variable_error_kpa, p.time_in_band_pct, p.station_t, "
    "extract(epoch FROM clock_timestamp() - p.updated_utc)::double precision "
    "FROM algoscope.class_progress p JOIN algoscope.stations s ON s.id = p.station_id "
    "WHERE p.class_id = $1";

std::optional<double> real_or_none(const ServerRows& rows, int row, int column) {
    if (rows.is_null(row, column)) return std::nullopt;
    return rows.real(row, column);
}

std::string channel_of(std::int64_t class_id) {
    return "algoscope_class_" + std::to_string(class_id);
}

} // namespace

ClassWatcher::ClassWatcher(std::string address, std::string class_name)
    : ClassWatcher(std::move(address), std::move(class_name), Options{}) {}

ClassWatcher::ClassWatcher(std::string address, std::string class_name, Options options)
    : address_(std::move(address)), class_name_(std::move(class_name)), options_(options) {}

ClassWatcher::~ClassWatcher() = default;

ServerError ClassWatcher::connect() {
    ServerOpen opened = ServerConnection::open(address_);
    if (!opened.connection) return opened.error;
    const ClassFound found = find_class(*opened.connection, class_name_);
    if (found.error) return found.error;
    // Listening before the first read: an update committed in between is read twice at worst.
    // The channel's name is made of the class's id only, never of text a person typed.
    if (ServerReply listen = opened.connection->exec("LISTEN " + channel_of(found.id));
        !listen.ok())
        return listen.error;
    server_ = std::move(opened.connection);
    class_id_ = found.id;
    ++connections_;
    return {};
}

StationProgress ClassWatcher::shown(const Watched& watched) {
    StationProgress p = watched.published;
    if (watched.offline) p.state = StationState::Offline;
    // Never the last pressure as if it were live.
    p.pressure_kpa = live_pressure_kpa(p);
    return p;
}

ServerError ClassWatcher::read(const std::vector<std::int64_t>& ids,
                               std::vector<StationProgress>& out) {
    std::string sql = kRead;
    std::vector<ServerParam> params{ServerParam::integer(class_id_)};
    if (!ids.empty()) {
        std::string list = "{";
        for (std::size_t i = 0; i < ids.size(); ++i)
            list += (i ? "," : "") + std::to_string(ids[i]);
        params.push_back(ServerParam::text(list + "}"));
        sql += " AND p.station_id = ANY($2::integer[])";
    }
    ServerReply r = server_->exec(sql, params);
    if (!r.ok()) return r.error;
    const auto now = Clock::now();
    std::vector<std::int64_t> seen;
    for (int i = 0; i < r.rows.size(); ++i) {
        const std::int64_t id = r.rows.integer(i, 0);
        seen.push_back(id);
        StationProgress p;
        p.station = r.rows.text(i, 1);
        p.student = r.rows.text(i, 2);
        p.exercise = r.rows.text(i, 3);
        if (!parse_station_state(r.rows.text(i, 4), p.state)) p.state = StationState::Idle;
        p.pressure_kpa = real_or_none(r.rows, i, 5);
        p.band_low_kpa = real_or_none(r.rows, i, 6);
        p.band_high_kpa = real_or_none(r.rows, i, 7);
        p.in_band_pct = real_or_none(r.rows, i, 8);
        if (!r.rows.is_null(i, 9))
            p.score = ClassScore{r.rows.real(i, 9), r.rows.real(i, 10), r.rows.real(i, 11),
                                 r.rows.real(i, 12)};
        p.t_utc_s = r.rows.real(i, 13);
        const double age_s = std::max(0.0, r.rows.real(i, 14));
        Watched& w = stations_[id];
        w.published = std::move(p);
        w.heard =
            now - std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(age_s));
        w.offline = age_s > kStationOfflineAfterS;
        out.push_back(shown(w));
    }
    // A station named but not read has left the class (it publishes to another one now).
    for (std::int64_t id : ids)
        if (std::find(seen.begin(), seen.end(), id) == seen.end()) stations_.erase(id);
    return {};
}

void ClassWatcher::judge_offline(std::vector<StationProgress>& out) {
    const auto now = Clock::now();
    const auto limit = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(kStationOfflineAfterS));
    for (auto& [id, w] : stations_) {
        if (w.offline || now - w.heard <= limit) continue;
        w.offline = true;
        out.push_back(shown(w));
    }
}

std::vector<StationProgress> ClassWatcher::step(std::chrono::milliseconds wait) {
    std::vector<StationProgress> out;
    const auto deadline = Clock::now() + wait;
    if (!server_) {
        if (Clock::now() >= next_try_) {
            if (ServerError e = connect()) {
                error_ = e;
                next_try_ = Clock::now() + options_.retry;
            } else if (ServerError r = read({}, out)) {
                error_ = r;
                server_.reset();
                next_try_ = Clock::now() + options_.retry;
            } else {
                error_ = {};
            }
        }
        if (!server_) {
            judge_offline(out);
            std::this_thread::sleep_until(std::min(deadline, next_try_));
            return out;
        }
    }
    std::vector<ServerNotification> notes;
    const auto left = std::max(Clock::duration::zero(), deadline - Clock::now());
    ServerError e = server_->wait_for_notifications(
        std::chrono::duration_cast<std::chrono::milliseconds>(left), notes);
    std::vector<std::int64_t> ids;
    for (const ServerNotification& n : notes) {
        char* end = nullptr;
        const long long id = std::strtoll(n.payload.c_str(), &end, 10);
        if (end && *end == '\0' && !n.payload.empty() &&
            std::find(ids.begin(), ids.end(), id) == ids.end())
            ids.push_back(id);
    }
    if (!e && !ids.empty()) e = read(ids, out);
    if (e) {
        error_ = e;
        server_.reset();
        next_try_ = Clock::now();
    }
    judge_offline(out);
    return out;
}

std::vector<StationProgress> ClassWatcher::stations() const {
    std::vector<StationProgress> all;
    for (const auto& [id, w] : stations_)
        all.push_back(shown(w));
    std::sort(all.begin(), all.end(), [](const StationProgress& a, const StationProgress& b) {
        return a.station < b.station;
    });
    return all;
}

} // namespace algocore::sharedstudy
