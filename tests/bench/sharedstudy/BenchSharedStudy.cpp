// algoscope-bench-shared [--runs N]
// The shared study's figures (issue 21), each on its own fresh database of one PostgreSQL 15
// server reached over TCP on 127.0.0.1:
//   push    one typical session (18 trials + 2 holds, 20,000 samples each: 400,000 samples)
//   first   the first push of a 50-subject study (2 sessions each)
//   twenty  20 station processes pushing at once (5 sessions each): records/s, no loss, no
//           duplicate
//   history a subject's pooled history, 100 sessions from 5 stations (20 sites x 3 trials
//           each), read from the server and built (open, read, build), median of N runs
//   icc     reliability across raters at 3 stations (30 subjects, by operator) from the server
// It starts a throwaway server (scripts/pg-test-server.sh) and stops it at the end.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "StationRecords.h"
#include "TestServer.h"
#include "algocore/analysis/ReliabilityAnalysis.h"
#include "algocore/analysis/ReliabilityTable.h"
#include "algocore/analysis/StudyReliabilityRows.h"
#include "algocore/history/SubjectHistory.h"
#include "algocore/sharedstudy/ServerSchema.h"
#include "algocore/sharedstudy/SharedStudyStorage.h"
#include "algocore/sharedstudy/StationPush.h"
#include "algocore/storage/SiteLibrary.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore;
using namespace algocore::sharedstudy;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "algoscope-bench-shared: %s\n", message.c_str());
    std::exit(1);
}

struct Bench {
    algotest::TestServer server;
    fs::path dir;
    int databases = 0;

    // A fresh database with the study; its superuser address over TCP.
    std::string fresh_study() {
        const std::string name =
            "bench_" + std::to_string(::getpid()) + "_" + std::to_string(++databases);
        if (auto e = server.recreate_database(name); !e.empty()) die(e);
        const std::string url = server.tcp_url(name, "algoscope_admin");
        auto admin = ServerConnection::open(url);
        if (!admin.connection) die(admin.error.message);
        if (auto init = init_study(*admin.connection, "bench"); init.error) die(init.error.message);
        return url;
    }

    std::string station_file(const std::string& name) {
        return (dir / (name + ".sqlite")).string();
    }
};

void record(const std::string& db, const std::vector<algotest::RecordedSession>& sessions) {
    auto opened = storage::SqliteStorage::open(db);
    if (!opened.storage) die(opened.error);
    for (const auto& s : sessions)
        algotest::record_session(*opened.storage, s);
    opened.storage->close();
}

algotest::RecordedSession typical(const std::string& code, const std::string& examiner, int n,
                                  int samples) {
    algotest::RecordedSession s;
    s.subject_code = code;
    s.operator_name = examiner;
    char date[32];
    std::snprintf(date, sizeof date, "2027-%02d-%02dT%02d:00:00Z", 1 + n / 28 % 12, 1 + n % 28,
                  8 + n / 336 % 10);
    s.started_utc = date;
    s.sites = {"upper_trapezius", "tibialis_anterior", "thenar_eminence"};
    s.trials_per_site = 6; // 18 trials
    s.holds = 2;
    s.samples_per_trace = samples;
    s.ppt_kpa = 300.0 + 7.0 * (n % 13);
    return s;
}

