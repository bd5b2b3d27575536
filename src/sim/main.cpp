// algoscope-sim: a simulated Algoscope algometer on a pseudo-terminal. Prints "pty: <path>"
// first, then streams like the real device until Ctrl-C, SIGTERM or --duration.
#include <CLI/CLI.hpp>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <mutex>

#include "algoargs/Arguments.h"
#include "algosim/SimulatedAlgometer.h"
#include "algoversion/Version.h"

namespace {

constexpr const char* kFooter = R"(Scenarios:
  ppt-ramp        pressure-pain threshold trials, repeated: rest 3 s, ramp at ~50 kPa/s
                  (+-10 %), the patient presses the button at ~400 kPa (+-15 %), the
                  examiner reacts within 0.25 s and lifts the probe over 1 s.
  sustained-hold  trigger-point release, repeated: ramp at ~60 kPa/s into the 300-400 kPa
                  band, hold 90 s while the tissue releases (slow decay) with step-ups back
                  to the target, release, rest 5 s.
  release-marks   sustained holds at 350 kPa, repeated: releases (a 2 %/s fall for 3 s,
                  then the slack taken up) at 8, 20, 40 and 52 s into the hold; the
                  operator button marks "release felt" at 8.5, 20.5, 32 (no release there)
                  and 52.5 s. Played exactly (no tremor or drift): the release detector
                  should find each release 2.3 s after it begins.
  idle            probe at rest: zero pressure, load-cell noise only.
  ppt-ramp and sustained-hold add hand tremor (8-12 Hz, a few kPa) and slow drift; all randomness
  follows --seed, so a seed reproduces a run.

Scenario file (--scenario-file), CSV keyframes:
  t_s,pressure_kpa,patient_button,operator_button
  0,0,0,0
  8,400,1,0
  9,0,0,0
  Pressure is interpolated linearly between keyframes; buttons (0/1) hold from their
  keyframe to the next; after the last keyframe its state holds. t_s must increase.
  Blank lines and lines starting with # are ignored. The file is played exactly (no
  tremor or drift); load-cell noise is added. A bad file is refused with its line/column.

Device: protocol v1.1 (see firmware-protocol/SPEC.md), 8000 counts/N, zero offset 21500
counts, full scale 250 N, serial number SIM-<seed in hex>, an LED and a buzzer for
reaction-time cues. Without --autostart the device waits for the host's START;
--rate/--batch set the power-up (autostart) rate and batch.

Reaction time: when the host asks for a cue (CUE), the simulated subject presses the
patient button after a reaction time drawn from a normal distribution, --reaction-ms
MEAN[:SD] (default 250, SD 0), and holds it 200 ms. The device stamps cue and press in its
own clock, as the real firmware does.

Faults: --drop-rate/--corrupt-rate act on every device->host byte. --disconnect-at closes
the pty (the device vanishes; with --link the link is removed); --reconnect-after brings it
back as a new pty at the same --link path (the firmware keeps running meanwhile, so the
host sees an index gap). --power-cycle-at restarts the firmware: sequence numbers and
sample indices restart, DEVICE_INFO is sent again, and streaming stops unless --autostart.

Output: the first stdout line is "pty: <path>"; later lines report events
("disconnected", "reconnected: pty: <path>", "power-cycled"); a summary goes to stderr at
exit. Exit status: 0 after SIGINT/SIGTERM/--duration, 2 for a bad argument or scenario
file, 1 when the pty cannot be created.

Example:
  algoscope-sim --autostart --rate 1000 --scenario ppt-ramp --link /tmp/algometer)";

std::mutex output_mutex;

void print_line(const std::string& line) {
    std::lock_guard lock(output_mutex);
    std::cout << line << std::endl; // endl: a reader on a pipe sees each line at once
}

// SIGINT/SIGTERM are blocked in every thread and collected here, so the simulator thread is
// never interrupted and shutdown is an ordinary stop().
int wait_for_signal_or(const sigset_t& signals, double duration_s) {
    const auto start = std::chrono::steady_clock::now();
    while (true) {
        const timespec poll_interval{0, 100'000'000};
        const int signal = sigtimedwait(&signals, nullptr, &poll_interval);
        if (signal > 0) return signal;
        if (duration_s > 0 &&
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() >=
                duration_s) {
            return 0;
        }
    }
}

} // namespace

