// `algoscope-cli stream` against the simulated algometer and `algoscope-cli replay` of the
// capture it wrote, as a user would run them: JSON lines on stdout, exit status, messages.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "CliRun.h"
#include "algosim/SimulatedAlgometer.h"

namespace {

namespace fs = std::filesystem;

using clitest::CliRun;
using clitest::run_cli;

std::vector<std::string> sample_lines(const CliRun& run) {
    std::vector<std::string> out;
    for (const auto& l : run.lines)
        if (l.rfind("{\"t\":", 0) == 0) out.push_back(l);
    return out;
}

TEST(CliStreamReplay, StreamPrintsJsonLinesAndReplayOfItsCaptureReproducesTheSamples) {
    algosim::SimulatedAlgometerOptions options;
    algosim::SimulatedAlgometer device(options);
    ASSERT_EQ(device.start(), "");
    const fs::path capture =
        fs::temp_directory_path() / ("cli-" + std::to_string(::getpid()) + ".algocap");

    const CliRun stream =
        run_cli("stream --port " + device.device_path() +
                " --driver native --duration 1.2 --probe-area 0.5 --capture " + capture.string());
    device.stop();
    ASSERT_EQ(stream.exit_code, 0) << stream.stderr_text;

    // Every line is one JSON object; a "connected" event comes before the samples.
    bool connected = false;
    std::size_t samples = 0;
    double last_t = -1;
    double first_t = -1;
    for (const auto& line : stream.lines) {
        const auto j = nlohmann::json::parse(line); // throws (fails) on a malformed line
        if (j.contains("event")) {
            if (j["event"] == "connected") connected = true;
            continue;
        }
        ASSERT_TRUE(connected) << "sample before the connected event: " << line;
        ++samples;
        const double t = j["t"].get<double>();
        EXPECT_GE(t, last_t);
        if (first_t < 0) first_t = t;
        last_t = t;
        EXPECT_NEAR(j["pressure_kpa"].get<double>(), j["force_n"].get<double>() * 20.0, 0.01);
        EXPECT_TRUE(j["raw"].is_number_integer()); // the native device gives counts
        EXPECT_TRUE(j["buttons"].is_number_integer());
    }
    // On a loaded machine the connection can take a good part of the 1.2 s, so the count is
    // judged against the time actually streamed: every sample of it (1 kHz), none missing.
    EXPECT_GT(samples, 200u) << stream.stderr_text;
    EXPECT_GE(static_cast<double>(samples), 0.95 * (last_t - first_t) * 1000.0)
        << "from t=" << first_t << " to " << last_t << "\n"
        << stream.stderr_text;
    EXPECT_LT(last_t, 1.3);
    EXPECT_NE(stream.stderr_text.find("stream: "), std::string::npos);

    const CliRun replay = run_cli("replay " + capture.string() + " --speed max --probe-area 0.5");
    ASSERT_EQ(replay.exit_code, 0) << replay.stderr_text;
    const auto live = sample_lines(stream);
    const auto replayed = sample_lines(replay);
    // Same bytes, same arrival stamps, same driver: the same samples at the same times.
    ASSERT_GE(replayed.size(), live.size());
    for (std::size_t i = 0; i < live.size(); ++i)
        ASSERT_EQ(replayed[i], live[i]) << "line " << i;
    fs::remove(capture);
}

TEST(CliStreamReplay, UnusablePortExitsNonZeroWithAClearMessage) {
    const CliRun run = run_cli("stream --port /dev/algoscope-no-such-port --duration 1");
    EXPECT_NE(run.exit_code, 0);
    EXPECT_NE(run.stderr_text.find("cannot open /dev/algoscope-no-such-port"), std::string::npos)
        << run.stderr_text;
    EXPECT_TRUE(run.lines.empty());
}

TEST(CliStreamReplay, BadArgumentsExitNonZeroAndSayWhich) {
    const CliRun baud = run_cli("stream --port /dev/null --baud 12345");
    EXPECT_NE(baud.exit_code, 0);
    EXPECT_NE(baud.stderr_text.find("baud rate 12345 is not supported"), std::string::npos)
        << baud.stderr_text;
    const CliRun area = run_cli("stream --port /dev/null --probe-area -1");
    EXPECT_NE(area.exit_code, 0);
    EXPECT_NE(area.stderr_text.find("--probe-area"), std::string::npos) << area.stderr_text;
}

TEST(CliStreamReplay, ReplayOfAFileThatIsNotACaptureIsRefused) {
    const fs::path notes = fs::temp_directory_path() / ("notes-" + std::to_string(::getpid()));
    std::ofstream(notes) << "t_s,force_n\n0,1\n";
    const CliRun run = run_cli("replay " + notes.string());
    EXPECT_NE(run.exit_code, 0);
    EXPECT_NE(run.stderr_text.find("not an Algoscope raw capture"), std::string::npos)
        << run.stderr_text;
    fs::remove(notes);
}

} // namespace
