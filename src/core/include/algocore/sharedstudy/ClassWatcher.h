#pragma once
// The teacher's view of a class on the server: LISTENs to the class's channel, reads every
// station's current row when it (re)connects, and again each station a notification names, so
// a missed notification costs a delay, never a wrong picture. A station whose last update is
// older than kStationOfflineAfterS shows Offline, without its last pressure. The caller drives
// it (step() in its own loop or thread); the connection is retried when it is lost.
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "algocore/sharedstudy/ClassProgress.h"
#include "algocore/sharedstudy/ServerError.h"

namespace algocore::sharedstudy {

class ServerConnection;

class ClassWatcher {
public:
    struct Options {
        /// Before another connection attempt after a failure.
        std::chrono::milliseconds retry{500};
    };

    ClassWatcher(std::string address, std::string class_name);
    ClassWatcher(std::string address, std::string class_name, Options options);
    ~ClassWatcher();
    ClassWatcher(const ClassWatcher&) = delete;
    ClassWatcher& operator=(const ClassWatcher&) = delete;

    /// Connects when it is not connected (re-reading the whole class), waits up to `wait` for
    /// updates and judges which stations went offline. Returns each station whose picture
    /// changed or that sent an update, as it is shown now, in the order heard.
    std::vector<StationProgress> step(std::chrono::milliseconds wait);

    bool connected() const { return server_ != nullptr; }
    /// The last connection problem (empty once connected again).
    const ServerError& error() const { return error_; }
    /// Times a connection was made (1 after the first).
    int connections() const { return connections_; }
    /// Every station of the class as shown now, by station name.
    std::vector<StationProgress> stations() const;

private:
    struct Watched {
        StationProgress published;                     ///< as the station sent it
        std::chrono::steady_clock::time_point heard{}; ///< when its row was last written
        bool offline = false;
    };
    using Clock = std::chrono::steady_clock;

    ServerError connect();
    /// Reads the stations (all of them when ids is empty); appends what changed to out.
    ServerError read(const std::vector<std::int64_t>& ids, std::vector<StationProgress>& out);
    void judge_offline(std::vector<StationProgress>& out);
    static StationProgress shown(const Watched& watched);

    std::string address_;
    std::string class_name_;
    Options options_;
    std::unique_ptr<ServerConnection> server_;
    std::int64_t class_id_ = 0;
    ServerError error_;
    int connections_ = 0;
    Clock::time_point next_try_{};
    std::map<std::int64_t, Watched> stations_; ///< by the server's station id
};

} // namespace algocore::sharedstudy
