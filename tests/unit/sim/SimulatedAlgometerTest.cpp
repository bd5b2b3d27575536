#include "algosim/SimulatedAlgometer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "HostPort.h"

namespace {

using algosim::SimulatedAlgometer;
using algosim::SimulatedAlgometerOptions;
using namespace std::chrono_literals;
using simtest::HostPort;

constexpr double kCountsPerN = 8000.0;

double pressure_kpa(std::int32_t net_counts) {
    return net_counts / kCountsPerN * 10.0;
}

std::filesystem::path temp_path(const std::string& stem) {
    return std::filesystem::temp_directory_path() /
           (stem + "-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
}

// Every streamed sample with its device time in seconds.
struct TimedSample {
    double t_s;
    std::uint32_t index;
    double kpa;
    std::uint8_t flags;
};
std::vector<TimedSample> flatten(const std::vector<algoproto::Samples>& frames) {
    std::vector<TimedSample> out;
    for (const auto& frame : frames) {
        for (int i = 0; i < frame.count; ++i) {
            out.push_back({(frame.t0_us + double(i) * frame.period_us) * 1e-6,
                           frame.first_index + i, pressure_kpa(frame.counts[i]), frame.flags});
        }
    }
    return out;
}

TEST(SimulatedAlgometer, AutostartStreamsAScenarioFileRampAtTheConfiguredRate) {
    const auto csv = temp_path("algosim-ramp") += ".csv";
    std::ofstream(csv) << "t_s,pressure_kpa,patient_button,operator_button\n"
                          "0,0,0,0\n0.2,0,0,0\n1.2,300,1,0\n1.4,300,0,1\n";
    SimulatedAlgometerOptions options;
    options.autostart = true;
    options.rate_hz = 1000;
    options.batch = 10;
    options.scenario_file = csv.string();
    SimulatedAlgometer simulator(options);
    ASSERT_EQ(simulator.start(), "");
    HostPort host(simulator.device_path());
    ASSERT_TRUE(host.is_open());
    const auto began = std::chrono::steady_clock::now();
    host.pump_until([&] { return host.received.sample_count() >= 1600; }, 5000ms);
    const double elapsed_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    simulator.stop();
    std::filesystem::remove(csv);

    const auto& counters = host.decoder.counters();
    EXPECT_EQ(counters.crc_errors + counters.cobs_errors, 0u);
    EXPECT_EQ(counters.samples_lost, 0u);
    ASSERT_FALSE(host.received.infos.empty());
    EXPECT_STREQ(host.received.infos.front().serial_number, "SIM-00000001");
    EXPECT_FLOAT_EQ(host.received.infos.front().counts_per_newton, 8000.0f);

    const auto samples = flatten(host.received.samples);
    ASSERT_GE(samples.size(), 1600u);
    // The real rate: 1600 samples at 1000 Hz take 1.6 s of wall-clock time.
    EXPECT_NEAR(1600.0 / elapsed_s, 1000.0, 200.0);
    for (const auto& frame : host.received.samples) {
        EXPECT_EQ(frame.period_us, 1000);
        EXPECT_EQ(frame.count, 10);
    }
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const auto& s = samples[i];
        ASSERT_EQ(s.index, i);
        ASSERT_NEAR(s.t_s, i * 1e-3, 1e-9);
        const double expected_kpa = s.t_s <= 0.2 ? 0.0 : s.t_s >= 1.2 ? 300.0 : (s.t_s - 0.2) * 300;
        // Noise is 30 counts RMS = 0.04 kPa; the 50 µs clock step adds at most 0.015 kPa.
        ASSERT_NEAR(s.kpa, expected_kpa, 0.3) << "sample " << i;
    }
    // Buttons are debounced (20 ms) and reported in the frame flags and as EVENTs.
    EXPECT_EQ(samples[1300].flags & algoproto::kFlagPatientButton, algoproto::kFlagPatientButton);
    EXPECT_EQ(samples[1300].flags & algoproto::kFlagOperatorButton, 0);
    EXPECT_EQ(samples[1500].flags & algoproto::kFlagOperatorButton, algoproto::kFlagOperatorButton);
    ASSERT_GE(host.received.events.size(), 1u);
    EXPECT_EQ(host.received.events[0].button, algoproto::kPatientButton);
    EXPECT_EQ(host.received.events[0].pressed, 1);
    EXPECT_NEAR(host.received.events[0].index, 1220.0, 2.0);
}

TEST(SimulatedAlgometer, PptRampRestsThenRampsAtAbout50KpaPerSecond) {
    SimulatedAlgometerOptions options;
    options.autostart = true;
    options.rate_hz = 500;
    options.scenario = "ppt-ramp";
    options.seed = 3;
    SimulatedAlgometer simulator(options);
    ASSERT_EQ(simulator.start(), "");
    HostPort host(simulator.device_path());
    host.pump_until([&] { return host.received.sample_count() >= 500 * 4.6; }, 10000ms);
    simulator.stop();

    const auto samples = flatten(host.received.samples);
    ASSERT_GE(samples.size(), 2300u);
    // Least-squares slope over the ramp between 30 and 150 kPa (tremor averages out).
    double n = 0, st = 0, sp = 0, stt = 0, stp = 0;
    for (const auto& s : samples) {
        if (s.t_s < 2.9) {
            EXPECT_NEAR(s.kpa, 0.0, 0.3) << "resting at " << s.t_s << " s";
        }
        if (s.kpa > 30 && s.kpa < 150) {
            n += 1;
            st += s.t_s;
            sp += s.kpa;
            stt += s.t_s * s.t_s;
            stp += s.t_s * s.kpa;
        }
    }
    ASSERT_GT(n, 500);
    const double slope_kpa_per_s = (n * stp - st * sp) / (n * stt - st * st);
    EXPECT_NEAR(slope_kpa_per_s, 50.0, 8.0);
}

TEST(SimulatedAlgometer, TheSameSeedGivesIdenticalSamples) {
    auto first_counts = [](std::uint64_t seed) {
        SimulatedAlgometerOptions options;
        options.autostart = true;
        options.scenario = "sustained-hold"; // starts with 3 s of rest: noise only
        options.seed = seed;
        SimulatedAlgometer simulator(options);
        EXPECT_EQ(simulator.start(), "");
        HostPort host(simulator.device_path());
        host.pump_until([&] { return host.received.sample_count() >= 300; }, 5000ms);
        std::vector<std::int32_t> counts;
        for (const auto& frame : host.received.samples) {
            counts.insert(counts.end(), frame.counts, frame.counts + frame.count);
        }
        counts.resize(300);
        return counts;
    };
    const auto a = first_counts(5);
    EXPECT_EQ(a, first_counts(5));
    EXPECT_NE(a, first_counts(6));
}

TEST(SimulatedAlgometer, WaitsForStartThenStreamsAtTheHostsRateAndStops) {
    SimulatedAlgometerOptions options;
    options.scenario = "idle";
    SimulatedAlgometer simulator(options);
    ASSERT_EQ(simulator.start(), "");
    HostPort host(simulator.device_path());
    host.pump(150ms);
    EXPECT_EQ(host.received.sample_count(), 0u);
    host.send(algoproto::Start{500, 5});
    ASSERT_TRUE(host.pump_until([&] { return host.received.sample_count() >= 100; }, 3000ms));
    ASSERT_FALSE(host.received.acks.empty());
    EXPECT_EQ(host.received.acks[0].command_seq, 0);
    EXPECT_EQ(host.received.acks[0].command_type, 0x82);
    EXPECT_EQ(host.received.samples[0].period_us, 2000);
    EXPECT_EQ(host.received.samples[0].count, 5);
    host.send(algoproto::Stop{});
    ASSERT_TRUE(host.pump_until([&] { return host.received.acks.size() >= 2; }, 2000ms));
    const auto after_stop = host.received.sample_count();
    host.pump(100ms);
    EXPECT_EQ(host.received.sample_count(), after_stop);
    EXPECT_GT(simulator.stats().bytes_received, 0u);
}

TEST(SimulatedAlgometer, PowerCycleRestartsIndicesAndAnnouncesTheDeviceAgain) {
    SimulatedAlgometerOptions options;
    options.autostart = true;
    options.scenario = "idle";
    options.faults.power_cycle_at_s = 0.3;
    SimulatedAlgometer simulator(options);
    ASSERT_EQ(simulator.start(), "");
    HostPort host(simulator.device_path());
    ASSERT_TRUE(host.pump_until(
        [&] { return host.received.infos.size() >= 2 && host.received.sample_count() >= 400; },
        3000ms));
    EXPECT_GE(host.decoder.counters().index_restarts, 1u);
    EXPECT_EQ(simulator.stats().power_cycles, 1u);
}

TEST(SimulatedAlgometer, PowerCycleWithoutAutostartStopsTheStream) {
    SimulatedAlgometerOptions options;
    options.scenario = "idle";
    options.faults.power_cycle_at_s = 0.4;
    SimulatedAlgometer simulator(options);
    ASSERT_EQ(simulator.start(), "");
    HostPort host(simulator.device_path());
    host.send(algoproto::Start{1000, 10});
    ASSERT_TRUE(host.pump_until([&] { return host.received.infos.size() >= 2; }, 3000ms));
    host.pump(50ms);
    const auto after_cycle = host.received.sample_count();
    EXPECT_GT(after_cycle, 0u);
    host.pump(200ms);
    EXPECT_EQ(host.received.sample_count(), after_cycle);
}

TEST(SimulatedAlgometer, DisconnectMakesTheDeviceVanishAndReconnectBringsItBackAtTheLink) {
    const auto link = temp_path("algosim-link");
    SimulatedAlgometerOptions options;
    options.autostart = true;
    options.scenario = "idle";
    options.link_path = link.string();
    options.faults.disconnect_at_s = 0.3;
    options.faults.reconnect_after_s = 0.3;
    std::vector<std::string> events;
    std::mutex events_mutex;
    options.on_event = [&](const std::string& event) {
        std::lock_guard lock(events_mutex);
        events.push_back(event);
    };
    SimulatedAlgometer simulator(options);
    ASSERT_EQ(simulator.start(), "");
    EXPECT_EQ(simulator.device_path(), link.string());
    {
        HostPort host(link.string());
        ASSERT_TRUE(host.is_open());
        EXPECT_FALSE(host.pump(1000ms)) << "the device should have vanished";
        EXPECT_GT(host.received.sample_count(), 100u);
    }
    for (int i = 0; i < 200 && !std::filesystem::exists(link); ++i)
        std::this_thread::sleep_for(5ms);
    ASSERT_TRUE(std::filesystem::exists(link));
    HostPort again(link.string());
    ASSERT_TRUE(again.pump_until([&] { return again.received.sample_count() >= 50; }, 2000ms));
    // The firmware kept running while unplugged: its indices went on.
    EXPECT_GT(again.received.samples.front().first_index, 550u);
    simulator.stop();
    EXPECT_FALSE(std::filesystem::exists(link));
    std::lock_guard lock(events_mutex);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0], "disconnected");
    EXPECT_EQ(events[1].rfind("reconnected: pty: /dev/", 0), 0u) << events[1];
}

