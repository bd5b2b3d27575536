#pragma once
// Pushing a station's outbox to the study's server. Each batch is one server transaction that
// adds the records by UUID (INSERT ... ON CONFLICT DO NOTHING: a re-sent record is skipped by
// the constraint, never doubled) and advances the station's acknowledged sequence number, so a
// crash anywhere costs a harmless re-send. A station whose file is behind what the server
// acknowledged (restored from an older copy), or that belongs to another study, is refused
// before anything is sent, and nothing on either side is overwritten.
#include <cstdint>
#include <string>

#include "algocore/sharedstudy/ServerConnection.h"
#include "algocore/sharedstudy/StationFile.h"

namespace algocore::sharedstudy {

/// How a push is made.
struct PushOptions {
    /// The station's name when the file has none yet (its first push); when not empty and the
    /// file already has another name, the push is refused.
    std::string station_name;
    std::size_t batch_records = 500;
    std::size_t batch_bytes = 16u << 20;
};

/// What a push did.
struct PushReport {
    std::string station;            ///< the station's name
    std::string study;              ///< the study's name
    std::int64_t sent = 0;          ///< records sent and acknowledged in this push
    std::int64_t already_there = 0; ///< of those, records the server already had
    std::int64_t acknowledged_seq = 0;
    std::int64_t pending = 0; ///< records stored on the station and not acknowledged
    int batches = 0;
    ServerError error;
};

/// Pushes every record not yet acknowledged. On an error the report says what was sent before
/// it (whole batches only) and what is still pending.
PushReport push_station(StationFile& station, ServerConnection& server,
                        const PushOptions& options = {});

/// The name a station gets when none is given: this computer's host name.
std::string default_station_name();

} // namespace algocore::sharedstudy
