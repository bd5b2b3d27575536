// algoscope-cli hold: a sustained trigger-point hold (or a set of them) headless, run by
// algocore's TreatmentSession (the engine the Treatment page shows), from a literature
// prescription or a band given in kPa or in % of the point's stored PPT. Each hold is stored
// with its trace, the prescription, its limit and its dose, exactly as the GUI stores it; one
// JSON line per stored hold.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "HoldCommand.h"
#include "algocore/export/HoldJson.h"
#include "algocore/protocols/PrescriptionJson.h"
#include "algoinput/JsonText.h"

namespace cli_hold {

using namespace algocore;
using cli_measuring::Failure;

namespace {

constexpr int kExitNoThreshold = 3;

protocols::Prescription prescription_of(const Options& o) {
    protocols::Prescription p;
    if (!o.prescription.empty()) {
        const auto preset = protocols::prescription_preset(o.prescription);
        if (!preset) {
            std::string names;
            for (const auto& known : protocols::Prescription::presets())
                names += (names.empty() ? "" : ", ") + known.name;
            throw Failure{cli_measuring::kExitBadArgument,
                          "unknown prescription " + cli_measuring::quoted(o.prescription) + " (" +
                              names + ")"};
        }
        p = *preset;
        if (!o.band.empty())
            throw Failure{cli_measuring::kExitBadArgument,
                          "--band and --prescription exclude each other"};
    } else {
        if (o.band.empty())
            throw Failure{cli_measuring::kExitBadArgument,
                          "give --band LOW:HIGH or --prescription NAME"};
        const auto colon = o.band.find(':');
        double low = NAN, high = NAN;
        try {
            if (colon == std::string::npos) throw std::invalid_argument("no colon");
            low = std::stod(o.band.substr(0, colon));
            high = std::stod(o.band.substr(colon + 1));
        } catch (const std::exception&) {
            throw Failure{cli_measuring::kExitBadArgument,
                          "--band must be LOW:HIGH (e.g. 300:400, or 90:110 with "
                          "--relative-to-ppt), not " +
                              cli_measuring::quoted(o.band)};
        }
        if (!std::isfinite(low) || !std::isfinite(high))
            throw Failure{cli_measuring::kExitBadArgument, "--band needs finite numbers"};
        if (!(o.duration_s > 0.0))
            throw Failure{cli_measuring::kExitBadArgument,
                          "--duration (time in band, s) is required with --band"};
        p = o.relative_to_ppt ? protocols::Prescription::relative_to_ppt(low, high, o.duration_s)
                              : protocols::Prescription::absolute(low, high, o.duration_s);
    }
    if (o.duration_s != 0.0) {
        if (!std::isfinite(o.duration_s) || o.duration_s <= 0.0 || o.duration_s > 3600.0)
            throw Failure{cli_measuring::kExitBadArgument, "--duration must be 0-3600 s"};
        p.hold_s = o.duration_s;
    }
    if (o.limit_kpa != 0.0) {
        if (!std::isfinite(o.limit_kpa) || o.limit_kpa <= 0.0)
            throw Failure{cli_measuring::kExitBadArgument,
                          "--limit must be a pressure above 0 kPa"};
        p.limit = protocols::PressureRef{protocols::PressureAnchor::Absolute, o.limit_kpa};
    }
    if (const auto check = p.validate(); !check.ok())
        throw Failure{cli_measuring::kExitBadArgument, check.field + ": " + check.reason};
    return p;
}

} // namespace

void run(const Options& o, session::Workbench& wb, const cli_measuring::FrameSource& frames,
         const cli_measuring::Connect& connect, std::ostream& out, std::ostream& err) {
    cli_measuring::check_common(o.common, true);
    if (o.pain != -1 && (o.pain < 0 || o.pain > 10))
        throw Failure{cli_measuring::kExitBadArgument, "--pain must be a whole number 0-10"};
    const protocols::Prescription prescription = prescription_of(o);

    const records::Site site = cli_measuring::prepare(wb, o.common, "therapist", true);
    records::BodySide side{};
    records::parse_side(o.common.side, side);
    auto& treatment = wb.treatment();
    treatment.set_prescription(prescription);
    treatment.select_point(site, side);
    // The point's thresholds are read on the storage thread; wait for them here (a CLI may).
    for (int i = 0; i < 2000 && !treatment.thresholds_known(); ++i) {
        wb.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const auto resolved = treatment.resolved();
    if (!resolved.check.ok()) {
        if (resolved.missing)
            throw Failure{kExitNoThreshold,
                          std::string("no stored ") + protocols::to_words(*resolved.missing) +
                              " for subject " + o.common.subject + " at " + site.key + " " +
                              records::to_letter(treatment.side()) +
                              ": measure it first (algoscope-cli ppt, or the Thresholds page)"};
        throw Failure{cli_measuring::kExitBadArgument, resolved.check.reason};
    }
    if (connect) connect(wb);
    if (std::string problem = treatment.start(wb.session_now_s().value_or(0.0)); !problem.empty())
        throw Failure{cli_measuring::kExitBadArgument, problem};
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                              std::chrono::duration<double>(o.common.timeout_s));
    while (treatment.running()) {
        if (std::chrono::steady_clock::now() > deadline) {
            treatment.stop(wb.latest_sample_t_s());
            err << "algoscope-cli hold: stopped after " << o.common.timeout_s << " s\n";
            break;
        }
        const bool more = frames(wb);
        for (const auto& prompt : treatment.take_prompts())
            err << "algoscope-cli hold: " << session::to_string(prompt.kind) << " at " << prompt.t_s
                << " s\n";
        if (!more) {
            treatment.stop(wb.latest_sample_t_s());
            break;
        }
    }
    // The last hold carries the pain rating given on the command line.
    if (treatment.pending())
        treatment.save_pending(o.pain >= 0 ? std::optional<int>(o.pain) : std::nullopt);
    treatment.close();
    auto* storage = wb.storage();
    if (!storage->flush(std::chrono::seconds(10)))
        cli_measuring::fail_not_stored(wb,
                                       "the hold was not committed: " + storage->status().message);
    for (const auto& h : storage->holds_of(wb.visit().session_id()))
        out << algoinput::json_text(exporting::hold_json(h, site.key)) << std::endl;
    cli_measuring::close_or_fail(wb);
}

} // namespace cli_hold

