#pragma once
// Acquisition: one I/O thread that owns the io_context, the transport and the driver, turns
// device bytes into calibrated samples and hands them to one consumer through lock-free rings.
// It records a raw capture on request, detects a vanished device within 0.5 s, reconnects
// with backoff when the port returns, and marks the gap in the sample stream.
//
// Threads: start()/stop()/status()/request_tare()/set_probe_area_cm2()/set_calibration() may
// be called from any one controlling thread; samples() and events() are drained by exactly
// one consumer thread (the GUI tick or the CLI loop).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "algocore/Driver.h"
#include "algocore/LinkEvent.h"
#include "algocore/Sample.h"
#include "algocore/SpscRing.h"
#include "algocore/SteadyTime.h"
#include "algocore/acquisition/SerialSettings.h"
#include "algocore/acquisition/TransportOpener.h"
#include "algocore/drivers/DriverFactory.h"

namespace algocal {
struct CalibrationRecord;
} // namespace algocal

namespace algocore {

/// Everything that configures one acquisition session.
struct AcquisitionConfig {
    /// Serial device path (/dev/ttyUSB0, /dev/serial/by-id/..., a pty). Ignored when
    /// replay_path or opener is set.
    std::string port;
    /// Play this raw capture (see RawCapture.h) instead of opening a port.
    std::string replay_path;
    /// Driver dialect: auto|native|mark10|wagner|imada|shimpo|ascii.
    std::string driver = "auto";
    unsigned baud = 115200;
    FlowControl flow_control = FlowControl::None;
    /// Probe tip area for pressure (1 cm² standard tip).
    double probe_area_cm2 = 1.0;
    /// When non-empty, record every wire byte with its arrival time to this file.
    std::string capture_path;
    /// Dialect options; its baud is overwritten with `baud` above.
    DriverOptions driver_options;
    /// Reconnect when the port returns after a disconnect (serial only).
    bool reconnect = true;
    /// Longest wait between reconnection attempts; attempts start at 50 ms and double.
    double reconnect_max_backoff_s = 0.5;
    /// Replay speed factor (1 = original timing; 0 = as fast as possible; else 0.001..1e6).
    double replay_speed = 1.0;
    /// Ring capacities (rounded up to a power of two).
    std::size_t sample_ring_capacity = 1u << 16;
    std::size_t event_ring_capacity = 1024;

    /// Tests and embedders: supply the transport (overrides port/replay_path).
    std::shared_ptr<TransportOpener> opener;
    /// Tests and embedders: build the driver (overrides `driver`). Called on every connect.
    std::function<std::unique_ptr<Driver>()> driver_factory;
};

/// A thread-safe snapshot of the session, for the device bar and the CLI summary.
struct AcquisitionStatus {
    enum class Link : std::uint8_t {
        Idle,         ///< not started
        Connecting,   ///< port opening / handshake in progress
        Connected,    ///< device identified and samples flowing
        Disconnected, ///< link lost; no reconnection will be attempted (or stopped)
        Reconnecting, ///< link lost; waiting for the port to return
        Ended,        ///< the session ended (stop(), end of a replay, or a permanent error)
    };
    Link link = Link::Idle;
    std::string port_description;           ///< "/dev/ttyUSB0 @ 115200 8N1"
    std::optional<DeviceIdentity> identity; ///< once the driver identified the device
    DriverStats driver;                     ///< the current driver's counters
    std::uint64_t samples_delivered = 0;    ///< pushed into the sample ring
    std::uint64_t ring_drops = 0;           ///< samples refused by a full ring (consumer slow)
    std::uint64_t event_drops = 0;          ///< events refused by a full ring
    std::uint64_t bytes_received = 0;
    std::uint64_t bytes_sent = 0;
    std::uint32_t disconnects = 0;
    std::uint32_t reconnects = 0;
    double sample_rate_hz = 0.0; ///< delivered samples per second, last second
    double tare_offset_n = 0.0;  ///< active tare offset
    CalibrationId calibration_id = kFactoryCalibration;
    std::string last_error;      ///< most recent error message, empty if none
    std::string end_reason;      ///< why the session ended (link == Ended)
    bool ended_by_error = false; ///< the session ended on a permanent error
    /// Replay: why the capture could not be read to its end (cut short, a damaged record);
    /// only the records before it were played. Empty when the whole capture was read.
    std::string replay_damage;
};

/// Lower-case name of a link state ("connected", "reconnecting", ...).
const char* to_string(AcquisitionStatus::Link link);

/// One acquisition session on one port (or one replay).
class Acquisition {
public:
    explicit Acquisition(AcquisitionConfig config);
    ~Acquisition(); ///< stops the session
    Acquisition(const Acquisition&) = delete;
    Acquisition& operator=(const Acquisition&) = delete;

    /// Validate the configuration and spawn the I/O thread. The first open happens on that
    /// thread; an unusable port is reported by the return value when it fails at once
    /// (false + *error), so the CLI can exit non-zero with a clear message.
    bool start(std::string* error);

    /// Leave the device as found (driver stop), close the port and join the thread. Safe to
    /// call twice.
    void stop();

    /// Consumer side of the calibrated samples (one consumer thread).
    SpscRing<Sample>& samples() { return samples_; }
    /// Consumer side of link events (same consumer thread as samples()).
    SpscRing<LinkEvent>& events() { return events_; }

    /// Thread-safe snapshot.
    AcquisitionStatus status() const;

    /// Host instant that is t_s = 0 for this session's samples.
    SteadyTime session_start() const { return session_start_; }

    /// Take the tare from the samples at rest over the last ~0.5 s; refused (Error event with
    /// the reason) while the signal is unstable. The outcome arrives as an event.
    void request_tare();
    /// Clear the tare (offset 0).
    void clear_tare();
    /// Ask the device for a reaction-time cue now (devices whose identity gives_cues); the
    /// instant it went on arrives as a LinkEvent::Kind::Cue with cue_id. A device that cannot
    /// give it now answers nothing (the reaction-time test asks again).
    void request_cue(std::uint16_t cue_id, std::uint16_t duration_ms);
    /// Probe area for pressure from now on (cm², > 0).
    void set_probe_area_cm2(double area_cm2);
    /// Active calibration record; nullptr = the device's factory calibration.
    void set_calibration(std::shared_ptr<const algocal::CalibrationRecord> record);

    /// The configuration this session runs with.
    const AcquisitionConfig& config() const { return config_; }

private:
    class IoLoop;
    AcquisitionConfig config_;
    SpscRing<Sample> samples_;
    SpscRing<LinkEvent> events_;
    SteadyTime session_start_{};
    std::string replay_damage_;
    std::unique_ptr<IoLoop> loop_;
};

} // namespace algocore
