// algoscope-cli reliability: the six ICCs, SEM, MDC95, the repeatability coefficient and
// Bland-Altman agreement of a lab's own data, from a tidy CSV (subject,rater,value) or from
// stored sessions (raters = operators, or sessions = day 1, day 2, ...).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "StudySource.h"
#include "algocore/analysis/ReliabilityReport.h"
#include "algocore/session/ReliabilitySession.h"
#include "algocore/storage/OpenStorage.h"

namespace {

using namespace algocore;

constexpr int kExitBadInput = 2;

struct ReliabilityArgs {
    std::string csv;
    std::string db;
    std::string server; ///< the shared study instead of --db
    std::string site;
    std::string side = "L";
    std::string by = "session";
    int sessions = 2;
    std::string measure = "ppt";
    std::string pair;
    std::string sem = "sqrt-mse";
    std::string sem_icc = "ICC(2,1)";
    std::string interval = "psych";
    double loa_z = 1.96;
    bool json = false;
    bool save_mdc = false;
    bool mdc_both_sides = false;
};

[[noreturn]] void fail(const std::string& message) {
    std::cerr << "algoscope-cli reliability: " << message << "\n";
    throw CLI::RuntimeError(kExitBadInput);
}

// The readings of the chosen site, side and raters in the database or the shared study (read
// only: a reliability report never changes the study).
session::ReliabilityData data_from_study(const ReliabilityArgs& a) {
    if (a.site.empty())
        fail(std::string(a.server.empty() ? "--db" : "--server") + " needs --site KEY");
    analysis::StudyReliabilityQuery query;
    query.site_key = a.site;
    if (!records::parse_side(a.side, query.side))
        fail("--side wants L, R or M, got '" + a.side + "'");
    if (!analysis::parse_rater_grouping(a.by, query.by))
        fail("--by wants operator or session, got '" + a.by + "'");
    if (!records::parse_measure(a.measure, query.measure))
        fail("--measure wants ppt or tolerance, got '" + a.measure + "'");
    query.sessions = a.sessions;
    // The shared study sees every station's sessions, raters being operators by name across
    // stations.
    const cli_study::StudySource source{a.db, a.server};
    auto opened = cli_study::open_for_reading(source);
    if (!opened.storage) fail(opened.error);
    records::StudyData study;
    try {
        study = opened.storage->load_study();
    } catch (const std::exception& e) {
        fail(e.what());
    }
    opened.storage.reset();
    return session::ReliabilitySession::from_study(study, query, source.name());
}

session::ReliabilityData data_from_csv(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail("cannot open " + path);
    return session::ReliabilitySession::from_csv(in, path);
}

analysis::ReliabilityOptions options_of(const ReliabilityArgs& a) {
    analysis::ReliabilityOptions options;
    if (a.sem == "sd-icc") options.sem_method = analysis::SemMethod::SdTimesRootOneMinusIcc;
    if (!analysis::parse_icc_form(a.sem_icc, options.sem_icc_form))
        fail("--sem-icc wants a form such as ICC(2,1), got '" + a.sem_icc + "'");
    if (a.interval == "mcgraw-wong")
        options.average_agreement = analysis::AverageAgreementInterval::McGrawWong;
    if (!a.pair.empty()) {
        const auto comma = a.pair.find(',');
        if (comma == std::string::npos || comma == 0 || comma + 1 == a.pair.size())
            fail("--pair wants two raters or sessions as A,B, got '" + a.pair + "'");
        options.pair = std::make_pair(a.pair.substr(0, comma), a.pair.substr(comma + 1));
    }
    if (!(a.loa_z > 0.0)) fail("--loa-z wants a positive multiplier");
    options.loa_z = a.loa_z;
    return options;
}

void print_text(const analysis::ReliabilityResult& r, const std::string& raters_are) {
    std::printf("%d subjects x %d %s (%zu subjects dropped for missing cells)\n\n", r.n_subjects,
                r.n_raters, raters_are.c_str(), r.n_dropped);
    std::printf("%-9s %9s %9s %9s %10s %5s %8s %10s\n", "form", "ICC", "95% low", "95% high", "F",
                "df1", "df2", "p");
    for (const analysis::IccEstimate& e : r.icc.estimates)
        std::printf("%-9s %9.4f %9.4f %9.4f %10.4f %5.0f %8.2f %10.3g\n",
                    analysis::to_string(e.form), e.icc, e.ci_low, e.ci_high, e.f, e.df1, e.df2,
                    e.p);
    std::printf("\nSEM %.4g (%s)\nMDC95 %.4g (1.96 * sqrt(2) * SEM)\n"
                "repeatability coefficient %.4g (1.96 * sqrt(2) * within-subject SD)\n",
                r.sem, r.sem_formula.c_str(), r.mdc95, r.repeatability_coefficient);
    if (r.bland_altman) {
        const analysis::BlandAltman& ba = *r.bland_altman;
        std::printf("\nBland-Altman %s - %s: bias %.4g (95%% CI %.4g to %.4g), SD %.4g\n"
                    "  limits of agreement %.4g (%.4g to %.4g) to %.4g (%.4g to %.4g)\n",
                    ba.first_rater.c_str(), ba.second_rater.c_str(), ba.bias, ba.bias_ci.low,
                    ba.bias_ci.high, ba.sd, ba.loa_low, ba.loa_low_ci.low, ba.loa_low_ci.high,
                    ba.loa_high, ba.loa_high_ci.low, ba.loa_high_ci.high);
    }
    std::printf("\n%s\n", r.convention.c_str());
}

// Stores the result as the site's own MDC in the database it was computed from (opened for
// writing only now, after the read-only analysis).
void save_mdc(const ReliabilityArgs& a, const session::ReliabilitySession& reliability) {
    auto opened = storage::open(a.db);
    if (!opened.storage) fail(a.db + ": " + opened.error);
    const storage::Request saved = reliability.save_site_mdc(*opened.storage, a.mdc_both_sides);
    if (!saved.ok) fail(saved.error);
    if (opened.storage->close() != 0) fail("the MDC could not be written to " + a.db);
    std::cerr << "saved as the MDC of " << reliability.data().site_name << " ("
              << (a.mdc_both_sides ? "both sides" : a.side) << "): " << reliability.result()->mdc95
              << " kPa\n";
}

void run_reliability(const ReliabilityArgs& a) {
    const analysis::ReliabilityOptions options = options_of(a);
    if (a.save_mdc && a.db.empty())
        fail("--save-mdc needs --db (the site's own data; an MDC saved on a station reaches the "
             "shared study with its push)");
    session::ReliabilitySession reliability;
    const std::string refused =
        reliability.load(a.csv.empty() ? data_from_study(a) : data_from_csv(a.csv));
    if (!refused.empty()) fail(refused);
    const analysis::ReliabilityAnalysisResult analysed = reliability.analyse(options);
    if (!analysed.ok) fail(analysed.error);
    if (a.save_mdc) save_mdc(a, reliability);
    if (a.json)
        std::cout << analysis::reliability_json(analysed.result, reliability.table()->raters)
                  << "\n";
    else
        print_text(analysed.result, reliability.raters_are());
}

} // namespace

