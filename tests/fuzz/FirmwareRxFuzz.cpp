// Fuzzes the firmware core's command input: arbitrary host bytes interleaved with clock
// ticks must never crash the core, and everything it sends must decode as valid frames.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "algoproto/StreamDecoder.h"
#include "algoproto/firmware/FirmwareCore.h"

namespace {

using namespace algoproto;

class FuzzHal : public firmware::Hal {
public:
    std::uint32_t micros() override { return now_us; }
    bool read_adc(std::int32_t& counts) override {
        counts = adc_counts;
        return true;
    }
    std::uint8_t read_buttons() override { return buttons; }
    bool uart_write(const std::uint8_t* data, std::size_t size) override {
        host.feed(data, size, sink);
        return true;
    }

    class Sink : public FrameHandler {
    public:
        void on_frame(const Frame&) override {}
        void on_error(DecodeError, std::uint8_t) override { std::abort(); }
    };

    std::uint32_t now_us = 0;
    std::int32_t adc_counts = 0;
    std::uint8_t buttons = 0;
    StreamDecoder host;
    Sink sink;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzHal hal;
    firmware::DeviceConfig config;
    config.capabilities = kCapTare | kCapClockSync;
    config.full_scale_n = 100.0f;
    config.counts_per_newton = 1000.0f;
    firmware::FirmwareCore core(hal, config);
    // Chunks of up to 16 bytes; between chunks the clock, ADC and buttons move.
    std::size_t at = 0;
    while (at < size) {
        const std::size_t n = 1 + data[at] % 16;
        const std::size_t take = n < size - at ? n : size - at;
        core.on_uart_rx(data + at, take);
        hal.now_us += 137u * data[at];
        hal.adc_counts = static_cast<std::int32_t>(data[at]) * 40000 - 5000000;
        hal.buttons = data[at] & 3u;
        core.poll();
        at += take;
    }
    return 0;
}
