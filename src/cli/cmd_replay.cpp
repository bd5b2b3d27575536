// `algoscope-cli replay FILE`: play a raw capture through the same driver → calibrator →
// ring pipeline as a live device and print the same JSON lines as `stream`.
// Exit status: 0 the whole capture was replayed; 6 it was cut short or damaged and only the
// records before that were replayed (a warning on stderr says where and why); 3 it could not
// be read at all; 4 the session failed.
#include <CLI/CLI.hpp>

#include <atomic>
#include <csignal>
#include <iostream>
#include <memory>

#include "algoargs/Arguments.h"
#include "algocore/acquisition/Acquisition.h"
#include "algocore/acquisition/JsonLines.h"
#include "algocore/drivers/DriverFactory.h"

namespace {

constexpr int kExitUnreadable = 3;
constexpr int kExitSessionFailed = 4;
constexpr int kExitPartlyReplayed = 6;

// Signal handlers reach only static storage; only Ctrl-C/SIGTERM write this flag.
std::atomic<bool> g_replay_interrupted{false};

extern "C" void on_replay_signal(int) {
    g_replay_interrupted.store(true);
}

struct ReplayArgs {
    std::string file;
    std::string driver = "auto";
    std::string speed = "1";
    double probe_area_cm2 = 1.0;
};

void run_replay(const ReplayArgs& args) {
    algocore::AcquisitionConfig config;
    config.replay_path = args.file;
    config.driver = args.driver; // "auto" = the driver the capture was recorded with
    // The validator let through only "max" or a bounded finite factor.
    config.replay_speed = args.speed == "max" ? 0.0 : *cli_args::finite_number(args.speed);
    config.probe_area_cm2 = args.probe_area_cm2;

    algocore::Acquisition acquisition(config);
    std::string error;
    if (!acquisition.start(&error)) {
        std::cerr << "algoscope-cli replay: " << error << "\n";
        throw CLI::RuntimeError(kExitUnreadable);
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
              << " lost on the wire, ";
    if (s.driver.samples_skipped_by_device > 0)
        std::cerr << s.driver.samples_skipped_by_device
                  << " skipped by the device (a device clock jump, not lost on the wire), ";
    std::cerr << s.driver.bad_frames << " bad frames, " << s.disconnects << " disconnects\n";
    if (end == algocore::JsonLinesEnd::SessionFailed) {
        std::cerr << "algoscope-cli replay: " << s.end_reason << "\n";
        throw CLI::RuntimeError(kExitSessionFailed);
    }
    if (!s.replay_damage.empty()) {
        std::cerr << "algoscope-cli replay: warning: " << s.replay_damage
                  << "; only the records before it were replayed\n";
        throw CLI::RuntimeError(kExitPartlyReplayed);
    }
}

} // namespace

void register_replay_command(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "replay", "Play a raw capture (from `stream --capture`) and print the same JSON lines");
    cmd->footer("Exit status: 0 the whole capture was replayed; 6 it was cut short or damaged "
                "and only the records before that were replayed (a warning on stderr says "
                "where); 3 it could not be read; 4 the session failed.");
    auto args = std::make_shared<ReplayArgs>();
    cmd->add_option("file", args->file, "Capture file")->required()->check(CLI::ExistingFile);
    cmd->add_option("--driver", args->driver,
                    "Device dialect (default: the one the capture was recorded with)")
        ->check(CLI::IsMember(algocore::driver_names()));
    cmd->add_option("--speed", args->speed,
                    "Playback speed: 1 = original timing, 2 = twice as fast (0.01 to 1000), "
                    "max = as fast as possible")
        ->check(cli_args::replay_speed());
    cmd->add_option("--probe-area", args->probe_area_cm2, "Probe tip area in cm² (default 1)")
        ->check(cli_args::probe_area_cm2());
    cmd->callback([args] { run_replay(*args); });
}
