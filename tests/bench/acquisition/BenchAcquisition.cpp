// algoscope-bench-acquisition: figures for the acquisition path, printed one per line.
//   1. throughput: a 20 kHz native stream over a pty → SerialTransport → NativeDriver →
//      Calibrator → ring, consumer draining every 10 ms: delivered samples/s and any loss;
//   2. I/O thread CPU at 1 kHz (schedstat of the "algoscope-io" thread), % of one core;
//   3. latency from a sample's host time to the consumer's pop (1 kHz, batch 10, consumer
//      polling every 1 ms): p50/p99 for the newest sample of each frame (≈ arrival → consumer)
//      and for all samples (includes the device's batching);
//   4. reconnect after a replug (simulated algometer, same link path): unplug → "disconnected"
//      and port back → "connected", each run.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "PtyNativeDevice.h"
#include "algocore/acquisition/Acquisition.h"
#include "algosim/SimulatedAlgometer.h"

namespace {

using namespace algocore;
using namespace std::chrono_literals;

// CPU time (ns) of this process's thread named `name`, from /proc schedstat.
std::optional<std::uint64_t> thread_cpu_ns(const std::string& name) {
    for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
        std::ifstream comm(task.path() / "comm");
        std::string n;
        std::getline(comm, n);
        if (n != name) continue;
        std::ifstream sched(task.path() / "schedstat");
        std::uint64_t on_cpu_ns = 0;
        if (sched >> on_cpu_ns) return on_cpu_ns;
    }
    return std::nullopt;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

struct StreamResult {
    double delivered_per_s = 0;
    AcquisitionStatus status;
    double io_cpu_percent = -1;
    std::vector<double> newest_latency_ms, all_latency_ms;
};

StreamResult stream_native(unsigned rate_hz, unsigned batch, double seconds,
                           std::chrono::microseconds poll) {
    algotest::NativeEmulator::Options device_options;
    device_options.max_rate_hz = static_cast<std::uint16_t>(std::min(rate_hz, 65535u));
    acqbench::PtyNativeDevice device(device_options);
    StreamResult r;
    if (!device.error().empty()) {
        std::fprintf(stderr, "pty: %s\n", device.error().c_str());
        return r;
    }
    AcquisitionConfig config;
    config.port = device.path();
    config.driver = "native";
    config.driver_options.native_rate_hz = rate_hz;
    config.driver_options.native_batch = batch;
    config.reconnect = false;
    Acquisition acquisition(config);
    std::string error;
    if (!acquisition.start(&error)) {
        std::fprintf(stderr, "start: %s\n", error.c_str());
        return r;
    }
    // Let the handshake finish before measuring.
    while (acquisition.status().link != AcquisitionStatus::Link::Connected &&
           SteadyClock::now() - acquisition.session_start() < 3s) {
        acquisition.samples().drain([](const Sample&) {});
        std::this_thread::sleep_for(5ms);
    }
    const std::uint64_t delivered0 = acquisition.status().samples_delivered;
    const auto cpu0 = thread_cpu_ns("algoscope-io");
    const SteadyTime t0 = SteadyClock::now();
    const SteadyTime end = t0 + std::chrono::duration_cast<SteadyClock::duration>(
                                    std::chrono::duration<double>(seconds));
    while (SteadyClock::now() < end) {
        double newest = -1;
        SteadyTime popped{};
        acquisition.samples().drain([&](const Sample& s) {
            popped = SteadyClock::now();
            const double latency_ms =
                seconds_between(acquisition.session_start(), popped) * 1000.0 - s.t_s * 1000.0;
            r.all_latency_ms.push_back(latency_ms);
            newest = latency_ms;
        });
        if (newest >= 0) r.newest_latency_ms.push_back(newest);
        while (acquisition.events().pop()) {
        }
        std::this_thread::sleep_for(poll);
    }
    const SteadyTime t1 = SteadyClock::now();
    const auto cpu1 = thread_cpu_ns("algoscope-io");
    r.status = acquisition.status();
    r.delivered_per_s =
        static_cast<double>(r.status.samples_delivered - delivered0) / seconds_between(t0, t1);
    if (cpu0 && cpu1)
        r.io_cpu_percent =
            100.0 * static_cast<double>(*cpu1 - *cpu0) / 1e9 / seconds_between(t0, t1);
    acquisition.stop();
    return r;
}

void reconnect_run(int run) {
    const std::string link = (std::filesystem::temp_directory_path() /
                              ("algoscope-bench-replug-" + std::to_string(::getpid())))
                                 .string();
    std::mutex mutex;
    std::optional<SteadyTime> unplugged, replugged;
    algosim::SimulatedAlgometerOptions options;
    options.link_path = link;
    options.seed = static_cast<std::uint64_t>(run + 1);
    options.faults.disconnect_at_s = 0.8;
    options.faults.reconnect_after_s = 0.3 + 0.2 * run; // land at different backoff phases
    options.on_event = [&](const std::string& e) {
        std::lock_guard lock(mutex);
        if (e == "disconnected") unplugged = SteadyClock::now();
        if (e.rfind("reconnected", 0) == 0) replugged = SteadyClock::now();
    };
    algosim::SimulatedAlgometer device(options);
    if (!device.start().empty()) return;
    AcquisitionConfig config;
    config.port = device.device_path();
    config.driver = "native";
    Acquisition acquisition(config);
    if (!acquisition.start(nullptr)) return;
    std::optional<SteadyTime> disconnected, reconnected;
    int connected_count = 0;
    const SteadyTime end = SteadyClock::now() + 3s;
    while (SteadyClock::now() < end && !reconnected) {
        acquisition.samples().drain([](const Sample&) {});
        while (auto e = acquisition.events().pop()) {
            if (e->kind == LinkEvent::Kind::Disconnected && !disconnected) disconnected = e->t;
            if (e->kind == LinkEvent::Kind::Connected && ++connected_count == 2) reconnected = e->t;
        }
        std::this_thread::sleep_for(2ms);
    }
    acquisition.stop();
    device.stop();
    std::lock_guard lock(mutex);
    if (unplugged && disconnected && replugged && reconnected)
        std::printf("reconnect run %d: unplug -> disconnected %.0f ms; port back -> connected "
                    "(re-handshaken) %.0f ms\n",
                    run, seconds_between(*unplugged, *disconnected) * 1000.0,
                    seconds_between(*replugged, *reconnected) * 1000.0);
    else
        std::printf("reconnect run %d: did not complete within 3 s\n", run);
}

} // namespace

