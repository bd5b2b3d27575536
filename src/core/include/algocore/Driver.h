#pragma once
// Device drivers: pure byte → sample decoders plus a small conversation (handshake,
// polling, re-arming streaming). No I/O of their own: everything goes through DriverLink,
// so decoding is testable with no port at all.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "algocore/LinkEvent.h"
#include "algocore/RawSample.h"
#include "algocore/SteadyTime.h"
#include "algocore/Transport.h"

namespace algocore {

/// What a driver may do to the outside world. The acquisition loop implements it by
/// writing to the transport and pushing into rings; tests implement it with vectors.
class DriverLink {
public:
    virtual ~DriverLink() = default;
    virtual void send(std::span<const std::uint8_t> bytes) = 0;
    void send_text(std::string_view text) {
        send({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
    }
    /// Ask the transport to drop unread input (between handshake retries).
    virtual void discard_input() = 0;
    virtual void emit(const RawSample& sample) = 0;
    virtual void report(const LinkEvent& event) = 0;
};

/// What a driver knows about the device once identified.
struct DeviceIdentity {
    std::string model;         ///< e.g. "Algoscope native v1.2", "Mark-10 (polled)"
    std::string serial_number; ///< empty when the device does not say
    std::string firmware_version;
    double nominal_rate_hz = 0; ///< what the device was asked for / claims
    double probe_area_cm2 = 0;  ///< probe area the device reports, 0 when unknown
    bool gives_cues = false;    ///< gives a reaction-time cue itself (native CUE capability)
    /// Measures only when asked (a polled gauge): while nobody asks, nothing is lost.
    bool polled = false;
};

/// Counters every driver keeps; read by the GUI device bar and the CLI.
struct DriverStats {
    std::uint64_t samples = 0;
    std::uint64_t samples_lost = 0; ///< exact: index gaps (native) or polls never answered
    /// Not exact: silence in a stream (or a link loss) times the rate the device had reached.
    std::uint64_t samples_lost_estimated = 0;
    /// Exact: sample slots the device itself skipped (it fell behind its sample clock, which
    /// then jumped ahead; STATUS error bit 6). Never measured, but not lost on the wire.
    std::uint64_t samples_skipped_by_device = 0;
    std::uint64_t bad_frames = 0;    ///< CRC/COBS/oversize errors, unparsable lines
    std::uint64_t device_errors = 0; ///< error replies from a gauge (e.g. Mark-10 *10)
    double achieved_rate_hz = 0;     ///< measured sample rate over the last second
};

/// One device dialect. Called only from the I/O thread.
class Driver {
public:
    virtual ~Driver() = default;
    virtual std::string_view name() const = 0; ///< "native", "mark10", "wagner", ...

    /// The port has just opened: start the conversation (handshake, first poll, ...).
    virtual void start(SteadyTime now, DriverLink& link) = 0;
    /// Bytes arrived.
    virtual void on_bytes(const ByteChunk& chunk, DriverLink& link) = 0;
    /// Periodic tick (every ~10 ms) for timeouts, poll pacing and re-arming.
    virtual void on_tick(SteadyTime now, DriverLink& link) = 0;
    /// The session is ending cleanly: leave the device as we found it (e.g. stop streaming).
    virtual void stop(DriverLink& link) = 0;
    /// Ask the device for a reaction-time cue now, on for duration_ms; the instant it went on
    /// arrives as a LinkEvent::Kind::Cue with cue_id. False when this device cannot give one.
    virtual bool request_cue(std::uint16_t cue_id, std::uint16_t duration_ms, DriverLink& link) {
        (void)cue_id;
        (void)duration_ms;
        (void)link;
        return false;
    }

    /// Identity once known (after a handshake or the first valid reply).
    virtual std::optional<DeviceIdentity> identity() const = 0;
    virtual DriverStats stats() const = 0;
};

} // namespace algocore
