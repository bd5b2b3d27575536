// algoscope-cli hold: a sustained hold headless in an absolute band or one relative to the
// stored PPT of the point; prints the dose as one JSON line and stores the hold with its trace.
#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "SessionSetup.h"
#include "algocore/protocols/HoldEngine.h"

namespace {

struct HoldOptions {
    std::string port, db, subject, site, side, band;
    bool relative_to_ppt = false;
    double duration_s = 60.0;
    double probe_cm2 = 1.0;
    double timeout_s = 900.0;
    bool json = false;
};

using namespace algocore;

void run_hold(const HoldOptions& o) {
    const std::string cmd = "hold";
    const auto colon = o.band.find(':');
    double low = 0.0, high = 0.0;
    try {
        if (colon == std::string::npos) throw std::invalid_argument("no colon");
        low = std::stod(o.band.substr(0, colon));
        high = std::stod(o.band.substr(colon + 1));
    } catch (const std::exception&) {
        cli_session::fail(cmd,
                          "--band must be LOW:HIGH (e.g. 300:400, or 90:110 with "
                          "--relative-to-ppt), not '" +
                              o.band + "'",
                          2);
    }
    auto m = cli_session::open_measuring(cmd, o.db, o.subject, o.site, o.side);
    protocols::HoldConfig config;
    if (o.relative_to_ppt) {
        const auto ppt =
            m.db->latest_threshold(m.subject.id, m.site.id, m.side, storage::TrialMeasure::Ppt);
        if (!ppt) {
            cli_session::fail(cmd,
                              "no stored PPT for subject " + m.subject.code + " at " + m.site.key +
                                  " " + storage::to_letter(m.side) +
                                  ": measure it first (algoscope-cli ppt)",
                              3);
        }
        config.band.low_kpa = ppt->mean_kpa * low / 100.0;
        config.band.high_kpa = ppt->mean_kpa * high / 100.0;
    } else {
        config.band.low_kpa = low;
        config.band.high_kpa = high;
    }
    config.hold_s = o.duration_s;
    if (const auto check = config.validate(); !check.ok()) {
        cli_session::fail(cmd, check.field + ": " + check.reason, 2);
    }
    AcquisitionConfig acq;
    acq.port = o.port;
    acq.probe_area_cm2 = o.probe_cm2;
    Acquisition acquisition(acq);
    std::string error;
    if (!acquisition.start(&error)) cli_session::fail(cmd, error, 3);
    cli_session::begin_session(m, o.probe_cm2);

    protocols::HoldEngine engine(config);
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::duration<double>(o.timeout_s);
    while (!engine.finished()) {
        if (std::chrono::steady_clock::now() > deadline) {
            double last_t_s = engine.trace().empty() ? 0.0 : engine.trace().back().t_s;
            engine.stop(last_t_s);
            std::cerr << "algoscope-cli hold: stopped after " << o.timeout_s << " s\n";
            break;
        }
        bool any = false;
        while (auto sample = acquisition.samples().pop()) {
            any = true;
            engine.feed(*sample);
            if (engine.finished()) break;
        }
        while (acquisition.events().pop()) {
        }
        if (!any) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    acquisition.stop();
    const auto dose = engine.metrics();
    storage::Hold hold;
    hold.session_id = m.session_id;
    hold.site_id = m.site.id;
    hold.side = m.side;
    hold.prescription = nlohmann::json{
        {"band", o.band},
        {"relative_to_ppt", o.relative_to_ppt},
        {"hold_s",
         o.duration_s}}.dump();
    hold.band_low_kpa = config.band.low_kpa;
    hold.band_high_kpa = config.band.high_kpa;
    hold.target_hold_s = o.duration_s;
    hold.outcome = protocols::to_string(engine.state());
    hold.probe_cm2 = o.probe_cm2;
    hold.calibration_id = acquisition.status().calibration_id;
    hold.start_t_s = engine.trace().empty() ? 0.0 : engine.trace().front().t_s;
    hold.metrics = {dose.duration_s, dose.time_in_band_s, dose.time_in_band_pct, dose.mean_kpa,
                    dose.median_kpa, dose.pti_kpa_s,      dose.peak_kpa,         dose.cv_pct,
                    dose.excursions, dose.overshoots};
    for (const auto& s : engine.step_ups()) {
        hold.step_ups.push_back({s.t_prompt_s, s.t_s, s.before_kpa, s.after_kpa});
    }
    const auto written = m.db->record_hold(hold, storage::to_trace(engine.trace()));
    if (!m.db->wait_committed(written.ticket, std::chrono::seconds{10})) {
        cli_session::fail(cmd, "the hold was not committed: " + m.db->status().message, 4);
    }
    nlohmann::json line = {{"duration_s", dose.duration_s},
                           {"time_in_band_s", dose.time_in_band_s},
                           {"time_in_band_pct", dose.time_in_band_pct},
                           {"mean_kpa", dose.mean_kpa},
                           {"median_kpa", dose.median_kpa},
                           {"pti_kpa_s", dose.pti_kpa_s},
                           {"peak_kpa", dose.peak_kpa},
                           {"cv_pct", dose.cv_pct},
                           {"excursions", dose.excursions},
                           {"step_ups", dose.step_ups},
                           {"band_low_kpa", config.band.low_kpa},
                           {"band_high_kpa", config.band.high_kpa},
                           {"outcome", hold.outcome},
                           {"hold_id", written.id}};
    std::cout << line.dump() << std::endl;
    m.db->close();
}

} // namespace

void register_hold_command(CLI::App& app) {
    auto o = std::make_shared<HoldOptions>();
    CLI::App* cmd = app.add_subcommand("hold", "Run a sustained trigger-point hold headless");
    cmd->add_option("--port", o->port, "Serial port of the algometer")->required();
    cmd->add_option("--db", o->db, "Database file")->required();
    cmd->add_option("--subject", o->subject, "Pseudonymous subject code")->required();
    cmd->add_option("--site", o->site, "Site key or name")->required();
    cmd->add_option("--side", o->side, "L or R")->required();
    cmd->add_option("--band", o->band, "LOW:HIGH in kPa (or % of PPT)")->required();
    cmd->add_flag("--relative-to-ppt", o->relative_to_ppt,
                  "LOW and HIGH are percentages of the stored PPT of this site and side");
    cmd->add_option("--duration", o->duration_s, "Time in band to hold, s")->required();
    cmd->add_option("--probe-cm2", o->probe_cm2, "Probe area, cm² (default 1)");
    cmd->add_option("--timeout", o->timeout_s, "Stop after this many seconds (default 900)");
    cmd->add_flag("--json", o->json, "JSON output (always JSON)");
    cmd->callback([o] { run_hold(*o); });
}
