// Every gauge dialect end to end: its emulator on a pseudo-terminal, read through the real
// serial transport and acquisition I/O thread, by name and by auto-detection.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <thread>
#include <vector>

#include "PtyGauge.h"
#include "algocore/acquisition/Acquisition.h"
#include "algotest/AsciiLineEmulator.h"
#include "algotest/ImadaEmulator.h"
#include "algotest/Mark10Emulator.h"
#include "algotest/NativeEmulator.h"
#include "algotest/ShimpoEmulator.h"
#include "algotest/WagnerEmulator.h"

using namespace algocore;
using namespace algotest;

namespace {

struct Session {
    std::vector<Sample> samples;
    std::vector<LinkEvent> events;
    AcquisitionStatus status;
    std::string error;

    bool has_event(LinkEvent::Kind kind, const std::string& text) const {
        for (const auto& e : events)
            if (e.kind == kind && e.message.find(text) != std::string::npos) return true;
        return false;
    }
    std::string log() const {
        std::string out;
        for (const auto& e : events)
            out += std::string(to_string(e.kind)) + ": " + e.message + "\n";
        return out;
    }
};

// Read `port` with `driver` for `seconds` (or until `done` says so); `during(t_s)` runs
// every 10 ms.
Session read_for(const std::string& port, const std::string& driver, double seconds,
                 DriverOptions options = {}, const std::function<void(double)>& during = {},
                 const std::function<bool(const Session&)>& done = {}) {
    AcquisitionConfig config;
    config.port = port;
    config.driver = driver;
    config.baud = 9600;
    config.driver_options = options;
    config.reconnect = false;
    Acquisition acquisition(config);
    Session s;
    if (!acquisition.start(&s.error)) return s;
    const auto t0 = std::chrono::steady_clock::now();
    for (;;) {
        const double t_s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        acquisition.samples().drain([&](Sample&& x) { s.samples.push_back(x); });
        acquisition.events().drain([&](LinkEvent&& e) { s.events.push_back(std::move(e)); });
        if (t_s >= seconds || (done && done(s))) break;
        if (during) during(t_s);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    s.status = acquisition.status();
    acquisition.stop();
    acquisition.samples().drain([&](Sample&& x) { s.samples.push_back(x); });
    acquisition.events().drain([&](LinkEvent&& e) { s.events.push_back(std::move(e)); });
    return s;
}

template <typename Emulator, typename... Args>
std::unique_ptr<PtyGauge> on_pty(double force_n, Args&&... args) {
    auto device = std::make_unique<Emulator>(std::forward<Args>(args)...);
    device->set_force_n(force_n);
    return std::make_unique<PtyGauge>(std::move(device));
}

constexpr double kLbf = algocal::kNewtonsPerLbf;

void expect_readings(const Session& s, std::size_t at_least, double force_n, double tolerance_n) {
    ASSERT_TRUE(s.error.empty()) << s.error;
    ASSERT_GE(s.samples.size(), at_least) << s.log();
    for (const auto& x : s.samples) {
        ASSERT_NEAR(x.force_n, force_n, tolerance_n);
        // 1 cm² probe: 1 N/cm² = 10 kPa.
        ASSERT_NEAR(x.pressure_kpa, x.force_n * 10.0, 1e-9);
    }
}

} // namespace

TEST(GaugesOnPty, Mark10IsPolledOverARealSerialPort) {
    auto gauge = on_pty<Mark10Emulator>(-18.78 * kLbf);
    ASSERT_TRUE(gauge->error().empty()) << gauge->error();
    const auto s = read_for(gauge->path(), "mark10", 1.1);
    expect_readings(s, 30, -18.78 * kLbf, 0.01);
    EXPECT_TRUE(s.has_event(LinkEvent::Kind::Connected, "Mark-10")) << s.log();
    // Polled as fast as it answers: far above the 50 readings/s a real Mark-10 manages.
    EXPECT_GT(s.status.driver.achieved_rate_hz, 50.0);
    RecordProperty("achieved_rate_hz", std::to_string(s.status.driver.achieved_rate_hz));
}

TEST(GaugesOnPty, WagnerContinuousOutputIsRearmedAfterAPowerCycle) {
    auto gauge = on_pty<WagnerEmulator>(5.10 * kLbf);
    ASSERT_TRUE(gauge->error().empty()) << gauge->error();
    DriverOptions options;
    options.wagner_continuous = true;
    options.wagner_rate_hz = 100;
    bool cycled = false;
    const auto s = read_for(gauge->path(), "wagner", 1.5, options, [&](double t_s) {
        if (!cycled && t_s > 0.6) {
            cycled = true;
            gauge->with_device(
                [](GaugeEmulator& d) { static_cast<WagnerEmulator&>(d).power_cycle(); });
        }
    });
    expect_readings(s, 100, 5.10 * kLbf, 0.01);
    EXPECT_TRUE(s.has_event(LinkEvent::Kind::Info, "re-arming continuous output")) << s.log();
    bool streaming = false;
    gauge->with_device(
        [&](GaugeEmulator& d) { streaming = static_cast<WagnerEmulator&>(d).streaming(); });
    EXPECT_FALSE(streaming) << "CE was sent when the session ended";
    std::size_t gaps = 0;
    for (const auto& x : s.samples)
        gaps += (x.flags & kGapBefore) ? 1 : 0;
    EXPECT_GE(gaps, 1u);
}

TEST(GaugesOnPty, ImadaIsPolledWithD) {
    auto gauge = on_pty<ImadaEmulator>(12.34);
    ASSERT_TRUE(gauge->error().empty()) << gauge->error();
    expect_readings(read_for(gauge->path(), "imada", 0.5), 20, 12.34, 0.006);
}

TEST(GaugesOnPty, ShimpoEchoesAreNotReadings) {
    auto gauge = on_pty<ShimpoEmulator>(7.5);
    ASSERT_TRUE(gauge->error().empty()) << gauge->error();
    const auto s = read_for(gauge->path(), "shimpo", 0.5);
    expect_readings(s, 20, 7.5, 0.006);
    EXPECT_EQ(s.status.driver.bad_frames, 0u);
}

TEST(GaugesOnPty, AsciiBoardLinesWithGarbageInBetween) {
    auto gauge = on_pty<AsciiLineEmulator>(2.5, 100.0, "\n", 1.0, 3);
    ASSERT_TRUE(gauge->error().empty()) << gauge->error();
    bool injected = false;
    const auto s = read_for(gauge->path(), "ascii", 0.7, {}, [&](double t_s) {
        if (!injected && t_s > 0.3) {
            injected = true;
            gauge->inject("HX711 not found!\n\x01\x02\x03\n");
        }
    });
    expect_readings(s, 45, 2.5, 1e-9);
    EXPECT_GE(s.status.driver.bad_frames, 1u);
    EXPECT_TRUE(s.has_event(LinkEvent::Kind::Error, "unparsable line")) << s.log();
}

TEST(GaugesOnPty, NativeEmulatorHandshakesStreamsAndSurvivesACorruptedFrame) {
    auto gauge = on_pty<NativeEmulator>(20.0);
    ASSERT_TRUE(gauge->error().empty()) << gauge->error();
    DriverOptions options;
    options.native_rate_hz = 1000;
    bool injected = false;
    const auto s = read_for(gauge->path(), "native", 0.7, options, [&](double t_s) {
        if (!injected && t_s > 0.4) {
            injected = true;
            gauge->inject(std::string("\x00\x07\x01\x02\x03\x04\x05\x06\x00", 9)); // bad CRC
        }
    });
    expect_readings(s, 400, 20.0, 1e-9);
    EXPECT_EQ(s.status.driver.samples_lost, 0u);
    EXPECT_EQ(s.status.driver.bad_frames, 1u);
    EXPECT_TRUE(s.has_event(LinkEvent::Kind::Error, "corrupted frame")) << s.log();
    EXPECT_TRUE(s.has_event(LinkEvent::Kind::Connected, "EMU-0001")) << s.log();
}

// Auto-detection over a real port for each dialect.
class AutoDetectOnPty : public ::testing::TestWithParam<const char*> {};

TEST_P(AutoDetectOnPty, FindsTheDialectWithin2Seconds) {
    const std::string expected = GetParam();
    std::unique_ptr<GaugeEmulator> device;
    if (expected == "mark10") device = std::make_unique<Mark10Emulator>();
    if (expected == "wagner") device = std::make_unique<WagnerEmulator>();
    if (expected == "imada") device = std::make_unique<ImadaEmulator>();
    if (expected == "shimpo") device = std::make_unique<ShimpoEmulator>();
    if (expected == "ascii") device = std::make_unique<AsciiLineEmulator>();
    if (expected == "native") device = std::make_unique<NativeEmulator>();
    ASSERT_TRUE(device);
    device->set_force_n(3.0);
    PtyGauge gauge(std::move(device));
    ASSERT_TRUE(gauge.error().empty()) << gauge.error();
    const auto s = read_for(gauge.path(), "auto", 2.5, {}, {},
                            [](const Session& so_far) { return so_far.samples.size() >= 3; });
    ASSERT_TRUE(s.error.empty()) << s.error;
    // Found within the 2 s budget (the event says when).
    EXPECT_TRUE(s.has_event(LinkEvent::Kind::Info, "auto: found " + expected)) << s.log();
    for (const auto& e : s.events) {
        if (e.message.rfind("auto: found", 0) != 0) continue;
        const auto after = e.message.find(" after ");
        ASSERT_NE(after, std::string::npos);
        EXPECT_LT(std::stod(e.message.substr(after + 7)), 2.0) << e.message;
    }
    ASSERT_FALSE(s.samples.empty()) << s.log();
    // 0.01 lbf is the coarsest resolution among the emulated gauges.
    EXPECT_NEAR(s.samples.back().force_n, 3.0, 0.01 * kLbf);
}

INSTANTIATE_TEST_SUITE_P(EveryDialect, AutoDetectOnPty,
                         ::testing::Values("native", "mark10", "wagner", "imada", "shimpo",
                                           "ascii"));