TEST(SimulatedAlgometer, InjectedByteFaultsReachTheHostAsDecodeErrors) {
    SimulatedAlgometerOptions options;
    options.autostart = true;
    options.scenario = "idle";
    options.faults.drop_rate = 0.002;
    options.faults.corrupt_rate = 0.002;
    SimulatedAlgometer simulator(options);
    ASSERT_EQ(simulator.start(), "");
    HostPort host(simulator.device_path());
    host.pump_until([&] { return host.received.sample_count() >= 1500; }, 4000ms);
    simulator.stop();
    const auto stats = simulator.stats();
    EXPECT_GT(stats.bytes_dropped, 0u);
    EXPECT_GT(stats.bytes_corrupted, 0u);
    const auto& counters = host.decoder.counters();
    EXPECT_GT(counters.crc_errors + counters.cobs_errors, 0u);
    EXPECT_GT(counters.samples_lost, 0u);
}

TEST(SimulatedAlgometer, RefusesBadOptionsWithAClearMessage) {
    SimulatedAlgometerOptions options;
    options.rate_hz = 5000;
    EXPECT_EQ(SimulatedAlgometer::validate(options),
              "rate must be between 16 and 2000 Hz (got 5000)");
    options = {};
    options.batch = 80;
    EXPECT_EQ(SimulatedAlgometer::validate(options),
              "batch must be between 1 and 79 samples per frame (got 80)");
    options = {};
    options.scenario = "marathon";
    EXPECT_EQ(SimulatedAlgometer::validate(options),
              "unknown scenario 'marathon' (known: ppt-ramp, sustained-hold, release-marks, idle)");
    options = {};
    options.reaction.mean_ms = 10.0;
    EXPECT_EQ(SimulatedAlgometer::validate(options),
              "the reaction time must have a mean of 50 to 2000 ms and an SD of 0 to 500 ms");
    options = {};
    options.faults.reconnect_after_s = 1.0;
    EXPECT_EQ(SimulatedAlgometer::validate(options), "reconnect-after needs disconnect-at");
    options = {};
    options.faults.drop_rate = 1.5;
    SimulatedAlgometer simulator(options);
    EXPECT_EQ(simulator.start(), "drop rate must be a probability between 0 and 1");
    EXPECT_FALSE(simulator.running());
}

