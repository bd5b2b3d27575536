// algoscope-bench-history [--sessions N] [--sites N] [--trials N] [--others N] [--runs N]
//                         [--dir PATH]
// Time to open a subject's history: a fresh read-only open of the database file, the
// subject's records in one storage read (Storage::history_of) and the history built from
// them (thresholds, SD, MDC verdicts, L/R). The database holds the subject with N sessions of
// N sites x N trials (each trial with a 300-sample trace, so trace pages sit between the
// rows as they do in a real file) and `--others` other subjects with the same load, so the
// figure shows the reads are keyed on the subject. Prints the median and the slowest run.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "algocore/history/SubjectHistory.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore;
using namespace algocore::storage;
using Clock = std::chrono::steady_clock;

namespace {

struct Load {
    int sessions = 100;
    int sites = 20;
    int trials = 3;
    int others = 4;
    int runs = 20;
};

RawTrace short_trace() {
    RawTrace trace;
    for (int i = 0; i < 300; ++i)
        trace.samples.push_back({0.001 * i, 1000 + i, 0.05 * i, 0.5 * i, 0, 0});
    return trace;
}

void add_subject(SqliteStorage& db, const std::string& code, const Load& load,
                 const std::vector<Site>& sites, const RawTrace& trace) {
    const RecordId subject = db.add_subject({0, code, {}, {}, {}, ""}).id;
    for (int s = 0; s < load.sessions; ++s) {
        Session session;
        session.subject_id = subject;
        char date[32];
        std::snprintf(date, sizeof date, "2026-%02d-%02dT10:00:00Z", 1 + s / 28 % 12, 1 + s % 28);
        session.started_utc = date;
        const RecordId session_id = db.begin_session(session).id;
        for (int p = 0; p < load.sites; ++p) {
            const Site& site = sites[static_cast<std::size_t>(p) % sites.size()];
            const BodySide side =
                p < static_cast<int>(sites.size()) ? BodySide::Left : BodySide::Right;
            for (int k = 1; k <= load.trials; ++k) {
                Trial t;
                t.session_id = session_id;
                t.site_id = site.id;
                t.side = side;
                t.index = k;
                t.ppt_kpa = 300.0 + 2.0 * s + 5.0 * k + p;
                t.valid = t.counted = true;
                t.outcome = "signalled";
                db.record_trial(t, trace);
            }
        }
    }
}

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv) {
    Load load;
    std::string dir = std::filesystem::temp_directory_path().string();
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        const int value = std::atoi(argv[i + 1]);
        if (arg == "--sessions")
            load.sessions = value;
        else if (arg == "--sites")
            load.sites = value;
        else if (arg == "--trials")
            load.trials = value;
        else if (arg == "--others")
            load.others = value;
        else if (arg == "--runs")
            load.runs = value;
        else if (arg == "--dir")
            dir = argv[i + 1];
    }
    if (load.sessions <= 0 || load.sites <= 0 || load.trials <= 0 || load.runs <= 0) {
        std::fprintf(stderr, "--sessions, --sites, --trials and --runs must be positive\n");
        return 2;
    }
    const std::string path = dir + "/algoscope-bench-history.db";
    std::filesystem::remove(path);
    {
        auto opened = SqliteStorage::open(path);
        if (!opened.storage) {
            std::fprintf(stderr, "%s\n", opened.error.c_str());
            return 1;
        }
        auto& db = *opened.storage;
        const std::vector<Site> sites = db.sites();
        const RawTrace trace = short_trace();
        for (int o = 0; o < load.others / 2; ++o)
            add_subject(db, "OTHER" + std::to_string(o), load, sites, trace);
        add_subject(db, "BENCH", load, sites, trace);
        for (int o = load.others / 2; o < load.others; ++o)
            add_subject(db, "OTHER" + std::to_string(o), load, sites, trace);
        if (!db.flush(std::chrono::minutes{10})) {
            std::fprintf(stderr, "the database was not written in time\n");
            return 1;
        }
    }
    // Each run: open (read-only), read the subject's records, build its history.
    std::vector<double> runs_ms, open_ms, read_ms, build_ms, cpu_ms;
    std::size_t points = 0;
    for (int r = 0; r < load.runs; ++r) {
        const auto start = Clock::now();
        const std::clock_t cpu_start = std::clock(); // every thread's CPU time
        SqliteOptions options;
        options.writable = false;
        auto opened = SqliteStorage::open(path, options);
        if (!opened.storage) {
            std::fprintf(stderr, "%s\n", opened.error.c_str());
            return 1;
        }
        open_ms.push_back(ms_since(start));
        const auto read_start = Clock::now();
        const auto records = opened.storage->history_of("BENCH");
        if (!records) {
            std::fprintf(stderr, "the subject was not found\n");
            return 1;
        }
        read_ms.push_back(ms_since(read_start));
        const auto build_start = Clock::now();
        const history::SubjectHistory h = history::SubjectHistory::build(*records);
        build_ms.push_back(ms_since(build_start));
        runs_ms.push_back(ms_since(start));
        cpu_ms.push_back(1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
        points = h.points().size();
    }
    for (auto* v : {&runs_ms, &open_ms, &read_ms, &build_ms, &cpu_ms})
        std::sort(v->begin(), v->end());
    const auto median = [](const std::vector<double>& v) { return v[v.size() / 2]; };
    std::printf("history of 1 subject (%d sessions x %d sites x %d trials, %zu points) among %d "
                "others, %d runs: median %.1f ms (open %.1f, read %.1f, build %.1f; CPU %.1f ms), "
                "slowest %.1f ms (database %.1f MB)\n",
                load.sessions, load.sites, load.trials, points, load.others, load.runs,
                median(runs_ms), median(open_ms), median(read_ms), median(build_ms), median(cpu_ms),
                runs_ms.back(), static_cast<double>(std::filesystem::file_size(path)) / 1e6);
    std::filesystem::remove(path);
    return runs_ms.back() <= 200.0 ? 0 : 1;
}
