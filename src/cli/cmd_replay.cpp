// `algoscope-cli replay FILE`: play a raw capture through the same driver → calibrator →
// ring pipeline as a live device and print the same JSON lines as `stream`.
#include <CLI/CLI.hpp>

#include <atomic>
#include <csignal>
#include <iostream>
#include <memory>

#include "algocore/acquisition/Acquisition.h"
#include "algocore/acquisition/JsonLines.h"
#include "algocore/drivers/DriverFactory.h"

namespace {

// Signal handlers reach only static storage; only Ctrl-C/SIGTERM write this flag.
std::atomic<bool> g_replay_interrupted{false};

extern "C" void on_replay_signal(int) {
    g_replay_interrupted.store(true);
}

struct ReplayArgs {
    std::string file;
    std::string driver = "auto";
    double speed = 1.0;
    double probe_area_cm2 = 1.0;
};

void run_replay(const ReplayArgs& args) {
    algocore::AcquisitionConfig config;
    config.replay_path = args.file;
    config.driver = args.driver; // "auto" = the driver the capture was recorded with
    config.replay_speed = args.speed;
    config.probe_area_cm2 = args.probe_area_cm2;

    algocore::Acquisition acquisition(config);
    std::string error;
    if (!acquisition.start(&error)) {
        std::cerr << "algoscope-cli replay: " << error << "\n";
        throw CLI::RuntimeError(3);
    }
    g_replay_interrupted.store(false);
    std::signal(SIGINT, on_replay_signal);
    std::signal(SIGTERM, on_replay_signal);
    algocore::JsonLinesLimits limits;
    limits.interrupted = &g_replay_interrupted;
    const algocore::JsonLinesEnd end = algocore::print_json_lines(acquisition, std::cout, limits);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);

    const algocore::AcquisitionStatus s = acquisition.status();
    std::cerr << "replay: " << s.samples_delivered << " samples, " << s.driver.samples_lost
              << " lost on the wire, " << s.driver.bad_frames << " bad frames, " << s.disconnects
              << " disconnects\n";
    if (end == algocore::JsonLinesEnd::SessionFailed) {
        std::cerr << "algoscope-cli replay: " << s.end_reason << "\n";
        throw CLI::RuntimeError(4);
    }
}

} // namespace

void register_replay_command(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "replay", "Play a raw capture (from `stream --capture`) and print the same JSON lines");
    auto args = std::make_shared<ReplayArgs>();
    cmd->add_option("file", args->file, "Capture file")->required()->check(CLI::ExistingFile);
    cmd->add_option("--driver", args->driver,
                    "Device dialect (default: the one the capture was recorded with)")
        ->check(CLI::IsMember(algocore::driver_names()));
    cmd->add_option("--speed", args->speed,
                    "Playback speed: 1 = original timing, 2 = twice as fast, 0 = at once")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--probe-area", args->probe_area_cm2, "Probe tip area in cm² (default 1)")
        ->check(CLI::PositiveNumber);
    cmd->callback([args] { run_replay(*args); });
}
