// algoscope-cli ppt: a pain-pressure-threshold series headless. The threshold comes from the
// device's patient button; each trial is committed with its raw trace when it ends, and a
// JSON line is printed only once it is committed.
#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "SessionSetup.h"
#include "algocore/protocols/PptSeries.h"

namespace {

struct PptOptions {
    std::string port, db, subject, site, side;
    std::string preset = "dfns";
    int trials = 0;
    double probe_cm2 = 1.0;
    double timeout_s = 600.0;
    bool json = false;
};

using namespace algocore;

storage::Trial to_record(const protocols::PptSeriesTrial& t, const protocols::PptPreset& preset,
                         const cli_session::Measuring& m, double probe_cm2,
                         CalibrationId calibration) {
    storage::Trial r;
    r.session_id = m.session_id;
    r.site_id = m.site.id;
    r.side = m.side;
    r.measure =
        preset.name == "tolerance" ? storage::TrialMeasure::Tolerance : storage::TrialMeasure::Ppt;
    r.index = t.number;
    r.ppt_kpa = t.result.ppt_kpa;
    r.rate_kpa_s = t.result.rate_kpa_s;
    r.target_rate_kpa_s = preset.rate_kpa_s;
    r.probe_cm2 = probe_cm2;
    r.valid = t.result.valid;
    r.counted = t.counted;
    r.flags = t.result.flags;
    r.outcome = protocols::to_string(t.result.end);
    r.preset = preset.name;
    r.calibration_id = calibration;
    r.in_corridor_pct = t.result.in_corridor_pct;
    r.ramp_start_t_s = t.result.ramp_start_t_s;
    r.signal_t_s = t.result.t_signal_s;
    r.peak_kpa = t.result.peak_kpa;
    return r;
}

void run_ppt(const PptOptions& o) {
    const std::string cmd = "ppt";
    protocols::PptPreset preset;
    if (!protocols::PptPreset::by_name(o.preset, preset)) {
        cli_session::fail(cmd, "unknown preset '" + o.preset + "' (dfns, fischer, tolerance)", 2);
    }
    if (o.trials > 0) preset.trials = o.trials;
    if (const auto check = preset.validate(); !check.ok()) {
        cli_session::fail(cmd, check.field + ": " + check.reason, 2);
    }
    auto m = cli_session::open_measuring(cmd, o.db, o.subject, o.site, o.side);
    AcquisitionConfig config;
    config.port = o.port;
    config.probe_area_cm2 = o.probe_cm2;
    Acquisition acquisition(config);
    std::string error;
    if (!acquisition.start(&error)) cli_session::fail(cmd, error, 3);
    cli_session::begin_session(m, o.probe_cm2);

    protocols::PptSeries series(preset);
    std::optional<protocols::PptSeriesTrial> unrecorded;
    std::size_t recorded = 0;
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::duration<double>(o.timeout_s);
    double now_s = 0.0;
    auto commit = [&](const protocols::PptSeriesTrial& t) {
        const auto* trial = series.current_trial();
        const auto trace = storage::to_trace(trial ? trial->trace() : std::vector<Sample>{});
        const auto written = m.db->record_trial(
            to_record(t, preset, m, o.probe_cm2, acquisition.status().calibration_id), trace);
        if (!m.db->wait_committed(written.ticket, std::chrono::seconds{10})) {
            cli_session::fail(cmd,
                              "trial " + std::to_string(t.number) +
                                  " not committed: " + m.db->status().message,
                              4);
        }
        nlohmann::json line = {{"trial", t.number},
                               {"ppt_kpa", t.result.ppt_kpa},
                               {"rate_kpa_s", t.result.rate_kpa_s},
                               {"valid", t.result.valid},
                               {"counted", t.counted},
                               {"outcome", protocols::to_string(t.result.end)},
                               {"flags", protocols::flags_to_string(t.result.flags)},
                               {"samples", trace.samples.size()}};
        std::cout << line.dump() << std::endl;
    };
    while (series.state() != protocols::PptSeriesState::Complete || unrecorded ||
           recorded < series.trials().size()) {
        if (std::chrono::steady_clock::now() > deadline) {
            cli_session::fail(cmd,
                              "timed out after " + std::to_string(o.timeout_s) + " s with " +
                                  std::to_string(series.counted_trials()) + " counted trials",
                              5);
        }
        bool any = false;
        while (auto sample = acquisition.samples().pop()) {
            any = true;
            now_s = sample->t_s;
            series.feed(*sample);
        }
        while (auto event = acquisition.events().pop()) {
            if (event->kind == LinkEvent::Kind::Disconnected) {
                std::cerr << "algoscope-cli ppt: device disconnected: " << event->message << "\n";
            }
        }
        // Every finished trial is in trials(); record them in order, none twice.
        if (!unrecorded && recorded < series.trials().size()) {
            unrecorded = series.trials()[recorded++];
        }
        // A trial keeps its trace until the probe is released, then it is committed.
        const auto* current = series.current_trial();
        if (unrecorded && (current == nullptr || !current->recording())) {
            commit(*unrecorded);
            unrecorded.reset();
        }
        if (!unrecorded) {
            if (series.state() == protocols::PptSeriesState::RetestPrompt) {
                series.answer_retest(true, now_s);
            }
            if (series.state() == protocols::PptSeriesState::ReadyForTrial ||
                series.state() == protocols::PptSeriesState::InterTrial) {
                series.start_trial(now_s);
            }
        }
        if (!any) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    acquisition.stop();
    const auto summary = series.summary();
    nlohmann::json line = {{"site", m.site.key},           {"side", storage::to_letter(m.side)},
                           {"subject", m.subject.code},    {"session", m.session_id},
                           {"preset", preset.name},        {"n", summary.n},
                           {"mean_kpa", summary.mean_kpa}, {"sd_kpa", summary.sd_kpa},
                           {"cv_pct", summary.cv_pct},     {"reported_kpa", summary.reported_kpa}};
    std::cout << line.dump() << std::endl;
    if (m.db->close() != 0) cli_session::fail(cmd, "some records could not be written", 4);
}

} // namespace

void register_ppt_command(CLI::App& app) {
    auto o = std::make_shared<PptOptions>();
    CLI::App* cmd = app.add_subcommand(
        "ppt", "Measure a pain-pressure threshold series headless (patient button = threshold)");
    cmd->add_option("--port", o->port, "Serial port of the algometer")->required();
    cmd->add_option("--db", o->db, "Database file (created if missing)")->required();
    cmd->add_option("--subject", o->subject, "Pseudonymous subject code")->required();
    cmd->add_option("--site", o->site, "Site key or name (upper_trapezius, ...)")->required();
    cmd->add_option("--side", o->side, "L or R")->required();
    cmd->add_option("--trials", o->trials, "Counted trials (default from the preset)");
    cmd->add_option("--preset", o->preset, "dfns, fischer or tolerance");
    cmd->add_option("--probe-cm2", o->probe_cm2, "Probe area, cm² (default 1)");
    cmd->add_option("--timeout", o->timeout_s, "Give up after this many seconds (default 600)");
    cmd->add_flag("--json", o->json, "JSON lines (the output is always JSON lines)");
    cmd->callback([o] { run_ppt(*o); });
}