PushReport push(const std::string& db, const std::string& url, const std::string& station) {
    auto file = StationFile::open(db);
    if (!file.file) die(file.error);
    auto server = ServerConnection::open(url);
    if (!server.connection) die(server.error.message);
    PushOptions options;
    options.station_name = station;
    PushReport r = push_station(*file.file, *server.connection, options);
    if (r.error) die(r.error.message);
    return r;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void bench_push(Bench& b, int runs) {
    std::vector<double> ms;
    std::uintmax_t bytes = 0;
    for (int i = 0; i < runs; ++i) {
        const std::string db = b.station_file("typical-" + std::to_string(i));
        record(db, {typical("S-" + std::to_string(i), "Anna", i, 20000)});
        bytes = fs::file_size(db);
        const std::string url = b.fresh_study();
        const auto start = Clock::now();
        const PushReport r = push(db, url, "room A");
        ms.push_back(ms_since(start));
        if (r.sent != 23) die("a typical session is 23 records, sent " + std::to_string(r.sent));
    }
    std::printf("push    one session (18 trials + 2 holds, 400000 samples, station file %.1f MB): "
                "median %.0f ms, slowest %.0f ms (%d runs)\n",
                static_cast<double>(bytes) / 1e6, median(ms),
                *std::max_element(ms.begin(), ms.end()), runs);
}

void bench_first(Bench& b) {
    const std::string db = b.station_file("study50");
    std::vector<algotest::RecordedSession> sessions;
    for (int subject = 0; subject < 50; ++subject)
        for (int visit = 0; visit < 2; ++visit)
            sessions.push_back(
                typical("S-" + std::to_string(subject), "Anna", subject * 2 + visit, 8000));
    record(db, sessions);
    const std::string url = b.fresh_study();
    const auto start = Clock::now();
    const PushReport r = push(db, url, "room A");
    const double ms = ms_since(start);
    std::printf("first   50 subjects x 2 sessions (%lld records, 16 M samples, station file "
                "%.0f MB): %.2f s, %.0f records/s, %d batches\n",
                static_cast<long long>(r.sent), static_cast<double>(fs::file_size(db)) / 1e6,
                ms / 1000.0, r.sent / (ms / 1000.0), r.batches);
}

void bench_twenty(Bench& b) {
    constexpr int kStations = 20;
    std::vector<std::string> files;
    std::int64_t stored = 0;
    for (int s = 0; s < kStations; ++s) {
        files.push_back(b.station_file("station-" + std::to_string(s)));
        std::vector<algotest::RecordedSession> sessions;
        for (int i = 0; i < 5; ++i)
            sessions.push_back(typical("S-" + std::to_string(s) + "-" + std::to_string(i),
                                       "Examiner " + std::to_string(s), i, 2000));
        record(files.back(), sessions);
        SQLite::Database f(files.back());
        stored += f.execAndGet("SELECT count(*) FROM outbox").getInt64();
    }
    const std::string url = b.fresh_study();
    const auto start = Clock::now();
    std::vector<pid_t> children;
    for (int s = 0; s < kStations; ++s) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            push(files[static_cast<std::size_t>(s)], url, "station " + std::to_string(s));
            std::_Exit(0);
        }
        children.push_back(pid);
    }
    int failed = 0;
    for (pid_t pid : children) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        failed += WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
    }
    const double ms = ms_since(start);
    auto admin = ServerConnection::open(url);
    std::int64_t on_server = 0;
    std::int64_t distinct = 0;
    for (const char* t : {"subjects", "operators", "sessions", "trials", "holds"}) {
        auto r = admin.connection->exec(std::string("SELECT count(*), count(DISTINCT uuid) FROM "
                                                    "algoscope.") +
                                        t);
        on_server += r.rows.integer(0, 0);
        distinct += r.rows.integer(0, 1);
    }
    std::printf("twenty  %d station processes at once (5 sessions each): %lld records in %.2f s, "
                "%.0f records/s; %d failed, server rows %lld of %lld stored, duplicates %lld\n",
                kStations, static_cast<long long>(stored), ms / 1000.0, stored / (ms / 1000.0),
                failed, static_cast<long long>(on_server), static_cast<long long>(stored),
                static_cast<long long>(on_server - distinct));
}

void bench_history(Bench& b, int runs) {
    const std::string url = b.fresh_study();
    std::vector<std::string> sites;
    for (const records::Site& s : storage::builtin_sites())
        sites.push_back(s.key);
    sites.resize(std::min<std::size_t>(sites.size(), 20));
    for (int station = 0; station < 5; ++station) {
        const std::string db = b.station_file("history-" + std::to_string(station));
        std::vector<algotest::RecordedSession> sessions;
        for (int i = 0; i < 20; ++i) {
            algotest::RecordedSession s =
                typical("P-001", "Examiner " + std::to_string(station), station * 20 + i, 300);
            s.sites = sites;
            s.trials_per_site = 3;
            s.holds = 0;
            sessions.push_back(s);
        }
        record(db, sessions);
        push(db, url, "room " + std::to_string(station));
    }
    // One person: the five stations' records of P-001 merged into the first.
    auto admin = ServerConnection::open(url);
    admin.connection->exec("INSERT INTO algoscope.subject_merges (kept_uuid, merged_uuid) "
                           "SELECT (SELECT uuid FROM algoscope.subjects ORDER BY id LIMIT 1), "
                           "uuid FROM algoscope.subjects WHERE id > (SELECT min(id) FROM "
                           "algoscope.subjects)");
    std::vector<double> ms;
    std::size_t sessions = 0;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        auto study = open_shared_study(url);
        if (!study.storage) die(study.error);
        const auto records = study.storage->history_of("P-001");
        const auto history = history::SubjectHistory::build(*records);
        ms.push_back(ms_since(start));
        sessions = history.sessions().size();
    }
    std::printf("history pooled history of one subject, %zu sessions from 5 stations (60 trials "
                "each): median %.0f ms, slowest %.0f ms (open + read + build, %d runs)\n",
                sessions, median(ms), *std::max_element(ms.begin(), ms.end()), runs);
}

