#pragma once
// The Algoscope native protocol (firmware-protocol/SPEC.md): COBS frames with CRC. The
// conversation: STOP (quiet a device that is already streaming), discard input, GET_INFO
// with bounded retries, version check, START(rate, batch); then SAMPLES, EVENT and STATUS
// frames until the session ends. Device time is mapped to host time by DeviceClock.
#include <cstdint>
#include <deque>
#include <optional>
#include <string>

#include "algocore/Driver.h"
#include "algocore/drivers/BaudDiagnosis.h"
#include "algocore/drivers/DeviceClock.h"
#include "algocore/drivers/DriverFactory.h"
#include "algocore/drivers/ErrorThrottle.h"
#include "algocore/drivers/RateMeter.h"
#include "algoproto/Messages.h"
#include "algoproto/StreamDecoder.h"

namespace algocore {

/// Driver for devices speaking the native protocol v1.
class NativeDriver final : public Driver, private algoproto::FrameHandler {
public:
    /// Time for frames already on the wire to drain after STOP before we ask who is there.
    static constexpr double kStopSettleS = 0.05;
    /// How long to wait for DEVICE_INFO after GET_INFO, and for ACK after START.
    static constexpr double kReplyTimeoutS = 0.3;
    /// GET_INFO / START attempts before the handshake is declared failed.
    static constexpr int kMaxAttempts = 3;
    /// No valid frame for this long while streaming: the device stopped answering
    /// (STATUS is a 1 Hz heartbeat, so this is two and a half missed beats).
    static constexpr double kHeartbeatTimeoutS = 2.5;
    /// After a failed handshake or a lost device, wait this long before trying again.
    static constexpr double kRetryHandshakeAfterS = 1.0;
    /// Repeated frame errors are reported at most this often.
    static constexpr double kErrorReportIntervalS = 1.0;

    explicit NativeDriver(const DriverOptions& options);

    std::string_view name() const override { return "native"; }
    void start(SteadyTime now, DriverLink& link) override;
    void on_bytes(const ByteChunk& chunk, DriverLink& link) override;
    void on_tick(SteadyTime now, DriverLink& link) override;
    void stop(DriverLink& link) override;
    bool request_cue(std::uint16_t cue_id, std::uint16_t duration_ms, DriverLink& link) override;
    std::optional<DeviceIdentity> identity() const override { return identity_; }
    DriverStats stats() const override { return stats_; }

    /// Where the conversation is (for tests and the device bar).
    enum class Phase : std::uint8_t {
        Stopping,      ///< STOP sent, letting frames in flight drain
        AwaitingInfo,  ///< GET_INFO sent
        AwaitingStart, ///< START sent, waiting for ACK (or the first SAMPLES)
        Streaming,
        WaitingToRetry, ///< handshake failed or device lost; trying again later
        Refused,        ///< the device speaks a protocol version we do not understand
        Stopped,        ///< stop() was called: STOP sent, nothing will start the device again
    };
    Phase phase() const { return phase_; }
    const DeviceClock& clock() const { return clock_; }
    /// The DEVICE_INFO of the connected device, once received.
    const std::optional<algoproto::DeviceInfo>& device_info() const { return info_; }

private:
    void on_frame(const algoproto::Frame& frame) override;
    void on_error(algoproto::DecodeError error, std::uint8_t detail) override;

    void begin_handshake(SteadyTime now);
    void send_get_info(SteadyTime now);
    void send_start(SteadyTime now);
    void handle_device_info(const algoproto::DeviceInfo& info);
    void handle_samples(const algoproto::Samples& samples);
    void handle_event(const algoproto::Event& event);
    void handle_status(const algoproto::Status& status);
    void handle_cue_shown(const algoproto::CueShown& shown);
    void skipped_by_device(std::uint64_t samples);
    void enter_streaming();
    void handshake_failed(const std::string& why);
    void report(LinkEvent::Kind kind, SteadyTime t, std::string message);
    void report_frame_error(std::string_view category, const std::string& message);
    std::uint8_t buttons_at(std::uint32_t index, std::uint8_t frame_flags);
    template <typename Message> void send_command(const Message& message);

    DriverOptions options_;
    algoproto::StreamDecoder decoder_;
    DeviceClock clock_;
    BaudDiagnosis baud_;
    RateMeter rate_;
    DriverStats stats_;
    std::optional<DeviceIdentity> identity_;
    std::optional<algoproto::DeviceInfo> info_;

    // Valid only inside on_bytes / on_tick / start / stop.
    DriverLink* link_ = nullptr;
    SteadyTime now_{};

    Phase phase_ = Phase::Stopping;
    SteadyTime phase_since_{};
    int attempts_ = 0;
    std::uint16_t next_seq_ = 0;
    std::uint16_t start_seq_ = 0;
    std::uint16_t start_rate_hz_ = 0;
    SteadyTime last_frame_at_{};
    bool lost_reported_ = false;
    bool failure_reported_ = false;
    bool gap_pending_ = false;
    SteadyTime last_sample_t_{};

    bool have_next_index_ = false;
    std::uint32_t next_index_ = 0;
    // An index gap is wire loss unless the device says it skipped those slots itself: STATUS
    // error bit 6, latched until the next heartbeat, so it may come before or after the gap.
    std::uint64_t loss_since_status_ = 0; // counted as lost, not yet explained
    bool device_skipped_ = false;         // the last STATUS said so, no gap seen since

    // Button state from EVENT frames: each change applies from its sample index on.
    struct ButtonChange {
        std::uint32_t index;
        std::uint8_t buttons;
    };
    std::deque<ButtonChange> button_changes_;
    std::uint8_t buttons_ = 0;
    bool have_button_events_ = false;

    ErrorThrottle errors_{kErrorReportIntervalS};
};

} // namespace algocore
