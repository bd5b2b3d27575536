#pragma once
// The class the class-view benchmarks watch: a throwaway PostgreSQL 15 on 127.0.0.1 with a
// class "bench", a teacher role and one role per station, and N station processes, each running
// training attempts with the simulator's hand (1 kHz samples, tremor and drift) through
// algocore's TrainingSession and live view and publishing their progress as
// `train attempt --class` does (at most 5 updates/s). Fork the stations before anything starts
// a thread (Qt, a watcher).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "TestServer.h"
#include "algocore/Inbox.h"
#include "algocore/live/LiveSession.h"
#include "algocore/session/ClassStation.h"
#include "algocore/session/TrainingSession.h"
#include "algocore/sharedstudy/ClassPublisher.h"
#include "algocore/sharedstudy/ServerConnection.h"
#include "algocore/sharedstudy/ServerSchema.h"
#include "algosim/SimulatedHand.h"

namespace class_bench {

[[noreturn]] inline void die(const char* bench, const std::string& message) {
    std::fprintf(stderr, "%s: %s\n", bench, message.c_str());
    std::exit(1);
}

inline double wall_s() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

/// CPU time of this process (every thread, user and system), seconds.
inline double process_cpu_s() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

inline std::string station_uuid(int n) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "0190c1a5-0000-7000-8000-%012d", n);
    return buffer;
}

// What the student means to press at time t of a 12 s cycle: rest, press into the band, hold,
// lift, rest. Each station aims a little differently.
inline double intended_kpa(double t_s, double aim_kpa) {
    const double c = std::fmod(t_s, 12.0);
    if (c < 2.0 || c >= 7.5) return 0.0;
    if (c < 2.5) return aim_kpa * (c - 2.0) / 0.5;
    if (c < 7.0) return aim_kpa;
    return aim_kpa * (7.5 - c) / 0.5;
}

// One station: its own process, connection and publisher, the training engine fed in real time.
[[noreturn]] inline void run_station(int n, const std::string& address, double seconds) {
    using namespace algocore;
    using namespace algocore::sharedstudy;
    using Clock = std::chrono::steady_clock;
    {
        auto as = ServerConnection::open(address);
        if (!as.connection) die("station", as.error.message);
        auto added = as.connection->exec(
            "INSERT INTO algoscope.stations (uuid, name) VALUES ($1, $2)",
            {ServerParam::text(station_uuid(n)), ServerParam::text("desk " + std::to_string(n))});
        if (!added.ok()) die("station", added.error.message);
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
        die("station", problem);
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

/// The server, the class and the stations' processes; stops and removes it all when gone.
class BenchClass {
public:
    /// Starts the server, makes the class and the roles (passwords in a pgpass file of its
    /// own) and forks `stations` station processes publishing for `seconds`.
    BenchClass(const char* bench, int stations, double seconds) : bench_(bench) {
        namespace fs = std::filesystem;
        using namespace algocore::sharedstudy;
        dir_ = fs::temp_directory_path() / (std::string(bench) + "-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
        state_ = (dir_ / "server").string();
        if (std::system(("bash " ALGOSCOPE_PG_SERVER_SCRIPT " start '" + state_ + "' >/dev/null")
                            .c_str()) != 0)
            die(bench, "the throwaway server did not start");
        std::string error;
        server_ = algotest::TestServer::from_state_dir(state_, error);
        if (!error.empty()) die(bench, error);
        ::unsetenv("PGPASSWORD");
        const std::string pgpass = (dir_ / "pgpass").string();
        {
            auto admin = ServerConnection::open(server_.tcp_url("postgres", "algoscope_admin"));
            if (!admin.connection) die(bench, admin.error.message);
            if (auto init = init_study(*admin.connection, "bench"); init.error)
                die(bench, init.error.message);
            if (!admin.connection->exec("INSERT INTO algoscope.classes (name) VALUES ('bench')")
                     .ok())
                die(bench, "the class was not made");
            std::ofstream lines(pgpass);
            for (int n = 0; n <= stations; ++n) {
                const std::string role = n == 0 ? "bench_teacher" : "bench_s" + std::to_string(n);
                const char* group = n == 0 ? kTeacherGroupRole : kStationGroupRole;
                if (auto e = server_.create_login_role(role, "pw" + role, group); !e.empty())
                    die(bench, e);
                lines << "*:*:*:" << role << ":pw" << role << "\n";
            }
        }
        fs::permissions(pgpass, fs::perms::owner_read | fs::perms::owner_write);
        ::setenv("PGPASSFILE", pgpass.c_str(), 1);
        for (int n = 1; n <= stations; ++n) {
            const pid_t pid = ::fork();
            if (pid == 0)
                run_station(n, server_.tcp_url("postgres", "bench_s" + std::to_string(n)), seconds);
            children_.push_back(pid);
        }
    }
    ~BenchClass() {
        wait_for_stations();
        std::system(
            ("bash " ALGOSCOPE_PG_SERVER_SCRIPT " stop '" + state_ + "' >/dev/null").c_str());
        std::filesystem::remove_all(dir_);
    }
    BenchClass(const BenchClass&) = delete;
    BenchClass& operator=(const BenchClass&) = delete;

    /// The teacher's address of the class's server.
    std::string teacher_url() const { return server_.tcp_url("postgres", "bench_teacher"); }
    /// Waits until every station process ended.
    void wait_for_stations() {
        for (pid_t pid : children_) {
            int status = 0;
            ::waitpid(pid, &status, 0);
        }
        children_.clear();
    }

private:
    const char* bench_;
    std::filesystem::path dir_;
    std::string state_;
    algotest::TestServer server_;
    std::vector<pid_t> children_;
};

} // namespace class_bench