// The simulator takes the program's one probe-area range, not a wider one of its own.
TEST(SimulatedAlgometer, AcceptsTheProbeAreasTheProgramAccepts) {
    SimulatedAlgometerOptions options;
    options.probe_area_cm2 = 10.0;
    EXPECT_EQ(SimulatedAlgometer::validate(options), "");
    options.probe_area_cm2 = 0.01;
    EXPECT_EQ(SimulatedAlgometer::validate(options), "");
    for (const double outside : {10.5, 100.0, 0.005}) {
        options.probe_area_cm2 = outside;
        EXPECT_EQ(SimulatedAlgometer::validate(options), "probe area must be 0.01 to 10 cm\u00b2")
            << outside;
    }
}

TEST(SimulatedAlgometer, RefusesABadScenarioFileNamingTheLine) {
    const auto csv = temp_path("algosim-bad") += ".csv";
    std::ofstream(csv) << "t_s,pressure_kpa,patient_button,operator_button\n0,0,0,0\n1,x,0,0\n";
    SimulatedAlgometerOptions options;
    options.scenario_file = csv.string();
    SimulatedAlgometer simulator(options);
    EXPECT_EQ(simulator.start(), csv.string() + ":3: column 2 (pressure_kpa): 'x' is not a number");
    std::filesystem::remove(csv);
}

} // namespace
