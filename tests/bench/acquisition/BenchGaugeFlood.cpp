// algoscope-bench-gauge-flood: memory of the acquisition path while a gauge floods the port with
// valid lines nobody asked for (a polled gauge left in continuous mode, a wrong device), as fast
// as a pseudo-terminal takes them, and never reads what we send. For each driver: the process's
// resident memory after 1 s and at the end, its growth per second, and the lines/s delivered.
// A polled driver that answered every unsolicited line with a new poll used to queue writes
// without bound (about 60 MB/s); streaming drivers send nothing and stay flat.
//   algoscope-bench-gauge-flood [seconds per driver, default 10] [driver ...]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "algocore/acquisition/Acquisition.h"
#include "algosim/VirtualSerialPort.h"
#include "algotest/ImadaEmulator.h"
#include "algotest/Mark10Emulator.h"
#include "algotest/ShimpoEmulator.h"
#include "algotest/WagnerEmulator.h"

namespace {

using namespace algocore;
using namespace std::chrono_literals;

// Resident set size of this process, MB (VmRSS of /proc/self/status).
double rss_mb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
    return -1.0;
}

// One valid reading line of each dialect, as the gauge would answer its poll.
std::string reading_line(const std::string& driver) {
    if (driver == "mark10") return algotest::Mark10Emulator{}.receive("?\r");
    if (driver == "wagner") return algotest::WagnerEmulator{}.receive("?\r");
    if (driver == "imada") return algotest::ImadaEmulator{}.receive("D\r");
    if (driver == "shimpo") return algotest::ShimpoEmulator{false}.receive("BA\r");
    return "12.34\r\n"; // ascii
}

struct FloodResult {
    double rss_after_1s_mb = 0.0;
    double rss_end_mb = 0.0;
    double samples_per_s = 0.0;
    double seconds = 0.0;
};

FloodResult flood(const std::string& driver, double seconds) {
    FloodResult r;
    algosim::OpenPortResult opened = algosim::open_virtual_serial_port({});
    if (!opened.port) {
        std::fprintf(stderr, "pty: %s\n", opened.error.c_str());
        return r;
    }
    std::string block;
    const std::string line = reading_line(driver);
    while (block.size() < 64 * 1024)
        block += line;
    std::atomic<bool> running{true};
    // The flooding gauge: writes as fast as the pty takes it and never reads the polls.
    std::thread gauge([&] {
        std::size_t at = 0;
        while (running) {
            const auto w = opened.port->write(
                {reinterpret_cast<const std::uint8_t*>(block.data()) + at, block.size() - at});
            if (w.status != algosim::PortIoStatus::Ok) break;
            at = (at + w.bytes) % block.size();
            if (w.bytes == 0) std::this_thread::sleep_for(100us);
        }
    });
    AcquisitionConfig config;
    config.port = opened.port->device_path();
    config.driver = driver;
    config.reconnect = false;
    Acquisition acquisition(config);
    std::string error;
    if (!acquisition.start(&error)) {
        std::fprintf(stderr, "start %s: %s\n", driver.c_str(), error.c_str());
        running = false;
        gauge.join();
        return r;
    }
    std::size_t samples = 0;
    const auto start = SteadyClock::now();
    bool sampled_1s = false;
    while (SteadyClock::now() - start < std::chrono::duration<double>(seconds)) {
        acquisition.samples().drain([&](const Sample&) { ++samples; });
        while (acquisition.events().pop()) {
        }
        if (!sampled_1s && SteadyClock::now() - start >= 1s) {
            sampled_1s = true;
            r.rss_after_1s_mb = rss_mb();
        }
        std::this_thread::sleep_for(10ms);
    }
    r.rss_end_mb = rss_mb();
    r.seconds = std::chrono::duration<double>(SteadyClock::now() - start).count();
    r.samples_per_s = static_cast<double>(samples) / r.seconds;
    acquisition.stop();
    running = false;
    gauge.join();
    return r;
}

} // namespace

int main(int argc, char** argv) {
    const double seconds = argc > 1 ? std::max(2.0, std::atof(argv[1])) : 10.0;
    std::vector<std::string> drivers{"mark10", "wagner", "imada", "shimpo", "ascii"};
    if (argc > 2) drivers.assign(argv + 2, argv + argc);
    for (const std::string& driver : drivers) {
        const FloodResult r = flood(driver, seconds);
        std::printf("%-7s unsolicited flood %.0f s: RSS %.1f MB after 1 s, %.1f MB at the end "
                    "(%+.2f MB/s); %.0f readings/s delivered\n",
                    driver.c_str(), r.seconds, r.rss_after_1s_mb, r.rss_end_mb,
                    (r.rss_end_mb - r.rss_after_1s_mb) / std::max(1.0, r.seconds - 1.0),
                    r.samples_per_s);
        std::fflush(stdout);
    }
    return 0;
}
