#include "DeviceWriter.h"

#include <cstdio>
#include <ctime>
#include <string>
#include <thread>

#include "algosim/VirtualSerialPort.h"

namespace bench {

std::int64_t monotonic_ns() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}

std::size_t run_device_writer(algosim::VirtualSerialPort& port, double rate_hz, unsigned batch,
                              std::size_t count, WriteLog log) {
    const std::int64_t period_ns = static_cast<std::int64_t>(1e9 / rate_hz * batch);
    std::int64_t deadline = monotonic_ns();
    std::string text;
    std::size_t k = 0;
    while (k < count && k < log.capacity) {
        deadline += period_ns;
        timespec ts{static_cast<time_t>(deadline / 1'000'000'000),
                    static_cast<long>(deadline % 1'000'000'000)};
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nullptr);

        text.clear();
        const std::size_t first = k;
        for (unsigned i = 0; i < batch && k < count; ++i, ++k) {
            char line[32];
            const int n = std::snprintf(
                line, sizeof line, "%.2f\r\n",
                static_cast<double>(static_cast<std::int64_t>(k) % kPatternLength) / 100.0);
            text.append(line, static_cast<std::size_t>(n));
        }
        const std::int64_t now = monotonic_ns();
        for (std::size_t i = first; i < k; ++i)
            log.write_ns[i] = now;

        std::size_t sent = 0;
        while (sent < text.size()) {
            const auto result = port.write(
                {reinterpret_cast<const std::uint8_t*>(text.data()) + sent, text.size() - sent});
            if (result.status == algosim::PortIoStatus::Ok) {
                sent += result.bytes;
            } else if (result.status == algosim::PortIoStatus::WouldBlock) {
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            } else {
                return first;
            }
        }
    }
    return k;
}

} // namespace bench
