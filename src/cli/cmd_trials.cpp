// algoscope-cli trials: corrections of stored trials. `trials exclude` takes a trial out of
// its point's threshold with a reason (examiner error, patient moved, ...): the trial is kept,
// flagged and shown everywhere, never counted, and the audit log records who, when and why.
// `trials reinstate` counts it again. Both go through algocore's Corrections, as the GUI does.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "Correcting.h"
#include "Measuring.h"
#include "algoargs/Arguments.h"
#include "algoinput/JsonText.h"

namespace {

struct TrialCorrection {
    std::string db;
    algocore::records::RecordId trial = algocore::records::kNoRecord;
    std::string reason;
    std::string by;
};

void run(const TrialCorrection& o, bool exclude) {
    algocore::session::Workbench wb;
    cli_correcting::open_existing(wb, o.db);
    const std::string who = cli_correcting::corrector(o.by);
    auto& corrections = wb.corrections();
    const auto request = exclude ? corrections.exclude_trial(o.trial, o.reason, who)
                                 : corrections.reinstate_trial(o.trial, o.reason, who);
    cli_correcting::wait_stored(wb, request);
    std::cout << algoinput::json_text(
                     nlohmann::json{{"trial_id", o.trial},
                                    {"excluded", exclude},
                                    {"reason", algocore::session::trimmed(o.reason)},
                                    {"by", who}})
              << std::endl;
}

void add_options(CLI::App* cmd, TrialCorrection& o, const char* reason_help) {
    cmd->add_option("--db", o.db, "The database")->required();
    cmd->add_option("--trial", o.trial, "Trial id (trial_id in history --json and the export)")
        ->required()
        ->check(cli_args::positive_count(1L << 53));
    cmd->add_option("--reason", o.reason, reason_help)->required();
    cmd->add_option("--by", o.by, "Who makes the correction (default: the login name)")
        ->check(cli_args::printable_name());
}

} // namespace

void register_trials_command(CLI::App& app) {
    CLI::App* trials =
        app.add_subcommand("trials", "Correct stored trials (audited; nothing is deleted)");
    trials->require_subcommand(1);
    auto excluded = std::make_shared<TrialCorrection>();
    CLI::App* exclude = trials->add_subcommand(
        "exclude", "Exclude a trial from its point's threshold with a reason; it is kept and "
                   "flagged (exit 2 refused, 4 not stored)");
    add_options(exclude, *excluded,
                "Why: examiner error, patient moved, patient misunderstood the instruction, "
                "probe slipped, device problem, wrong point, or your own words");
    exclude->callback([excluded] {
        cli_measuring::run_guarded("trials exclude", [&] { run(*excluded, true); });
    });
    auto reinstated = std::make_shared<TrialCorrection>();
    CLI::App* reinstate = trials->add_subcommand(
        "reinstate", "Count an excluded trial again (exit 2 refused, 4 not stored)");
    add_options(reinstate, *reinstated, "Why the exclusion is withdrawn");
    reinstate->callback([reinstated] {
        cli_measuring::run_guarded("trials reinstate", [&] { run(*reinstated, false); });
    });
}
