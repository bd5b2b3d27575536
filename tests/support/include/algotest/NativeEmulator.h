#pragma once
// An Algoscope-native device at frame level: answers GET_INFO, START, STOP; streams SAMPLES
// on its own (drifting) clock, a 1 Hz STATUS and button EVENTs. Knobs for the driver's
// robustness tests: protocol version, ignored GET_INFOs, already streaming at open,
// dropped frames, clock drift, power cycle, and (optionally) the reaction-time cue.
#include <cstdint>
#include <string>
#include <vector>

#include "algoproto/Messages.h"
#include "algoproto/StreamDecoder.h"
#include "algotest/GaugeEmulator.h"

namespace algotest {

/// Emulated native device. Host time (advance_to's t_s) starts at 0.
class NativeEmulator final : public GaugeEmulator, private algoproto::FrameHandler {
public:
    struct Options {
        float counts_per_newton = 1000.0f;
        std::int32_t zero_offset_counts = 12345;
        float probe_area_cm2 = 1.0f;
        std::uint16_t max_rate_hz = 4000;
        std::uint8_t protocol_major = 1;           ///< `ver` of every frame it sends
        double drift_ppm = 0.0;                    ///< device clock runs fast by this much
        std::uint32_t clock_offset_us = 5'000'000; ///< device clock at host t = 0
        bool streaming_at_open = false;            ///< already streaming (autostart) at t = 0
        std::uint16_t autostart_rate_hz = 1000;
        std::uint8_t autostart_batch = 10;
        bool gives_cues = false; ///< protocol 1.1 cue capability: answers CUE with CUE_SHOWN
    };

    explicit NativeEmulator(Options options);
    NativeEmulator() : NativeEmulator(Options{}) {}

    std::string receive(std::string_view host_bytes) override;
    std::string advance_to(double t_s) override;

    /// Ignore the next n GET_INFO commands (for retry tests).
    void ignore_get_info(int n) { ignore_get_info_ = n; }
    /// Do not send the next n SAMPLES frames (their indices still advance: the host sees loss).
    void drop_sample_frames(int n) { drop_frames_ = n; }
    /// The device falls behind its sample clock (its main loop stalled): the next n frames'
    /// samples are never taken, their indices consumed, and the next STATUS sets error bit 6,
    /// as the reference firmware's skip does.
    void skip_sample_frames(int n) {
        drop_frames_ = n;
        error_bits_ |= algoproto::kErrorSamplesSkipped;
    }
    /// Queue a button change at the current time.
    void press_button(std::uint8_t button, bool pressed);
    /// Restart: streaming stops, indices restart from 0, DEVICE_INFO is sent unasked.
    std::string power_cycle();

    bool streaming() const { return streaming_; }
    std::uint16_t rate_hz() const { return rate_hz_; }
    std::uint8_t batch() const { return batch_; }
    int get_info_received() const { return get_info_received_; }
    int start_received() const { return start_received_; }
    int stop_received() const { return stop_received_; }
    int cues_received() const { return cues_received_; }
    std::uint32_t next_index() const { return next_index_; }
    /// Host time (s) at which the sample with this index was taken (since the last START).
    double host_time_of_sample(std::uint32_t index) const;
    /// Device clock (µs, wrapping) at host time t_s.
    std::uint32_t device_us_at(double t_s) const;

protected:
    std::string answer(std::string_view) override { return {}; }

private:
    void on_frame(const algoproto::Frame& frame) override;
    template <typename Message> void send(const Message& message);
    void send_device_info();
    void flush_batch();

    Options options_;
    algoproto::StreamDecoder commands_;
    std::string out_; // frames produced while handling the current call
    std::uint16_t seq_ = 0;
    double now_s_ = 0.0;
    bool streaming_ = false;
    std::uint16_t rate_hz_ = 1000;
    std::uint8_t batch_ = 10;
    std::uint32_t next_index_ = 0;
    double next_sample_device_s_ = 0.0;
    std::uint32_t stream_first_index_ = 0;
    double stream_first_device_s_ = 0.0;
    double next_status_s_ = 1.0;
    algoproto::Samples pending_{};
    std::uint8_t buttons_ = 0;
    int ignore_get_info_ = 0;
    int drop_frames_ = 0;
    std::uint16_t error_bits_ = 0; // latched until the next STATUS
    int get_info_received_ = 0;
    int start_received_ = 0;
    int stop_received_ = 0;
    int cues_received_ = 0;
};

} // namespace algotest