int main(int argc, char** argv) {
    // Block first, so a signal that arrives while starting up waits for the clean shutdown.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    CLI::App app{"algoscope-sim: a simulated Algoscope pressure algometer on a pseudo-terminal.\n"
                 "Runs the reference firmware on a simulated load cell and hand; open the printed "
                 "pty\n(or --link PATH) in Algoscope like a USB serial algometer.",
                 "algoscope-sim"};
    app.set_version_flag("--version", "algoscope-sim " + std::string(algoversion::version()));
    app.footer(kFooter);
    app.get_formatter()->column_width(30);

    algosim::SimulatedAlgometerOptions options;
    double drop_rate = 0.0, corrupt_rate = 0.0;
    double disconnect_at_s = -1, reconnect_after_s = -1, power_cycle_at_s = -1;
    double duration_s = 0;
    std::string reaction_text;

    app.add_option("--rate", options.rate_hz, "Sample rate at power-up (autostart), Hz")
        ->type_name("HZ")
        ->check(CLI::Range(16, 2000))
        ->capture_default_str();
    app.add_option("--batch", options.batch,
                   "Samples per SAMPLES frame at power-up (default: about 50 frames/s)")
        ->type_name("N")
        ->check(CLI::Range(1, 79));
    app.add_option("--seed", options.seed, "Seed of all randomness (noise, tremor, faults)")
        ->type_name("N")
        ->capture_default_str();
    app.add_flag("--autostart", options.autostart,
                 "Stream SAMPLES from power-up without waiting for START");
    auto* scenario = app.add_option("--scenario", options.scenario, "Built-in scenario")
                         ->type_name("NAME")
                         ->check(CLI::IsMember(algosim::SimulatedAlgometer::scenario_names()))
                         ->capture_default_str();
    app.add_option("--scenario-file", options.scenario_file,
                   "CSV keyframe scenario (t_s,pressure_kpa,patient_button,operator_button)")
        ->type_name("FILE")
        ->check(CLI::ExistingFile)
        ->excludes(scenario);
    app.add_option("--probe-area", options.probe_area_cm2, "Probe tip area, cm2")
        ->type_name("CM2")
        ->check(cli_args::probe_area_cm2())
        ->capture_default_str();
    app.add_option("--reaction-ms", reaction_text,
                   "The subject answers the device's cue after MEAN ms (normal, SD ms), "
                   "default 250")
        ->type_name("MEAN[:SD]");
    app.add_option("--link", options.link_path,
                   "Also create a symlink to the device at PATH (removed at exit)")
        ->type_name("PATH");
    app.add_option("--drop-rate", drop_rate, "Probability that a device->host byte is lost")
        ->type_name("P")
        ->check(cli_args::probability());
    app.add_option("--corrupt-rate", corrupt_rate,
                   "Probability that a device->host byte gets one bit flipped")
        ->type_name("P")
        ->check(cli_args::probability());
    auto* disconnect = app.add_option("--disconnect-at", disconnect_at_s,
                                      "Close the pty (device vanishes) S seconds after start")
                           ->type_name("S")
                           ->check(cli_args::non_negative_seconds());
    app.add_option("--reconnect-after", reconnect_after_s,
                   "After the disconnect, come back S seconds later at the same --link")
        ->type_name("S")
        ->check(cli_args::non_negative_seconds())
        ->needs(disconnect);
    app.add_option("--power-cycle-at", power_cycle_at_s,
                   "Restart the firmware S seconds after start")
        ->type_name("S")
        ->check(cli_args::non_negative_seconds());
    app.add_option("--duration", duration_s,
                   "Stop by itself after S seconds (default: run until "
                   "Ctrl-C/SIGTERM)")
        ->type_name("S")
        ->check(cli_args::positive_seconds());

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // CLI11 uses its own codes for parse errors; the documented status of a bad
        // argument is 2.
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    if (!reaction_text.empty()) {
        if (const std::string error = algosim::parse_reaction_time(reaction_text, options.reaction);
            !error.empty()) {
            std::cerr << "algoscope-sim: " << error << "\n";
            return 2;
        }
    }
    options.faults.drop_rate = drop_rate;
    options.faults.corrupt_rate = corrupt_rate;
    if (disconnect_at_s >= 0) options.faults.disconnect_at_s = disconnect_at_s;
    if (reconnect_after_s >= 0) options.faults.reconnect_after_s = reconnect_after_s;
    if (power_cycle_at_s >= 0) options.faults.power_cycle_at_s = power_cycle_at_s;
    options.on_event = print_line;

    if (const std::string error = algosim::SimulatedAlgometer::validate(options); !error.empty()) {
        std::cerr << "algoscope-sim: " << error << "\n";
        return 2;
    }

    algosim::SimulatedAlgometer simulator(options);
    if (const std::string error = simulator.start(); !error.empty()) {
        std::cerr << "algoscope-sim: " << error << "\n";
        // A refused scenario file is a bad argument; anything else is the system's fault.
        return options.scenario_file.empty() ? 1 : 2;
    }
    print_line("pty: " + simulator.os_device_path());
    std::cerr << "algoscope-sim: "
              << (options.scenario_file.empty() ? options.scenario : options.scenario_file)
              << (options.autostart ? ", streaming " + std::to_string(options.rate_hz) + " Hz"
                                    : ", waiting for START")
              << (options.link_path.empty() ? "" : ", link " + options.link_path)
              << "; Ctrl-C to stop" << std::endl;

    const auto started = std::chrono::steady_clock::now();
    const int signal = wait_for_signal_or(signals, duration_s);
    simulator.stop();

    const auto stats = simulator.stats();
    const double ran_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr,
                 "algoscope-sim: stopped (%s) after %.1f s: %llu samples, %llu bytes sent, %llu "
                 "received, %llu bytes refused by a full UART buffer, %llu dropped, %llu "
                 "corrupted, %u power cycles, %u disconnects\n",
                 signal == SIGINT    ? "SIGINT"
                 : signal == SIGTERM ? "SIGTERM"
                                     : "duration",
                 ran_s, static_cast<unsigned long long>(stats.samples_taken),
                 static_cast<unsigned long long>(stats.bytes_sent),
                 static_cast<unsigned long long>(stats.bytes_received),
                 static_cast<unsigned long long>(stats.tx_overflow_bytes),
                 static_cast<unsigned long long>(stats.bytes_dropped),
                 static_cast<unsigned long long>(stats.bytes_corrupted), stats.power_cycles,
                 stats.disconnects);
    return 0;
}
