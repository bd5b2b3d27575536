#pragma once
// Replay of a raw capture through the same driver → calibrator → ring path as live data.
// Device→host bytes are delivered at their recorded times (scaled by a speed factor);
// host→device bytes are not sent anywhere, but a device reply waits until the driver has
// written as much as the capture shows the host wrote before it (at most 0.5 s), so a
// handshake replays in order whatever the tick phase. A recorded
// "link lost" ends the current transport as Vanished, so the acquisition's reconnect path
// runs exactly as it did live; the next open continues after it.
#include <cstddef>
#include <memory>
#include <string>

#include "algocore/SteadyTime.h"
#include "algocore/acquisition/RawCapture.h"
#include "algocore/acquisition/TransportOpener.h"

namespace algocore {

/// Playback position shared by the opener and the transport it hands out.
struct ReplayCursor {
    std::shared_ptr<const RawCaptureContents> capture;
    std::size_t next_record = 0;
    SteadyTime session_start{}; ///< t_ns = 0 of the capture maps to this host instant
    /// 1 = original timing, 2 = twice as fast, 0 = as fast as possible.
    double speed = 1.0;
    /// Host→device bytes in the capture so far, and bytes the replaying driver wrote. A
    /// device reply is held until the driver has sent its request (the recorded
    /// conversation keeps its order even when the driver's timing differs a little).
    std::uint64_t host_bytes_recorded = 0;
    std::uint64_t host_bytes_written = 0;
    bool at_end() const { return !capture || next_record >= capture->records.size(); }
};

/// Hands out one ReplayTransport per (re)connection until the capture is exhausted.
class ReplayOpener final : public TransportOpener {
public:
    ReplayOpener(std::shared_ptr<const RawCaptureContents> capture, std::string source_name,
                 SteadyTime session_start, double speed);
    std::string describe() const override;
    OpenedTransport open(boost::asio::io_context& io) override;
    bool can_reconnect() const override { return !cursor_->at_end(); }

private:
    std::shared_ptr<ReplayCursor> cursor_;
    std::string source_name_;
};

/// Arrival stamp of a replayed record: the recorded time (scaled by speed; original when
/// speed is 0, so "as fast as possible" keeps the session's timeline).
SteadyTime replay_arrival(const ReplayCursor& cursor, std::uint64_t t_ns);

} // namespace algocore