void register_reliability_command(CLI::App& app) {
    auto a = std::make_shared<ReliabilityArgs>();
    CLI::App* cmd = app.add_subcommand(
        "reliability", "ICC (six forms), SEM, MDC95 and Bland-Altman of a tidy CSV or a database");
    auto* csv = cmd->add_option("--csv", a->csv, "Tidy CSV with the columns subject,rater,value");
    auto* db = cmd->add_option("--db", a->db, "Database file (opened read-only)");
    auto* server = cmd->add_option(
        "--server", a->server,
        "The shared study instead of a file: a libpq connection string or postgresql:// URI "
        "(no password in it: ~/.pgpass or PGPASSFILE)");
    csv->excludes(db);
    db->excludes(csv);
    server->excludes(csv);
    server->excludes(db);
    cmd->add_option("--site", a->site, "Site key or name (with --db)");
    cmd->add_option("--side", a->side, "L, R or M (with --db, default L)");
    cmd->add_option("--by", a->by, "Raters are each 'operator' or each 'session' (default)")
        ->check(CLI::IsMember({"operator", "session"}));
    cmd->add_option("--sessions", a->sessions,
                    "With --by session: the first N sessions are compared (default 2; 0 = all)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--measure", a->measure, "ppt (default) or tolerance");
    cmd->add_option("--pair", a->pair, "Bland-Altman of these two raters or sessions: A,B");
    cmd->add_option("--sem", a->sem, "sqrt-mse (default) or sd-icc: SD * sqrt(1 - ICC)")
        ->check(CLI::IsMember({"sqrt-mse", "sd-icc"}));
    cmd->add_option("--sem-icc", a->sem_icc, "The ICC of --sem sd-icc (default ICC(2,1))");
    cmd->add_option("--interval", a->interval,
                    "ICC(2,k) interval: psych (default, Spearman-Brown) or mcgraw-wong")
        ->check(CLI::IsMember({"psych", "mcgraw-wong"}));
    cmd->add_option("--loa-z", a->loa_z, "Multiplier of the limits of agreement (default 1.96)");
    cmd->add_flag("--json", a->json, "Print one JSON object");
    cmd->add_flag("--save-mdc", a->save_mdc,
                  "Store the MDC95 as this site's own (with --db); change verdicts then use it");
    cmd->add_flag("--mdc-both-sides", a->mdc_both_sides,
                  "With --save-mdc: store it for both sides of the site");
    cmd->callback([a] {
        if (a->csv.empty() && a->db.empty() && a->server.empty())
            fail("give --csv FILE, --db FILE or --server URL");
        run_reliability(*a);
    });
}
