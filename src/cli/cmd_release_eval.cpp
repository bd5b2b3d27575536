// algoscope-cli release-eval: how well the release detector of the treatment page agrees
// with the therapist's "release felt" marks stored with each hold (sensitivity, positive
// predictive value, latency), hold by hold and over the study. The scoring is algocore's
// (analysis/StudyReleaseEvaluation.h); this file reads the options and prints.
#include <CLI/CLI.hpp>

#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "ReleaseEvalCommand.h"
#include "algocore/analysis/StudyReleaseEvaluation.h"
#include "algoinput/JsonText.h"
#include "algoinput/QuotedInput.h"

namespace cli_release_eval {

using namespace algocore;

namespace {

constexpr int kExitBadInput = 2;

std::string fraction(const std::optional<double>& value) {
    if (!value) return "-";
    std::ostringstream s;
    s << std::fixed << std::setprecision(2) << *value;
    return s.str();
}

std::string seconds(const std::optional<double>& value) {
    if (!value) return "-";
    std::ostringstream s;
    s << std::fixed << std::setprecision(2) << *value << " s";
    return s.str();
}

void print_score(const analysis::ReleaseScore& score, std::ostream& out) {
    out << score.marks << " marks, " << score.detections << " prompts, " << score.paired
        << " paired; sensitivity " << fraction(score.sensitivity) << ", PPV " << fraction(score.ppv)
        << ", latency median " << seconds(score.latency_median_s) << ", 90th percentile "
        << seconds(score.latency_p90_s) << "\n";
}

void print_text(const analysis::StudyReleaseEvaluation& e, std::ostream& out) {
    for (const analysis::HoldReleaseScore& h : e.holds) {
        out << "hold " << h.hold_id << "  " << algoinput::escape_input(h.subject_code) << "  "
            << h.session_started_utc << "  " << algoinput::escape_input(h.site_key) << " "
            << records::to_letter(h.side) << " #" << h.repetition << ": ";
        if (!h.scored)
            out << "no marks (" << h.score.detections << " prompts; not scored)\n";
        else
            print_score(h.score, out);
    }
    out << "Overall (" << e.holds_scored << " holds with marks, tolerance ±" << e.tolerance_s
        << " s): ";
    print_score(e.overall, out);
    if (e.holds_unlabelled > 0)
        out << e.holds_unlabelled << " holds without marks were not scored\n";
    if (e.holds_not_recorded > 0)
        out << e.holds_not_recorded
            << " holds were recorded before marks were stored and were left out\n";
}

} // namespace

int run(const Options& o, std::ostream& out, std::ostream& err) {
    const auto fail = [&err](const std::string& message) {
        err << "algoscope-cli release-eval: " << message << "\n";
        return kExitBadInput;
    };
    if (const std::string problem = cli_study::check_study_source(o.study); !problem.empty())
        return fail(problem);
    if (const std::string problem = analysis::check_release_tolerance(o.tolerance_s);
        !problem.empty())
        return fail("--tolerance-s: " + problem);
    auto opened = cli_study::open_for_reading(o.study);
    if (!opened.storage) return fail(opened.error);
    if (!opened.note.empty()) err << "algoscope-cli release-eval: " << opened.note << "\n";
    records::StudyData study;
    try {
        study = opened.storage->load_study();
    } catch (const std::exception& e) {
        return fail(o.study.name() + ": " + e.what());
    }
    const auto evaluation = analysis::evaluate_study_releases(study, o.tolerance_s);
    if (o.json) {
        for (const analysis::HoldReleaseScore& h : evaluation.holds)
            out << algoinput::json_text(analysis::hold_release_json(h)) << "\n";
        out << algoinput::json_text(analysis::overall_release_json(evaluation)) << std::endl;
    } else {
        print_text(evaluation, out);
    }
    return 0;
}

} // namespace cli_release_eval

void register_release_eval_command(CLI::App& app) {
    auto o = std::make_shared<cli_release_eval::Options>();
    CLI::App* cmd = app.add_subcommand(
        "release-eval", "Score the release detector against the stored 'release felt' marks: "
                        "sensitivity, PPV and latency per hold and overall. Exit 2 bad input");
    cli_study::add_study_options(cmd, o->study);
    cmd->add_option("--tolerance-s", o->tolerance_s,
                    "A prompt pairs with a mark up to this many seconds either side (default 5)");
    cmd->add_flag("--json", o->json,
                  "One JSON line per hold and a last line with the overall score");
    cmd->callback([o] {
        const int status = cli_release_eval::run(*o, std::cout, std::cerr);
        if (status != 0) throw CLI::RuntimeError(status);
    });
}