void bench_icc(Bench& b, int runs) {
    const std::string url = b.fresh_study();
    for (int rater = 0; rater < 3; ++rater) {
        const std::string db = b.station_file("rater-" + std::to_string(rater));
        std::vector<algotest::RecordedSession> sessions;
        for (int subject = 0; subject < 30; ++subject) {
            algotest::RecordedSession s = typical("R-" + std::to_string(subject),
                                                  "Rater " + std::to_string(rater), subject, 300);
            s.sites = {"upper_trapezius"};
            s.trials_per_site = 3;
            s.holds = 0;
            s.ppt_kpa = 250.0 + 9.0 * subject + 6.0 * rater;
            sessions.push_back(s);
        }
        record(db, sessions);
        push(db, url, "rater station " + std::to_string(rater));
    }
    // Each station made R-0 ... R-29: one person each, merged into station 0's.
    auto admin = ServerConnection::open(url);
    admin.connection->exec("INSERT INTO algoscope.subject_merges (kept_uuid, merged_uuid) "
                           "SELECT k.uuid, m.uuid FROM algoscope.subjects k JOIN "
                           "algoscope.subjects m ON m.code = k.code AND m.id > k.id WHERE k.id = "
                           "(SELECT min(id) FROM algoscope.subjects x WHERE x.code = k.code)");
    std::vector<double> ms;
    double icc21 = 0.0;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        auto study = open_shared_study(url);
        if (!study.storage) die(study.error);
        analysis::StudyReliabilityQuery query;
        query.site_key = "upper_trapezius";
        query.by = analysis::RaterGrouping::Operator;
        const auto rows = analysis::reliability_rows_from_study(study.storage->load_study(), query);
        const auto table = analysis::build_reliability_table(rows.rows);
        const auto result = analysis::analyse_reliability(table.table, {});
        ms.push_back(ms_since(start));
        if (!result.ok) die(result.error);
        for (const auto& e : result.result.icc.estimates)
            if (analysis::to_string(e.form) == std::string("ICC(2,1)")) icc21 = e.icc;
    }
    std::printf("icc     3 raters at 3 stations x 30 subjects from the server: ICC(2,1) %.4f, "
                "median %.0f ms (open + read + analyse, %d runs)\n",
                icc21, median(ms), runs);
}

} // namespace

int main(int argc, char** argv) {
    int runs = 5;
    for (int i = 1; i < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--runs" && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[i + 1]));
        else
            die("unknown option " + flag + " (usage: algoscope-bench-shared [--runs N])");
    }
    Bench b;
    b.dir = fs::temp_directory_path() / ("algoscope-bench-shared-" + std::to_string(::getpid()));
    fs::create_directories(b.dir);
    const std::string state = (b.dir / "server").string();
    std::string error;
    if (std::system(("bash " ALGOSCOPE_PG_SERVER_SCRIPT " start '" + state + "'").c_str()) != 0)
        die("the throwaway server did not start");
    b.server = algotest::TestServer::from_state_dir(state, error);
    if (!error.empty()) die(error);
    ::unsetenv("PGPASSWORD");
    bench_push(b, runs);
    bench_first(b);
    bench_twenty(b);
    bench_history(b, runs * 4);
    bench_icc(b, runs);
    std::system(("bash " ALGOSCOPE_PG_SERVER_SCRIPT " stop '" + state + "'").c_str());
    fs::remove_all(b.dir);
    return 0;
}
