#pragma once
// Test HAL: a settable clock, ADC and buttons, and a UART whose transmit buffer can be made
// to fill up. Everything the core sends is decoded back into frames for the assertions.
#include <cstdint>
#include <optional>
#include <vector>

#include <gtest/gtest.h>

#include "algoproto/Encode.h"
#include "algoproto/Parse.h"
#include "algoproto/StreamDecoder.h"
#include "algoproto/firmware/FirmwareCore.h"

namespace algoproto::test {

class FakeHal : public firmware::Hal {
public:
    std::uint32_t micros() override { return now_us; }
    bool read_adc(std::int32_t& counts) override {
        ++adc_reads;
        counts = adc_counts;
        return adc_ok;
    }
    std::uint8_t read_buttons() override { return buttons; }
    bool uart_write(const std::uint8_t* data, std::size_t size) override {
        if (!uart_accepts) {
            return false;
        }
        tx.insert(tx.end(), data, data + size);
        return true;
    }
    std::uint16_t battery_mv() override { return 3700; }
    std::uint8_t battery_percent() override { return 80; }
    std::uint8_t cue_outputs_available() override { return cue_available; }
    void set_cue_outputs(std::uint8_t outputs) override {
        cue_now = outputs;
        cue_switched_at_us.push_back(now_us);
    }

    std::uint32_t now_us = 1000;
    std::int32_t adc_counts = 0;
    bool adc_ok = true;
    std::uint8_t buttons = 0;
    bool uart_accepts = true;
    std::uint32_t adc_reads = 0;
    std::vector<std::uint8_t> tx;
    std::uint8_t cue_available = 0; ///< CueOutputs the board has
    std::uint8_t cue_now = 0;       ///< outputs switched on now
    std::vector<std::uint32_t> cue_switched_at_us;
};

struct SentFrame {
    std::uint8_t type = 0;
    std::uint16_t seq = 0;
    std::vector<std::uint8_t> payload;

    template <class Message> Message as() const {
        Message m{};
        EXPECT_EQ(parse(payload.data(), payload.size(), m), ParseStatus::Ok);
        return m;
    }
};

/// Decodes what the device sent, like a host would, keeping the decoder's counters.
class HostSide : public FrameHandler {
public:
    void on_frame(const Frame& frame) override {
        frames.push_back(
            {frame.type, frame.seq,
             std::vector<std::uint8_t>(frame.payload, frame.payload + frame.payload_size)});
    }
    /// Decode bytes the device sent since the last call.
    void take(std::vector<std::uint8_t>& tx) {
        decoder.feed(tx.data(), tx.size(), *this);
        tx.clear();
    }
    std::vector<SentFrame> of_type(MessageType type) const {
        std::vector<SentFrame> out;
        for (const auto& f : frames) {
            if (f.type == static_cast<std::uint8_t>(type)) {
                out.push_back(f);
            }
        }
        return out;
    }

    StreamDecoder decoder;
    std::vector<SentFrame> frames;
};

/// A device with a fixed config, its fake HAL and a host decoding its output.
struct Bench {
    explicit Bench(bool autostart = false) {
        config.serial_number = "TEST-0001";
        config.firmware_major = 1;
        config.firmware_minor = 2;
        config.firmware_patch = 3;
        config.capabilities =
            kCapOperatorButton | kCapPatientButton | kCapTare | kCapClockSync | kCapBattery;
        config.counts_per_newton = 1000.0f;
        config.zero_offset_counts = 500;
        config.probe_area_cm2 = 1.0f;
        config.full_scale_n = 100.0f;
        config.adc_nominal_rate_hz = 1000;
        config.max_rate_hz = 2000;
        config.default_batch = 10;
        config.autostart = autostart;
        config.debounce_us = 20000;
        hal.adc_counts = 500;
    }

    firmware::FirmwareCore& boot() {
        core.emplace(hal, config);
        host.take(hal.tx);
        return *core;
    }

    /// Advance the clock by `duration_us` calling poll() every `step_us`.
    void run_for(std::uint32_t duration_us, std::uint32_t step_us = 100) {
        for (std::uint32_t t = 0; t < duration_us; t += step_us) {
            hal.now_us += step_us;
            core->poll();
        }
        host.take(hal.tx);
    }

    template <class Message> std::uint16_t command(const Message& m) {
        std::uint8_t out[kMaxEncodedFrameBytes];
        const std::uint16_t seq = host_seq++;
        const std::size_t n = encode(m, seq, out, sizeof(out));
        core->on_uart_rx(out, n);
        host.take(hal.tx);
        return seq;
    }

    firmware::DeviceConfig config;
    FakeHal hal;
    HostSide host;
    std::optional<firmware::FirmwareCore> core;
    std::uint16_t host_seq = 100;
};

} // namespace algoproto::test
