// algoscope-bench-class [--stations N] [--seconds S]
// The class view's figures (issue 23) on a throwaway PostgreSQL 15 over TCP on 127.0.0.1:
// N station processes (default 30), each its own role, run training attempts with the
// simulator's hand (1 kHz samples, tremor and drift) through algocore's TrainingSession and live
// view, and publish their progress as `train attempt --class` does (at most 5 updates/s); the
// teacher's watcher (this process) prints one JSON line per update as `class watch --json` does.
// Reported: stations seen and missing, updates per station per second, the time from a
// station's sample to the watcher's line (p50, p99, max), and the watcher's CPU as a share of
// one core.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "ClassLines.h"
#include "TestServer.h"
#include "algocore/Inbox.h"
#include "algocore/live/LiveSession.h"
#include "algocore/session/ClassStation.h"
#include "algocore/session/TrainingSession.h"
#include "algocore/sharedstudy/ClassPublisher.h"
#include "algocore/sharedstudy/ClassWatcher.h"
#include "algocore/sharedstudy/ServerSchema.h"
#include "algoinput/JsonText.h"
#include "algosim/SimulatedHand.h"

using namespace algocore;
using namespace algocore::sharedstudy;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "algoscope-bench-class: %s\n", message.c_str());
    std::exit(1);
}

double wall_s() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string station_uuid(int n) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "0190c1a5-0000-7000-8000-%012d", n);
    return buffer;
}

// What the student means to press at time t of a 12 s cycle: rest, press into the band, hold,
// lift, rest. Each station aims a little differently.
double intended_kpa(double t_s, double aim_kpa) {
    const double c = std::fmod(t_s, 12.0);
    if (c < 2.0 || c >= 7.5) return 0.0;
    if (c < 2.5) return aim_kpa * (c - 2.0) / 0.5;
    if (c < 7.0) return aim_kpa;
    return aim_kpa * (7.5 - c) / 0.5;
}

// One station: its own process, connection and publisher, the training engine fed in real time.
[[noreturn]] void run_station(int n, const std::string& address, double seconds) {
    {
        auto as = ServerConnection::open(address);
        if (!as.connection) die(as.error.message);
        auto added = as.connection->exec(
            "INSERT INTO algoscope.stations (uuid, name) VALUES ($1, $2)",
            {ServerParam::text(station_uuid(n)), ServerParam::text("desk " + std::to_string(n))});
        if (!added.ok()) die(added.error.message);
    }
    Inbox inbox;
    session::TrainingSession training(nullptr, inbox);
    live::LiveSession live;
    live.set_link(live::LinkState::Connected);
    std::vector<Sample> expert_trace;
    for (int i = 0; i <= 5000; ++i) {
        Sample s;
        s.t_s = i / 1000.0;
        s.pressure_kpa = intended_kpa(2.0 + s.t_s, 300.0);
        expert_trace.push_back(s);
    }
    training.use_template(protocols::MotionTemplate::from_trace(protocols::TemplateKind::Hold,
                                                                "bench hold", expert_trace),
                          protocols::PressureBand{250.0, 350.0});
    if (auto problem = training.set_student("Student " + std::to_string(n)); !problem.empty())
        die(problem);
    algosim::SimulatedHand hand({}, static_cast<std::uint64_t>(n));
    ClassPublisher publisher(address, station_uuid(n), "bench");
    const double aim = 270.0 + 3.0 * n;
    const auto start = Clock::now();
    long long fed = 0;
    for (;;) {
        const double now_s = std::chrono::duration<double>(Clock::now() - start).count();
        if (now_s > seconds) break;
        // Every sample due by now, 1 kHz.
        for (; fed <= static_cast<long long>(now_s * 1000.0); ++fed) {
            Sample s;
            s.t_s = fed / 1000.0;
            s.pressure_kpa = hand.applied_kpa(s.t_s, intended_kpa(s.t_s + 0.7 * n, aim));
            live.add_sample(s);
            training.feed(s);
        }
        live.set_now_s(now_s);
        if (training.phase() == session::TrainingSession::Phase::Idle &&
            live.latest().pressure_kpa < protocols::kProbeLiftedKpa)
            training.start_attempt();
        if (publisher.wants_offer())
            publisher.offer(
                session::class_progress_of(training, live, wall_s() - (now_s - live.latest().t_s)));
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    publisher.flush(std::chrono::seconds(2));
    std::_Exit(0);
}

double quantile(std::vector<double> v, double q) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}

double cpu_s() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