void register_hold_command(CLI::App& app) {
    auto o = std::make_shared<cli_hold::Options>();
    CLI::App* cmd = app.add_subcommand(
        "hold", "Run a sustained trigger-point hold headless. Exit 2 bad argument, 3 no stored "
                "threshold or device, 4 not stored");
    cli_measuring::add_common_options(cmd, o->common, true);
    cmd->add_option("--band", o->band, "LOW:HIGH in kPa (or % of PPT with --relative-to-ppt)");
    cmd->add_flag("--relative-to-ppt", o->relative_to_ppt,
                  "LOW and HIGH are percentages of the stored PPT of this site and side");
    cmd->add_option("--prescription", o->prescription,
                    "Literature preset: ppt_90s, hou_2002_midpoint, de_meulemeester_2017, "
                    "simons_barrier_release");
    cmd->add_option("--duration", o->duration_s, "Time in band to hold, s (overrides a preset's)");
    cmd->add_option("--limit", o->limit_kpa, "Over-pressure limit, kPa (ends the hold)");
    cmd->add_option("--pain", o->pain, "Pain rating 0-10 stored with the hold");
    cmd->add_flag("--json", o->json, "JSON output (always JSON)");
    cmd->callback([o] {
        cli_measuring::run_guarded("hold", [&] {
            algocore::session::WorkbenchOptions options;
            options.calibration_root = o->common.calibrations;
            algocore::session::Workbench wb(options);
            const auto connect = [o](algocore::session::Workbench& bench) {
                cli_measuring::connect_device(bench, o->common);
            };
            cli_hold::run(*o, wb, cli_measuring::device_frames(), connect, std::cout, std::cerr);
            wb.disconnect();
        });
    });
}
