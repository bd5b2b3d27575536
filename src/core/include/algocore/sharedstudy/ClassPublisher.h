#pragma once
// A station publishing its progress to its class on the server, on its own thread with its own
// connection, so the station's frames never wait for the network. The station offers its
// progress; the thread sends the newest offer at most kMaxProgressPerSecond times a second,
// each as its own short transaction (an upsert of the station's one row, whose trigger
// notifies the class's watchers at commit). Offers made while the server is unreachable are
// coalesced: when it is back, the newest is sent.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "algocore/sharedstudy/ClassProgress.h"
#include "algocore/sharedstudy/ServerError.h"

namespace algocore::sharedstudy {

class ClassPublisher {
public:
    struct Options {
        /// Between two updates (1 s / kMaxProgressPerSecond).
        std::chrono::milliseconds interval{1000 / kMaxProgressPerSecond};
        /// Before another connection attempt after a failure.
        std::chrono::milliseconds retry{500};
    };

    /// Where the publishing stands.
    struct Status {
        bool connected = false;
        std::int64_t sent = 0; ///< updates committed on the server
        ServerError error;     ///< the last failure (cleared by the next success)
    };

    /// station_uuid: the station's identity in the study (registered by its first push); its
    /// server role must be the one that registered it (row-level security).
    ClassPublisher(std::string address, std::string station_uuid, std::string class_name);
    ClassPublisher(std::string address, std::string station_uuid, std::string class_name,
                   Options options);
    /// Stops the thread; an update under way has 1 s to finish, then is left to end on its own
    /// (a network that went away never holds the station up).
    ~ClassPublisher();
    ClassPublisher(const ClassPublisher&) = delete;
    ClassPublisher& operator=(const ClassPublisher&) = delete;

    /// Whether an offer now would be sent at once (an interval has passed since the last
    /// update began), so the station derives its progress only as often as it is sent and
    /// what it sends is never held back for the pace.
    bool wants_offer() const;
    /// The station's progress now (the station name in it is ignored: the server knows it).
    void offer(const StationProgress& progress);
    /// Waits until the newest offer is committed on the server; false when `timeout` passed.
    bool flush(std::chrono::milliseconds timeout);
    Status status() const;

    struct State; ///< what the thread shares with this object

private:
    std::shared_ptr<State> state_;
    std::thread thread_;
};

} // namespace algocore::sharedstudy
