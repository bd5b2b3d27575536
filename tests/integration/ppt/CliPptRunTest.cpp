// `algoscope-cli ppt` run through cli_ppt::run with scripted samples (no device): a DFNS series
// that times out after one counted trial and two short-rest trials says it has 1 counted trial
// (it said 0: the count was read after the series was closed).
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "PptCommand.h"
#include "algocore/session/Workbench.h"

using namespace algocore;

namespace {

constexpr double kRateHz = 200.0;

// Three ramps at 50 kPa/s to the patient's button, 2.5 s apart: the DFNS preset rests 30 s
// between trials, so the second and third are recorded, flagged short rest and not counted.
std::vector<std::vector<Sample>> three_quick_trials() {
    std::vector<Sample> samples;
    double t = 0.0;
    const auto add = [&](double kpa, bool button) {
        Sample s;
        s.t_s = t;
        s.pressure_kpa = kpa;
        s.force_n = kpa / 10.0;
        if (button) s.buttons = kPatientButton;
        samples.push_back(s);
        t += 1.0 / kRateHz;
    };
    for (int trial = 0; trial < 3; ++trial) {
        for (int i = 0; i < 100; ++i)
            add(0.0, false);
        double kpa = 0.0;
        for (; kpa < 300.0; kpa += 50.0 / kRateHz)
            add(kpa, false);
        for (int i = 0; i < 40; ++i)
            add(kpa, true);
        for (int i = 0; i < 60; ++i)
            add(kpa * (1.0 - i / 60.0), false);
        for (int i = 0; i < 400; ++i)
            add(0.0, false);
    }
    std::vector<std::vector<Sample>> frames;
    for (std::size_t i = 0; i < samples.size(); i += 16)
        frames.emplace_back(samples.begin() + static_cast<std::ptrdiff_t>(i),
                            samples.begin() +
                                static_cast<std::ptrdiff_t>(std::min(samples.size(), i + 16)));
    return frames;
}

TEST(CliPptRun, ATimeoutCountsTheCountedTrialsOfTheClosedSeries) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("algoscope-cli-ppt-run-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    session::WorkbenchOptions clock;
    clock.utc_now = [] { return std::string("2026-12-01T09:00:00Z"); };
    session::Workbench wb(clock);
    cli_ppt::Options options;
    options.preset = "dfns";
    options.common.db = (dir / "study.sqlite").string();
    options.common.subject = "P-1";
    options.common.site = "upper_trapezius";
    options.common.side = "L";
    options.common.timeout_s = 8.0;
    const auto frames = three_quick_trials();
    std::size_t next = 0;
    // After the three trials the operator waits; nothing more comes until the time is up.
    const cli_measuring::FrameSource source = [&](session::Workbench& bench) {
        if (next < frames.size())
            bench.feed_frame(frames[next++]);
        else
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        return true;
    };
    std::ostringstream out, err;
    std::string message;
    int exit_code = 0;
    try {
        cli_ppt::run(options, wb, source, nullptr, out, err);
    } catch (const cli_measuring::Failure& failure) {
        message = failure.message;
        exit_code = failure.code;
    }
    ASSERT_EQ(next, frames.size()) << "timed out before the trials were fed: " << message;
    EXPECT_EQ(exit_code, cli_measuring::kExitTimedOut) << message;
    EXPECT_NE(message.find("with 1 counted trials"), std::string::npos) << message << "\n"
                                                                        << out.str() << err.str();
    // Three trial lines were printed, the first counted, two flagged short rest.
    int lines = 0, counted = 0;
    std::string line;
    for (std::istringstream text(out.str()); std::getline(text, line);) {
        ++lines;
        if (line.find("\"counted\":true") != std::string::npos) ++counted;
    }
    EXPECT_EQ(lines, 3) << out.str();
    EXPECT_EQ(counted, 1) << out.str();
    std::filesystem::remove_all(dir);
}

} // namespace