int main(int argc, char** argv) {
    int stations = 30;
    double seconds = 20.0;
    for (int i = 1; i < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--stations" && i + 1 < argc)
            stations = std::clamp(std::atoi(argv[i + 1]), 1, 150);
        else if (flag == "--seconds" && i + 1 < argc)
            seconds = std::clamp(std::atof(argv[i + 1]), 3.0, 600.0);
        else
            die("unknown option " + flag +
                " (usage: algoscope-bench-class [--stations N] [--seconds S])");
    }
    const fs::path dir =
        fs::temp_directory_path() / ("algoscope-bench-class-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string state = (dir / "server").string();
    if (std::system(
            ("bash " ALGOSCOPE_PG_SERVER_SCRIPT " start '" + state + "' >/dev/null").c_str()) != 0)
        die("the throwaway server did not start");
    std::string error;
    const algotest::TestServer server = algotest::TestServer::from_state_dir(state, error);
    if (!error.empty()) die(error);
    ::unsetenv("PGPASSWORD");
    const std::string pgpass = (dir / "pgpass").string();
    {
        auto admin = ServerConnection::open(server.tcp_url("postgres", "algoscope_admin"));
        if (!admin.connection) die(admin.error.message);
        if (auto init = init_study(*admin.connection, "bench"); init.error) die(init.error.message);
        if (!admin.connection->exec("INSERT INTO algoscope.classes (name) VALUES ('bench')").ok())
            die("the class was not made");
        std::ofstream lines(pgpass);
        for (int n = 0; n <= stations; ++n) {
            const std::string role = n == 0 ? "bench_teacher" : "bench_s" + std::to_string(n);
            const char* group = n == 0 ? kTeacherGroupRole : kStationGroupRole;
            if (auto e = server.create_login_role(role, "pw" + role, group); !e.empty()) die(e);
            lines << "*:*:*:" << role << ":pw" << role << "\n";
        }
    }
    fs::permissions(pgpass, fs::perms::owner_read | fs::perms::owner_write);
    ::setenv("PGPASSFILE", pgpass.c_str(), 1);

    std::vector<pid_t> children;
    for (int n = 1; n <= stations; ++n) {
        const pid_t pid = ::fork();
        if (pid == 0)
            run_station(n, server.tcp_url("postgres", "bench_s" + std::to_string(n)),
                        seconds + 2.0);
        children.push_back(pid);
    }
    // The teacher: warm up for 2 s (stations connect), then measure.
    ClassWatcher watcher(server.tcp_url("postgres", "bench_teacher"), "bench");
    std::FILE* out = std::fopen("/dev/null", "w");
    const auto watch = [&](double for_s, std::vector<double>* latencies,
                           std::map<std::string, int>* per_station) {
        const auto end = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                            std::chrono::duration<double>(for_s));
        while (Clock::now() < end) {
            for (const StationProgress& p : watcher.step(std::chrono::milliseconds(100))) {
                const std::string line = algoinput::json_text(cli_class::station_line(p));
                std::fputs(line.c_str(), out);
                std::fputc('\n', out);
                std::fflush(out);
                if (!latencies || p.state == StationState::Offline) continue;
                latencies->push_back((wall_s() - p.t_utc_s) * 1000.0);
                ++(*per_station)[p.station];
            }
        }
    };
    watch(2.0, nullptr, nullptr);
    std::vector<double> latencies;
    std::map<std::string, int> per_station;
    const double cpu_before = cpu_s();
    const auto measured_from = Clock::now();
    watch(seconds - 2.0, &latencies, &per_station);
    const double wall = std::chrono::duration<double>(Clock::now() - measured_from).count();
    const double cpu = cpu_s() - cpu_before;
    for (pid_t pid : children) {
        int status = 0;
        ::waitpid(pid, &status, 0);
    }
    std::fclose(out);

    int fewest = per_station.empty() ? 0 : per_station.begin()->second;
    for (const auto& [name, count] : per_station)
        fewest = std::min(fewest, count);
    std::printf("class of %d stations, %.1f s measured on a PostgreSQL 15 over 127.0.0.1\n",
                stations, wall);
    std::printf("  stations seen %zu, missing %d; updates %zu (%.2f/s per station, fewest %d)\n",
                per_station.size(), stations - static_cast<int>(per_station.size()),
                latencies.size(),
                static_cast<double>(latencies.size()) / (wall * std::max(1, stations)), fewest);
    std::printf("  sample -> watcher line: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
                quantile(latencies, 0.5), quantile(latencies, 0.99), quantile(latencies, 1.0));
    std::printf("  watcher CPU %.1f %% of one core (%.2f s in %.1f s)\n", 100.0 * cpu / wall, cpu,
                wall);
    std::system(("bash " ALGOSCOPE_PG_SERVER_SCRIPT " stop '" + state + "' >/dev/null").c_str());
    fs::remove_all(dir);
    return 0;
}
