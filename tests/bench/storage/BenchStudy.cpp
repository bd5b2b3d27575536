// algoscope-bench-study [--subjects N] [--dir PATH] [--keep] [--trace-csv-trials K]
// The synthetic study of issue 14: N subjects (default 500) x 20 points x 3 PPT trials with
// 10 s traces at 1 kHz from the simulator. The 20 points are 5 paired sites x 2 sides x 2
// raters: each subject has one session with operator A and one with operator B, so the
// reliability of one site can be analysed by operator. Thresholds come from a subject model
// (log-normal between subjects, a small rater bias, trial noise); each trace is a fresh
// simulated ramp (its own seed), encoded by the storage as in acquisition.
// Figures (one JSON object): database bytes and bytes per sample, build time (simulation
// shown separately), export time (trials and summary CSV, plus the traces of K trials as
// CSV), time to read and decode every trace, and the reliability analysis time at one site.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "algocore/analysis/ReliabilityAnalysis.h"
#include "algocore/analysis/StudyReliabilityRows.h"
#include "algocore/export/StudyExport.h"
#include "algocore/storage/SiteLibrary.h"
#include "algocore/storage/SqliteStorage.h"
#include "algotest/SimulatedTraces.h"

using namespace algocore;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kSites = 5;
constexpr int kTrialsPerPoint = 3;
constexpr double kTraceSeconds = 10.0;
const char* const kRaters[] = {"Operator A", "Operator B"};

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Args {
    int subjects = 500;
    std::string dir = std::filesystem::temp_directory_path().string();
    bool keep = false;
    int trace_csv_trials = 20;
};

Args parse(int argc, char** argv) {
    Args a;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--subjects" && has_value)
            a.subjects = std::atoi(argv[++i]);
        else if (arg == "--dir" && has_value)
            a.dir = argv[++i];
        else if (arg == "--trace-csv-trials" && has_value)
            a.trace_csv_trials = std::atoi(argv[++i]);
        else if (arg == "--keep")
            a.keep = true;
        else {
            std::fprintf(stderr, "unknown argument %s\n", arg.c_str());
            std::exit(2);
        }
    }
    if (a.subjects < 2) {
        std::fprintf(stderr, "--subjects must be at least 2\n");
        std::exit(2);
    }
    return a;
}

std::vector<records::Site> paired_sites(storage::Storage& db) {
    std::vector<records::Site> sites;
    for (const records::Site& s : storage::builtin_sites()) {
        if (!s.paired) continue;
        if (auto found = db.find_site(s.key)) sites.push_back(*found);
        if (static_cast<int>(sites.size()) == kSites) break;
    }
    return sites;
}

struct BuildFigures {
    double build_s = 0.0;
    double simulate_s = 0.0;
    long long samples = 0;
    long long trials = 0;
};

BuildFigures build(storage::SqliteStorage& db, const Args& a) {
    BuildFigures f;
    const auto sites = paired_sites(db);
    std::mt19937_64 random(2026);
    std::normal_distribution<double> unit(0.0, 1.0);
    const auto start = Clock::now();
    for (int subject = 1; subject <= a.subjects; ++subject) {
        char code[16];
        std::snprintf(code, sizeof code, "S%04d", subject);
        // Subject's true threshold per site, log-normal around 300 kPa.
        double true_kpa[kSites];
        for (double& t : true_kpa)
            t = 300.0 * std::exp(0.35 * unit(random));
        for (int rater = 0; rater < 2; ++rater) {
            records::SessionOpening opening;
            opening.subject.code = code;
            opening.by = records::Operator{records::kNoRecord, kRaters[rater], "researcher"};
            opening.session.started_utc =
                std::string("2026-0") + (rater == 0 ? "3" : "4") + "-01T09:00:00Z";
            const records::RecordId session = db.open_session(opening).id;
            const double rater_bias = rater == 0 ? 1.0 : 1.03;
            for (int site = 0; site < kSites; ++site) {
                for (const records::BodySide side :
                     {records::BodySide::Left, records::BodySide::Right}) {
                    for (int k = 1; k <= kTrialsPerPoint; ++k) {
                        algotest::SimulatedTraceOptions o;
                        o.seed = static_cast<std::uint64_t>(f.trials + 1);
                        o.start_s = 2.0 * static_cast<double>(f.trials % 3);
                        o.duration_s = kTraceSeconds;
                        const auto sim_start = Clock::now();
                        const records::RawTrace trace =
                            records::to_trace(algotest::simulated_native_samples(o));
                        f.simulate_s += seconds_since(sim_start);
                        records::Trial t;
                        t.session_id = session;
                        t.site_id = sites[static_cast<std::size_t>(site)].id;
                        t.side = side;
                        t.index = k;
                        t.ppt_kpa = true_kpa[site] * rater_bias * (1.0 + 0.08 * unit(random));
                        t.rate_kpa_s = 50.0;
                        t.target_rate_kpa_s = 50.0;
                        t.valid = t.counted = true;
                        t.outcome = "signalled";
                        t.preset = "bench";
                        t.peak_kpa = t.ppt_kpa;
                        db.record_trial(t, trace);
                        f.samples += static_cast<long long>(trace.samples.size());
                        ++f.trials;
                    }
                }
            }
        }
        // Keep the queue (and memory) bounded: wait for the storage thread now and then.
        if (subject % 25 == 0) db.flush(std::chrono::minutes{10});
    }
    db.flush(std::chrono::minutes{10});
    f.build_s = seconds_since(start);
    return f;
}

} // namespace

