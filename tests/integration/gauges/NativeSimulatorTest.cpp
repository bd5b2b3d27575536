// The native driver against the reference firmware running in the simulated algometer:
// a device already streaming when the port opens, and a power cycle mid-session.
// (Corrupted frames are exercised with the native emulator in GaugesOnPtyTest.)
#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "algocore/acquisition/Acquisition.h"
#include "algosim/SimulatedAlgometer.h"

using namespace algocore;

namespace {

struct Run {
    std::vector<Sample> samples;
    std::vector<LinkEvent> events;
    AcquisitionStatus status;
    std::string log() const {
        std::string out;
        for (const auto& e : events)
            out += std::string(to_string(e.kind)) + ": " + e.message + "\n";
        return out;
    }
    bool has_event(LinkEvent::Kind kind, const std::string& text) const {
        for (const auto& e : events)
            if (e.kind == kind && e.message.find(text) != std::string::npos) return true;
        return false;
    }
};

Run read_native(const std::string& port, double seconds) {
    AcquisitionConfig config;
    config.port = port;
    config.driver = "native";
    config.baud = 115200;
    config.reconnect = false;
    Acquisition acquisition(config);
    Run r;
    std::string error;
    EXPECT_TRUE(acquisition.start(&error)) << error;
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < end) {
        acquisition.samples().drain([&](Sample&& s) { r.samples.push_back(s); });
        acquisition.events().drain([&](LinkEvent&& e) { r.events.push_back(std::move(e)); });
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    r.status = acquisition.status();
    acquisition.stop();
    return r;
}

} // namespace

TEST(NativeOnSimulator, AlreadyStreamingAndPowerCycledDeviceKeepsDelivering) {
    algosim::SimulatedAlgometerOptions options;
    options.autostart = true;           // streaming before the host opens the port
    options.faults.corrupt_rate = 2e-5; // a flipped bit every few thousand bytes
    options.faults.power_cycle_at_s = 1.0;
    algosim::SimulatedAlgometer device(options);
    ASSERT_EQ(device.start(), "");
    const auto r = read_native(device.device_path(), 2.0);
    device.stop();

    EXPECT_TRUE(r.has_event(LinkEvent::Kind::Connected, "Algoscope native device")) << r.log();
    // Roughly 1000 Hz for ~1.8 s of streaming; the restart costs a little.
    EXPECT_GT(r.samples.size(), 1200u) << r.log();
    EXPECT_TRUE(r.has_event(LinkEvent::Kind::Info, "restart")) << r.log();
    // Time never runs backwards across the restart, and the restart is marked.
    std::size_t gaps = 0;
    for (std::size_t i = 1; i < r.samples.size(); ++i) {
        ASSERT_GE(r.samples[i].t_s, r.samples[i - 1].t_s);
        gaps += (r.samples[i].flags & kGapBefore) ? 1 : 0;
    }
    EXPECT_GE(gaps, 1u);
    // Everything decoded reached the consumer (a few may still sit in the ring at the snapshot).
    EXPECT_EQ(r.status.ring_drops, 0u);
    EXPECT_GE(r.status.driver.samples, r.samples.size());
    EXPECT_LE(r.status.driver.samples, r.samples.size() + 50);
}
