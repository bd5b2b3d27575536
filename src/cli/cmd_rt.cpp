// algoscope-cli rt: the subject's reaction-time test headless, run by algocore's
// ReactionTimeSession (the same engine the Thresholds page shows). A native device gives the
// cue itself (LED and buzzer) and stamps cue and press on its own clock; with another device
// this terminal gives it (a bell and a line on stderr) and the press is the device's patient
// button. The result is stored with the session, every cue and press with it.
#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "RtCommand.h"
#include "algoinput/JsonText.h"

namespace cli_rt {

using namespace algocore;
using cli_measuring::Failure;

namespace {

constexpr std::chrono::seconds kCommitWait{10};
constexpr std::chrono::seconds kIdentityWait{20};
constexpr int kMaxTrials = 50;

nlohmann::json optional_json(const std::optional<double>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json cue_line(const protocols::ReactionCue& cue) {
    return {{"cue", cue.number},
            {"outcome", protocols::to_string(cue.outcome)},
            {"cue_t_s", optional_json(cue.cue_t_s)},
            {"press_t_s", optional_json(cue.press_t_s)},
            {"reaction_ms", optional_json(cue.reaction_ms)}};
}

} // namespace

void run(const Options& o, session::Workbench& wb, const cli_measuring::FrameSource& frames,
         const cli_measuring::Connect& connect, std::ostream& out, std::ostream& err) {
    if (o.trials < 1 || o.trials > kMaxTrials)
        throw Failure{cli_measuring::kExitBadArgument, "--trials must be 1 to 50"};
    cli_measuring::check_common(o.common, false);
    protocols::ReactionTimeConfig config;
    config.trials = o.trials;
    // Cue intervals differ from one test to the next; the engine stays deterministic.
    config.seed = o.seed.value_or(
        static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()));
    cli_measuring::prepare(wb, o.common, "researcher", false);

    if (connect) connect(wb);
    // Whether the device gives cues is known once it has said who it is.
    const auto identity_until = std::chrono::steady_clock::now() + kIdentityWait;
    while (connect &&
           !(wb.status().link == AcquisitionStatus::Link::Connected && wb.status().identity)) {
        if (std::chrono::steady_clock::now() > identity_until)
            throw Failure{cli_measuring::kExitDevice, "the device did not answer within " +
                                                          std::to_string(kIdentityWait.count()) +
                                                          " s"};
        if (!frames(wb)) break;
        wb.refresh_status();
    }
    if (std::string problem = wb.start_reaction_test(config); !problem.empty())
        throw Failure{cli_measuring::kExitBadArgument, problem};
    auto& rt = wb.reaction();
    if (rt.source() == protocols::CueSource::Host)
        err << "algoscope-cli rt: this device gives no cue; the cue is a bell and a line here, "
               "the answer the device's patient button ("
            << protocols::cue_timing(protocols::CueSource::Host).note << ")\n";

    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                              std::chrono::duration<double>(o.common.timeout_s));
    bool timed_out = false;
    while (rt.running()) {
        if (std::chrono::steady_clock::now() > deadline) {
            timed_out = true;
            rt.stop();
            break;
        }
        const bool more = frames(wb);
        if (const auto cue = rt.take_host_cue()) {
            err << "\a>>> PRESS NOW <<<" << std::endl;
            rt.host_cue_shown(*cue, wb.session_now_s().value_or(wb.latest_sample_t_s()));
        }
        for (const auto& line : rt.take_new_lines())
            out << algoinput::json_text(cue_line(line)) << std::endl;
        if (!more) {
            rt.stop();
            break;
        }
    }
    for (const auto& line : rt.take_new_lines())
        out << algoinput::json_text(cue_line(line)) << std::endl;

    const auto stored = wb.reaction_record();
    if (stored.id == records::kNoRecord ||
        !wb.storage()->wait_committed(stored.ticket, kCommitWait))
        cli_measuring::fail_not_stored(wb, "the reaction-time test was not committed: " +
                                               wb.visit().last_problem());
    const auto& result = *rt.result();
    const auto& s = result.summary;
    nlohmann::json last = {{"subject", o.common.subject},
                           {"session", wb.visit().session_id()},
                           {"record_id", stored.id},
                           {"median_ms", optional_json(s.median_ms)},
                           {"iqr_ms", optional_json(s.iqr_ms)},
                           {"n", s.n},
                           {"anticipations", s.anticipations},
                           {"misses", s.misses},
                           {"lost_cues", s.lost_cues},
                           {"cue_source", protocols::to_string(s.cue_source)},
                           {"timing_uncertainty_ms", s.uncertainty_ms},
                           {"complete", s.complete}};
    out << algoinput::json_text(last) << std::endl;
    cli_measuring::close_or_fail(wb);
    if (timed_out)
        throw Failure{cli_measuring::kExitTimedOut,
                      "timed out after " + std::to_string(o.common.timeout_s) + " s with " +
                          std::to_string(s.n) + " counted answers (stored as incomplete)"};
}

} // namespace cli_rt

void register_rt_command(CLI::App& app) {
    auto o = std::make_shared<cli_rt::Options>();
    CLI::App* cmd = app.add_subcommand(
        "rt", "Measure the subject's reaction time (cue: the device's LED and buzzer when it has "
              "them, else this terminal's bell; answer: the patient button). Exit 2 bad "
              "argument, 3 device, 4 not stored, 5 timed out");
    cli_measuring::add_common_options(cmd, o->common, false);
    cmd->add_option("--trials", o->trials, "Counted answers after 2 practice ones (default 10)");
    cmd->add_option("--seed", o->seed,
                    "Seed of the random intervals between cues (default: a new one per test; "
                    "give one to repeat a test's cue times)");
    cmd->add_flag("--json", o->json, "JSON lines (the output is always JSON lines)");
    cmd->callback([o] {
        cli_measuring::run_guarded("rt", [&] {
            algocore::session::WorkbenchOptions options;
            options.calibration_root = o->common.calibrations;
            algocore::session::Workbench wb(options);
            const auto connect = [o](algocore::session::Workbench& bench) {
                cli_measuring::connect_device(bench, o->common);
            };
            cli_rt::run(*o, wb, cli_measuring::device_frames(), connect, std::cout, std::cerr);
            wb.disconnect();
        });
    });
}
