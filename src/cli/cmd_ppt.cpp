// algoscope-cli ppt: a pain-pressure-threshold series headless, run by algocore's PptSession
// (the same engine the Thresholds page shows). The threshold comes from the device's patient
// button; each trial is committed with its raw trace when it ends, and a JSON line is printed
// only once it is committed. Retest prompts are accepted (the trial is repeated).
#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "PptCommand.h"
#include "algoinput/JsonText.h"

namespace cli_ppt {

using namespace algocore;
using cli_measuring::Failure;

namespace {

constexpr std::chrono::seconds kCommitWait{10};

nlohmann::json trial_line(const session::PptSession& ppt, const session::PptTrialRow& row) {
    const auto& r = row.trial.result;
    nlohmann::json line = {{"trial", row.number},
                           {"ppt_kpa", r.ppt_kpa},
                           {"rate_kpa_s", r.rate_kpa_s},
                           {"valid", r.valid},
                           {"counted", row.trial.counted},
                           {"outcome", protocols::to_string(r.end)},
                           {"flags", protocols::flags_to_string(r.flags)},
                           {"samples", row.trial.trace.size()},
                           {"record_id", row.record_id}};
    line["rest_s"] = row.trial.rest_s ? nlohmann::json(*row.trial.rest_s) : nlohmann::json(nullptr);
    // What the pressure was doing in the last second before the button (null: no button).
    line["rate_at_button_kpa_s"] =
        r.rate_at_button_kpa_s ? nlohmann::json(*r.rate_at_button_kpa_s) : nlohmann::json(nullptr);
    // An estimate beside the threshold, with the subject's reaction time (null without one).
    const auto adjusted = ppt.rt_adjusted_kpa(row);
    line["ppt_rt_adjusted_kpa"] = adjusted ? nlohmann::json(*adjusted) : nlohmann::json(nullptr);
    return line;
}

// The change against the previous session with the MDC that judged it: where that MDC came
// from ("this lab" or "built-in default") and its provenance line, as `history --json` says.
nlohmann::json change_json(const session::PptPointResult& result) {
    if (!result.change || !result.mdc) return nullptr;
    const auto& c = *result.change;
    return {
        {"from_kpa", c.previous_kpa},     {"to_kpa", c.current_kpa},
        {"change_kpa", c.change_kpa},     {"change_pct", c.change_pct},
        {"mdc_kpa", c.mdc_kpa},           {"mdc_source", history::to_string(result.mdc->origin)},
        {"mdc_provenance", c.mdc_source}, {"verdict", protocols::to_string(c.verdict)}};
}

} // namespace

void run(const Options& o, session::Workbench& wb, const cli_measuring::FrameSource& frames,
         const cli_measuring::Connect& connect, std::ostream& out, std::ostream& err) {
    protocols::PptPreset preset;
    if (!protocols::PptPreset::by_name(o.preset, preset))
        throw Failure{cli_measuring::kExitBadArgument, "unknown preset " +
                                                           cli_measuring::quoted(o.preset) +
                                                           " (dfns, fischer, tolerance)"};
    if (o.trials != 0) {
        if (o.trials < 1 || o.trials > 20)
            throw Failure{cli_measuring::kExitBadArgument, "--trials must be 1 to 20"};
        preset.trials = o.trials;
    }
    if (const auto check = preset.validate(); !check.ok())
        throw Failure{cli_measuring::kExitBadArgument, check.field + ": " + check.reason};
    cli_measuring::check_common(o.common, true);

    const records::Site site = cli_measuring::prepare(wb, o.common, "researcher", true);
    records::BodySide side{};
    records::parse_side(o.common.side, side);
    auto& ppt = wb.thresholds();
    ppt.set_preset(preset);
    ppt.select_point(site, side);

    if (connect) connect(wb);
    double now_s = wb.session_now_s().value_or(wb.latest_sample_t_s());
    if (std::string problem = ppt.start_trial(now_s); !problem.empty())
        throw Failure{cli_measuring::kExitBadArgument, problem};

    const auto report = [&](const std::vector<session::PptTrialRow>& rows) {
        for (const auto& row : rows) {
            if (row.record_id == records::kNoRecord ||
                !wb.storage()->wait_committed(row.ticket, kCommitWait)) {
                const std::string why = wb.storage() && !wb.storage()->status().message.empty()
                                            ? wb.storage()->status().message
                                            : wb.visit().last_problem();
                cli_measuring::fail_not_stored(wb, "trial " + std::to_string(row.number) +
                                                       " not committed: " + why);
            }
            if (row.trial.result.flags & protocols::kShortRest) {
                err << "algoscope-cli ppt: trial " << row.number << " began "
                    << static_cast<int>(row.trial.rest_s.value_or(0.0) + 0.5)
                    << " s after the last one (the preset rests " << preset.inter_trial_s
                    << " s): recorded, flagged short_rest, not counted\n";
            }
            out << algoinput::json_text(trial_line(ppt, row)) << std::endl;
        }
    };

    // Armed while the probe is loaded, the trial waits for the baseline: say so once per wait,
    // and print each press during the wait as an event (it is no trial, and never nothing).
    bool said_wait = false;
    const auto say_waiting = [&] {
        if (const auto wait = ppt.baseline_wait()) {
            if (!said_wait) err << "algoscope-cli ppt: " << protocols::to_words(*wait) << "\n";
            said_wait = true;
        } else {
            said_wait = false;
        }
        for (const protocols::PressWhileLoaded& press : ppt.take_presses_while_loaded()) {
            err << "algoscope-cli ppt: " << protocols::to_words(press) << "\n";
            const nlohmann::json event = {{"event", "pressed_while_loaded"},
                                          {"t_s", press.t_s},
                                          {"pressure_kpa", press.pressure_kpa}};
            out << algoinput::json_text(event) << std::endl;
        }
    };

    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                              std::chrono::duration<double>(o.common.timeout_s));
    for (;;) {
        if (std::chrono::steady_clock::now() > deadline) {
            ppt.close();
            report(ppt.take_stored());
            // The point's result counts every stored series there, closed ones too.
            throw Failure{cli_measuring::kExitTimedOut,
                          "timed out after " + std::to_string(o.common.timeout_s) + " s with " +
                              std::to_string(ppt.result().summary.n) +
                              " counted trials (each one above is stored)"};
        }
        const bool more = frames(wb);
        now_s = wb.session_now_s().value_or(wb.latest_sample_t_s());
        say_waiting();
        report(ppt.take_stored());
        const session::PptRunState run = ppt.run_state();
        if (run.series == protocols::PptSeriesState::RetestPrompt) ppt.answer_retest(true, now_s);
        if (run.over || !more) break;
    }
    ppt.close();
    report(ppt.take_stored());
    // The previous threshold and the lab's MDC were asked for before the first trial; every
    // commit waited for above came after that read, so its answer is waiting here.
    wb.inbox().deliver();
    const auto result = ppt.result();
    nlohmann::json line = {{"site", site.key},
                           {"side", records::to_letter(ppt.side())},
                           {"subject", o.common.subject},
                           {"session", wb.visit().session_id()},
                           {"preset", preset.name},
                           {"n", result.summary.n},
                           {"mean_kpa", result.summary.mean_kpa},
                           {"sd_kpa", result.summary.sd_kpa},
                           {"cv_pct", result.summary.cv_pct},
                           {"reported_kpa", result.summary.reported_kpa},
                           {"complete", result.summary.n >= preset.trials},
                           {"change", change_json(result)}};
    line["reaction_time_ms"] =
        ppt.reaction_time_ms() ? nlohmann::json(*ppt.reaction_time_ms()) : nlohmann::json(nullptr);
    out << algoinput::json_text(line) << std::endl;
    cli_measuring::close_or_fail(wb);
}

} // namespace cli_ppt

void register_ppt_command(CLI::App& app) {
    auto o = std::make_shared<cli_ppt::Options>();
    CLI::App* cmd = app.add_subcommand(
        "ppt", "Measure a pain-pressure threshold series headless (patient button = threshold). "
               "Exit 2 bad argument, 3 device, 4 not stored, 5 timed out");
    cli_measuring::add_common_options(cmd, o->common, true);
    cmd->add_option("--trials", o->trials, "Counted trials (default from the preset)");
    cmd->add_option("--preset", o->preset, "dfns, fischer or tolerance");
    cmd->add_flag("--json", o->json, "JSON lines (the output is always JSON lines)");
    cmd->callback([o] {
        cli_measuring::run_guarded("ppt", [&] {
            algocore::session::WorkbenchOptions options;
            options.calibration_root = o->common.calibrations;
            algocore::session::Workbench wb(options);
            const auto connect = [o](algocore::session::Workbench& bench) {
                cli_measuring::connect_device(bench, o->common);
            };
            cli_ppt::run(*o, wb, cli_measuring::device_frames(), connect, std::cout, std::cerr);
            wb.disconnect();
        });
    });
}
