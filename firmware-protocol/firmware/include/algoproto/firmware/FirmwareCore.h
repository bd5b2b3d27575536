#pragma once
// The firmware logic of an Algoscope-native algometer, independent of the board: samples the
// ADC at the configured rate, batches SAMPLES frames, debounces buttons into EVENT frames,
// sends a 1 Hz STATUS, answers commands with ACK/NACK, tares, gives reaction-time cues (LED,
// buzzer) stamped in its own clock, and counts frames it had to drop because the UART was
// full. Timing depends only on Hal::micros(). No heap.
#include <cstddef>
#include <cstdint>

#include "algoproto/Messages.h"
#include "algoproto/StreamDecoder.h"
#include "algoproto/firmware/DeviceConfig.h"
#include "algoproto/firmware/Hal.h"

namespace algoproto::firmware {

/// Number of ADC readings averaged by TARE.
inline constexpr std::uint8_t kTareSamples = 16;
/// Heartbeat period.
inline constexpr std::uint32_t kStatusPeriodUs = 1000000;
/// At most this many overdue samples are taken in one poll(); the rest are skipped (their
/// indices still advance, so the host sees the loss).
inline constexpr std::uint32_t kMaxCatchUpSamples = 64;

/// Device-side counters, also for tests and the simulator.
struct FirmwareCounters {
    std::uint32_t samples_taken = 0;   ///< ADC readings while streaming
    std::uint32_t samples_skipped = 0; ///< overdue samples skipped (main loop too slow)
    std::uint32_t frames_sent = 0;
    std::uint32_t overflow_frames = 0; ///< frames dropped: UART buffer full
    std::uint32_t commands = 0;        ///< commands handled (ACKed or NACKed)
    std::uint32_t rx_bad_frames = 0;   ///< host frames dropped by the decoder
};

class FirmwareCore {
public:
    /// `hal` and `config` must outlive the core. Sends DEVICE_INFO at once (power-up) and,
    /// with config.autostart, starts streaming at the default rate and batch.
    FirmwareCore(Hal& hal, const DeviceConfig& config);
    FirmwareCore(const FirmwareCore&) = delete;
    FirmwareCore& operator=(const FirmwareCore&) = delete;

    /// Bytes received from the host. Call from the main loop (not an interrupt); commands
    /// are handled and answered before it returns.
    void on_uart_rx(const std::uint8_t* data, std::size_t size);

    /// Call as often as possible from the main loop: takes due samples, sends full batches,
    /// debounces buttons, sends the heartbeat.
    void poll();

    bool streaming() const { return streaming_; }
    bool taring() const { return tare_remaining_ > 0; }
    std::uint16_t rate_hz() const { return rate_hz_; }
    std::uint16_t period_us() const { return period_us_; }
    std::uint8_t batch() const { return batch_; }
    std::int32_t zero_counts() const { return zero_counts_; }
    std::uint32_t next_index() const { return next_index_; }
    std::uint8_t buttons() const { return buttons_stable_; }
    /// Cue outputs switched on now (0 when no cue is showing).
    std::uint8_t cue_outputs() const { return cue_outputs_; }
    const FirmwareCounters& counters() const { return counters_; }
    /// DEVICE_INFO as this core reports it.
    DeviceInfo device_info() const;

private:
    class CommandHandler final : public FrameHandler {
    public:
        explicit CommandHandler(FirmwareCore& core) : core_(core) {}
        void on_frame(const Frame& frame) override { core_.handle_command(frame); }
        void on_error(DecodeError error, std::uint8_t detail) override {
            core_.handle_rx_error(error, detail);
        }

    private:
        FirmwareCore& core_;
    };

    void handle_command(const Frame& frame);
    void handle_rx_error(DecodeError error, std::uint8_t detail);
    void handle_start(const Frame& frame);
    void handle_stop(const Frame& frame);
    void handle_tare(const Frame& frame);
    void handle_ping(const Frame& frame);
    void handle_cue(const Frame& frame);
    void end_cue_when_due(std::uint32_t now_us);
    void ack(std::uint16_t command_seq, std::uint8_t command_type);
    void nack(std::uint16_t command_seq, std::uint8_t command_type, NackCode code);

    void set_rate(std::uint16_t rate_hz, std::uint8_t batch);
    void take_sample(std::uint32_t t_us);
    void add_tare_reading(bool ok, std::int32_t adc_counts);
    void skip_samples(std::uint32_t n);
    void flush_batch();
    void debounce_buttons(std::uint32_t now_us);
    void send_status(std::uint32_t now_us);
    void update_uptime(std::uint32_t now_us);

    template <class Message> void send(const Message& message);

    Hal& hal_;
    const DeviceConfig& config_;
    StreamDecoder rx_;
    CommandHandler rx_handler_{*this};
    std::uint16_t tx_seq_ = 0;

    bool streaming_ = false;
    std::uint16_t rate_hz_ = 0;
    std::uint16_t period_us_ = 0;
    std::uint8_t batch_ = 1;
    std::uint32_t next_sample_us_ = 0; ///< scheduled time of the next ADC reading
    std::uint32_t next_index_ = 0;     ///< index of the next streamed sample
    Samples pending_{};                ///< batch being filled

    std::int32_t zero_counts_ = 0;
    std::uint8_t tare_remaining_ = 0;
    std::int64_t tare_sum_ = 0;
    bool tare_failed_ = false;
    std::uint16_t tare_seq_ = 0;

    // Per-button debounce: a raw level must hold config.debounce_us to become stable.
    static constexpr int kButtonCount = 2;
    std::uint8_t buttons_stable_ = 0;
    std::uint8_t buttons_candidate_ = 0;
    std::uint32_t candidate_since_us_[kButtonCount] = {};

    // The cue showing now (reaction-time tests): outputs on, and when they go off.
    std::uint8_t cue_outputs_ = 0;
    std::uint32_t cue_off_us_ = 0;

    std::uint32_t last_micros_ = 0;
    std::uint64_t uptime_us_ = 0;
    std::uint32_t next_status_us_ = 0;
    std::uint16_t error_bits_ = 0;

    FirmwareCounters counters_;
};

} // namespace algoproto::firmware