int main() {
    const StreamResult fast = stream_native(20000, 79, 3.0, 10ms);
    std::printf("throughput 20 kHz native (batch 79) over a pty: %.0f samples/s delivered; "
                "lost on the wire %llu, bad frames %llu, ring drops %llu\n",
                fast.delivered_per_s,
                static_cast<unsigned long long>(fast.status.driver.samples_lost),
                static_cast<unsigned long long>(fast.status.driver.bad_frames),
                static_cast<unsigned long long>(fast.status.ring_drops));
    std::printf("I/O thread CPU at 20 kHz: %.1f %% of one core\n", fast.io_cpu_percent);

    const StreamResult slow = stream_native(1000, 10, 5.0, 1ms);
    std::printf("I/O thread CPU at 1 kHz (batch 10): %.2f %% of one core; %.0f samples/s, "
                "lost %llu, ring drops %llu\n",
                slow.io_cpu_percent, slow.delivered_per_s,
                static_cast<unsigned long long>(slow.status.driver.samples_lost),
                static_cast<unsigned long long>(slow.status.ring_drops));
    std::printf("latency sample host time -> consumer pop at 1 kHz, consumer polling 1 ms: "
                "newest of each batch p50 %.2f ms p99 %.2f ms; all samples p50 %.2f ms p99 "
                "%.2f ms\n",
                percentile(slow.newest_latency_ms, 0.5), percentile(slow.newest_latency_ms, 0.99),
                percentile(slow.all_latency_ms, 0.5), percentile(slow.all_latency_ms, 0.99));
    for (int run = 0; run < 3; ++run)
        reconnect_run(run);
    return 0;
}
