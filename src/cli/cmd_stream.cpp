// `algoscope-cli stream --port PATH ...`: read a device and print one JSON object per line
// (samples and link events) until --duration, Ctrl-C, or the session's end.
#include <CLI/CLI.hpp>

#include <atomic>
#include <csignal>
#include <iostream>
#include <memory>
#include <optional>

#include "algoargs/Arguments.h"
#include "algocore/acquisition/Acquisition.h"
#include "algocore/acquisition/JsonLines.h"
#include "algocore/acquisition/SerialSettings.h"
#include "algocore/drivers/DriverFactory.h"

namespace {

// A signal handler can only reach static storage: this flag is the one exception to "no
// mutable globals", and only Ctrl-C/SIGTERM write it.
std::atomic<bool> g_stream_interrupted{false};

extern "C" void on_stream_signal(int) {
    g_stream_interrupted.store(true);
}

struct StreamArgs {
    std::string port;
    std::string driver = "auto";
    unsigned baud = 115200;
    double duration_s = 0.0;
    double probe_area_cm2 = 1.0;
    std::string capture_path;
    std::string flow = "none";
    bool no_reconnect = false;
};

// Run a session to JSON lines on stdout; a summary and any failure go to stderr.
void run_stream(const StreamArgs& args) {
    algocore::AcquisitionConfig config;
    config.port = args.port;
    config.driver = args.driver;
    config.baud = args.baud;
    config.probe_area_cm2 = args.probe_area_cm2;
    config.capture_path = args.capture_path;
    config.reconnect = !args.no_reconnect;
    config.flow_control = args.flow == "hardware"   ? algocore::FlowControl::Hardware
                          : args.flow == "software" ? algocore::FlowControl::Software
                                                    : algocore::FlowControl::None;

    algocore::Acquisition acquisition(config);
    std::string error;
    if (!acquisition.start(&error)) {
        std::cerr << "algoscope-cli stream: " << error << "\n";
        throw CLI::RuntimeError(3);
    }
    g_stream_interrupted.store(false);
    std::signal(SIGINT, on_stream_signal);
    std::signal(SIGTERM, on_stream_signal);

    algocore::JsonLinesLimits limits;
    if (args.duration_s > 0) limits.duration_s = args.duration_s;
    limits.interrupted = &g_stream_interrupted;
    const algocore::JsonLinesEnd end = algocore::print_json_lines(acquisition, std::cout, limits);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);

    const algocore::AcquisitionStatus s = acquisition.status();
    // Exact losses come from the native sample index; a gauge's are estimated from how long
    // it was silent and its rate, and said to be estimates.
    std::cerr << "stream: " << s.samples_delivered << " samples, " << s.ring_drops
              << " dropped by a slow reader, " << s.driver.samples_lost << " lost on the wire";
    if (s.driver.samples_lost_estimated > 0)
        std::cerr << " + about " << s.driver.samples_lost_estimated
                  << " more (estimated from gap length x rate)";
    if (s.driver.samples_skipped_by_device > 0)
        std::cerr << ", " << s.driver.samples_skipped_by_device
                  << " skipped by the device (a device clock jump, not lost on the wire)";
    std::cerr << ", " << s.driver.bad_frames << " bad frames, " << s.disconnects << " disconnects, "
              << s.reconnects << " reconnects\n";
    if (end == algocore::JsonLinesEnd::SessionFailed) {
        std::cerr << "algoscope-cli stream: " << s.end_reason << "\n";
        throw CLI::RuntimeError(4);
    }
    if (end == algocore::JsonLinesEnd::LinkLost) {
        std::cerr << "algoscope-cli stream: the device was disconnected ("
                  << (s.last_error.empty() ? "link lost" : s.last_error) << ")\n";
        throw CLI::RuntimeError(5);
    }
}

} // namespace

void register_stream_command(CLI::App& app) {
    auto* cmd = app.add_subcommand(
        "stream", "Read a device and print one JSON object per line (samples and events)");
    auto args = std::make_shared<StreamArgs>();
    cmd->add_option("--port", args->port, "Serial port (see `algoscope-cli ports`)")->required();
    cmd->add_option("--driver", args->driver,
                    "Device dialect: auto, native, mark10, wagner (FDX/FDIX polled with '?'), "
                    "wagner-fdix (FDIX continuous output at 100/s, re-armed after a power "
                    "cycle), imada, shimpo, ascii")
        ->check(CLI::IsMember(algocore::driver_names()));
    cmd->add_option("--baud", args->baud, "Baud rate (8N1)")
        ->check(CLI::Validator(
            [](const std::string& text) -> std::string {
                try {
                    if (algocore::is_supported_baud(static_cast<unsigned>(std::stoul(text))))
                        return {};
                } catch (const std::exception&) {
                }
                return "baud rate " + text +
                       " is not supported (use a standard rate such as 9600 or 115200)";
            },
            "BAUD"));
    cmd->add_option("--duration", args->duration_s, "Stop after this many seconds")
        ->check(cli_args::positive_seconds());
    cmd->add_option("--probe-area", args->probe_area_cm2,
                    "Probe tip area in cm² (" + algocal::probe_area_range_text() + ", default 1)")
        ->check(cli_args::probe_area_cm2());
    cmd->add_option("--capture", args->capture_path,
                    "Record the raw wire bytes to this file (for `replay` and bug reports)");
    cmd->add_option("--flow", args->flow, "Flow control")
        ->check(CLI::IsMember({"none", "hardware", "software"}));
    cmd->add_flag("--no-reconnect", args->no_reconnect,
                  "Stop when the device is unplugged instead of waiting for it");
    cmd->callback([args] { run_stream(*args); });
}
