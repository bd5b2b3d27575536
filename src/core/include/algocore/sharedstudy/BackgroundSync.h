#pragma once
// The push beside a station's recording: its own thread, its own connections (the station's
// file and the server), so recording never waits for the network. It pushes soon after a
// record is stored (it looks at the outbox every few seconds) and every minute; the status is
// a value the GUI's status bar reads on its timer.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "algocore/sharedstudy/ServerError.h"
#include "algocore/sharedstudy/StationPush.h"

namespace algocore::sharedstudy {

/// Where the shared study stands for this station.
struct SyncStatus {
    enum class State {
        Starting, ///< no push finished yet
        Synced,   ///< the last push succeeded
        Waiting,  ///< the server is unreachable: records wait on the station
        Refused,  ///< the server refused the station (see error): a person must act
    };
    State state = State::Starting;
    std::optional<std::chrono::steady_clock::time_point> synced_at; ///< last success
    std::int64_t pending = 0; ///< records on the station the server has not acknowledged
    std::string error;        ///< the last failure, one line
};

/// The status bar's words: "shared study: synced 12 s ago", "server unreachable: 14 records
/// waiting, nothing lost", "shared study refused this station: ...".
std::string describe(const SyncStatus& status, std::chrono::steady_clock::time_point now);

class BackgroundSync {
public:
    struct Options {
        PushOptions push;
        std::chrono::milliseconds every{std::chrono::minutes(1)};
        std::chrono::milliseconds look{std::chrono::seconds(2)}; ///< outbox check
    };

    /// Starts the thread; the first push is made at once.
    BackgroundSync(std::string db_path, std::string server, Options options);
    /// Stops the thread. A push under way (a connection attempt to a host that does not
    /// answer can take seconds) is left to finish on its own after a short wait, so closing
    /// the program never waits for the network.
    ~BackgroundSync();
    BackgroundSync(const BackgroundSync&) = delete;
    BackgroundSync& operator=(const BackgroundSync&) = delete;

    /// Asks for a push now (e.g. a record was just stored).
    void push_soon();
    SyncStatus status() const;

    struct State; ///< what the thread shares with this object (and keeps alive if detached)

private:
    std::shared_ptr<State> state_;
    std::thread thread_;
};

} // namespace algocore::sharedstudy