int main(int argc, char** argv) {
    const Args a = parse(argc, argv);
    const std::string path = a.dir + "/algoscope-bench-study.db";
    const std::string export_dir = a.dir + "/algoscope-bench-study-export";
    for (const std::string& p : {path, path + "-wal", path + "-shm"})
        std::filesystem::remove(p);
    std::filesystem::remove_all(export_dir);

    BuildFigures built;
    {
        auto opened = storage::SqliteStorage::open(path);
        if (!opened.storage) {
            std::fprintf(stderr, "%s\n", opened.error.c_str());
            return 1;
        }
        built = build(*opened.storage, a);
        if (opened.storage->close(std::chrono::minutes{10}) != 0) {
            std::fprintf(stderr, "not everything was committed\n");
            return 1;
        }
    }
    const auto db_bytes = std::filesystem::file_size(path);

    storage::SqliteOptions read_only;
    read_only.writable = false;
    auto opened = storage::SqliteStorage::open(path, read_only);
    if (!opened.storage) {
        std::fprintf(stderr, "%s\n", opened.error.c_str());
        return 1;
    }
    auto& db = *opened.storage;

    // Reliability at one site and side, by operator, straight from the database.
    const auto analysis_start = Clock::now();
    const records::StudyData study = db.load_study();
    analysis::StudyReliabilityQuery query;
    query.site_key = paired_sites(db).front().key;
    query.by = analysis::RaterGrouping::Operator;
    const auto rows = analysis::reliability_rows_from_study(study, query);
    const auto table = analysis::build_reliability_table(rows.rows);
    const auto analysed = analysis::analyse_reliability(table.table);
    const double analysis_s = seconds_since(analysis_start);
    if (!rows.ok || !table.ok || !analysed.ok) {
        std::fprintf(stderr, "analysis failed: %s%s%s\n", rows.error.c_str(), table.error.c_str(),
                     analysed.error.c_str());
        return 1;
    }

    // CSV export: every trial and the site summary, and the raw traces of the first K trials.
    const auto export_start = Clock::now();
    long long exported = 0;
    const exporting::TraceLoader traces =
        [&](records::RecordId id) -> std::optional<records::RawTrace> {
        if (exported >= a.trace_csv_trials) return std::nullopt;
        ++exported;
        return db.trial_trace(id);
    };
    const auto written = exporting::export_csv_directory(db.load_study(), db.site_summaries(0),
                                                         export_dir, traces, {});
    const double export_s = seconds_since(export_start);
    if (!written.ok) {
        std::fprintf(stderr, "export failed: %s\n", written.error.c_str());
        return 1;
    }

    // Every trace read back and decoded (what a full raw export must at least do).
    const auto decode_start = Clock::now();
    long long decoded = 0;
    for (const records::Trial& t : study.trials)
        if (auto trace = db.trial_trace(t.id))
            decoded += static_cast<long long>(trace->samples.size());
    const double decode_s = seconds_since(decode_start);
    db.close();

    std::printf("{\"subjects\": %d, \"trials\": %lld, \"samples\": %lld, \"db_bytes\": %llu, "
                "\"db_bytes_per_sample\": %.3f, \"build_s\": %.1f, \"simulate_s\": %.1f, "
                "\"export_tables_and_%lld_trace_csv_s\": %.2f, \"decode_all_traces_s\": %.1f, "
                "\"decoded_samples\": %lld, \"analysis_s\": %.2f, \"analysis_subjects\": %d, "
                "\"icc21\": %.4f, \"mdc95_kpa\": %.1f}\n",
                a.subjects, built.trials, built.samples, static_cast<unsigned long long>(db_bytes),
                static_cast<double>(db_bytes) / static_cast<double>(built.samples), built.build_s,
                built.simulate_s, exported, export_s, decode_s, decoded, analysis_s,
                analysed.result.n_subjects, analysed.result.icc[analysis::IccForm::Icc2_1].icc,
                analysed.result.mdc95);
    if (!a.keep) {
        for (const std::string& p : {path, path + "-wal", path + "-shm"})
            std::filesystem::remove(p);
        std::filesystem::remove_all(export_dir);
    }
    return decoded == built.samples ? 0 : 1;
}
