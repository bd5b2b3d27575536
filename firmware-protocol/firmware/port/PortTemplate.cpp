// A bare-metal Cortex-M4 image of the firmware core, for the freestanding build: it proves
// the core links with no heap and no exceptions and gives a realistic code size. A real
// board port replaces the weak board_* hooks (timer, ADC, buttons, UART DMA) with its drivers.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "algoproto/Protocol.h"
#include "algoproto/firmware/FirmwareCore.h"

extern "C" {
// Board hooks; the weak defaults let the image link without a board.
__attribute__((weak)) std::uint32_t board_micros() {
    return 0;
}
__attribute__((weak)) bool board_adc_read(std::int32_t* counts) {
    *counts = 0;
    return true;
}
__attribute__((weak)) std::uint8_t board_buttons() {
    return 0;
}
__attribute__((weak)) bool board_uart_write(const std::uint8_t*, std::size_t) {
    return true;
}
__attribute__((weak)) std::size_t board_uart_read(std::uint8_t*, std::size_t) {
    return 0;
}
__attribute__((weak)) std::uint16_t board_battery_mv() {
    return 0;
}
// Every board has a status LED, so every board can give a visual reaction-time cue.
__attribute__((weak)) std::uint8_t board_cue_outputs_available() {
    return algoproto::kCueLed;
}
__attribute__((weak)) void board_set_cue_outputs(std::uint8_t) {}
}

namespace {

class BoardHal final : public algoproto::firmware::Hal {
public:
    std::uint32_t micros() override { return board_micros(); }
    bool read_adc(std::int32_t& counts) override { return board_adc_read(&counts); }
    std::uint8_t read_buttons() override { return board_buttons(); }
    bool uart_write(const std::uint8_t* data, std::size_t size) override {
        return board_uart_write(data, size);
    }
    std::uint16_t battery_mv() override { return board_battery_mv(); }
    std::uint8_t cue_outputs_available() override { return board_cue_outputs_available(); }
    void set_cue_outputs(std::uint8_t outputs) override { board_set_cue_outputs(outputs); }
};

constexpr algoproto::firmware::DeviceConfig kConfig = [] {
    algoproto::firmware::DeviceConfig c;
    c.serial_number = "ALG-PORT-0000";
    c.firmware_major = 1;
    c.capabilities = algoproto::kCapOperatorButton | algoproto::kCapPatientButton |
                     algoproto::kCapTare | algoproto::kCapClockSync | algoproto::kCapCue;
    c.counts_per_newton = 41943.0f;
    c.probe_area_cm2 = 1.0f;
    c.full_scale_n = 200.0f;
    return c;
}();

} // namespace

int main() {
    BoardHal hal;
    algoproto::firmware::FirmwareCore core(hal, kConfig);
    std::uint8_t rx[64];
    for (;;) {
        const std::size_t n = board_uart_read(rx, sizeof(rx));
        if (n > 0) {
            core.on_uart_rx(rx, n);
        }
        core.poll();
    }
}

// Nothing is ever deleted (no heap); the symbol is only referenced by deleting destructors.
void operator delete(void*, std::size_t) noexcept {}
void operator delete(void*) noexcept {}
extern "C" void __cxa_pure_virtual() {
    for (;;) {
    }
}

// Minimal start-up: copy .data, clear .bss, run main. Symbols come from Cortex-M4.ld.
extern "C" {
extern std::uint32_t _sidata, _sdata, _edata, _sbss, _ebss, _estack;

[[noreturn]] void Reset_Handler() {
    std::memcpy(&_sdata, &_sidata,
                static_cast<std::size_t>(reinterpret_cast<char*>(&_edata) -
                                         reinterpret_cast<char*>(&_sdata)));
    std::memset(&_sbss, 0,
                static_cast<std::size_t>(reinterpret_cast<char*>(&_ebss) -
                                         reinterpret_cast<char*>(&_sbss)));
    main();
    for (;;) {
    }
}

void Default_Handler() {
    for (;;) {
    }
}

// Initial stack pointer, reset, then the 14 system exceptions (all default).
__attribute__((section(".isr_vector"), used)) void (*const kVectorTable[16])() = {
    reinterpret_cast<void (*)()>(&_estack),
    Reset_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    Default_Handler,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    Default_Handler,
    Default_Handler,
    nullptr,
    Default_Handler,
    Default_Handler};
}
