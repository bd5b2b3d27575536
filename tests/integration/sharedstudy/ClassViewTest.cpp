// The class view's core on a real PostgreSQL 15: stations publish their progress (each its own
// role, its own row), the teacher's watcher LISTENs and re-reads; a station that stops, or whose
// network drops, shows offline within 2 s, a watcher whose connection is killed reconnects to the
// current picture, another class's station never appears, and a server restarted mid-class is
// picked up again.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "TestServer.h"
#include "algocore/sharedstudy/ClassPublisher.h"
#include "algocore/sharedstudy/ClassWatcher.h"
#include "algocore/sharedstudy/ServerSchema.h"

namespace {

using namespace algocore::sharedstudy;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using algotest::ServerTest;

std::string sh(const std::string& text) {
    return "'" + text + "'";
}

int run_script(const std::string& action, const std::string& state_dir) {
    return std::system(
        ("bash " ALGOSCOPE_PG_SERVER_SCRIPT " " + action + " " + sh(state_dir) + " >/dev/null 2>&1")
            .c_str());
}

// A station's network between it and the server (TCP on 127.0.0.1), which the test can drop and
// bring back. Dropped, nothing passes either way and nobody is told, as when a cable is pulled
// or a Wi-Fi link goes: bytes wait, connections are not closed, new ones are not answered.
class StationNetwork {
public:
    explicit StationNetwork(int server_port) : server_port_(server_port) {
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        ::listen(listener_, 16);
        socklen_t size = sizeof addr;
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &size);
        port_ = ntohs(addr.sin_port);
        thread_ = std::thread([this] { run(); });
    }
    ~StationNetwork() {
        stop_ = true;
        thread_.join();
        for (auto [a, b] : pairs_) {
            ::close(a);
            ::close(b);
        }
        ::close(listener_);
    }
    int port() const { return port_; }
    void drop() { dropped_ = true; }
    void restore() { dropped_ = false; }

private:
    void run() {
        while (!stop_) {
            if (dropped_) {
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
                continue;
            }
            std::vector<pollfd> fds{{listener_, POLLIN, 0}};
            for (auto [a, b] : pairs_) {
                fds.push_back({a, POLLIN, 0});
                fds.push_back({b, POLLIN, 0});
            }
            if (::poll(fds.data(), fds.size(), 10) <= 0) continue;
            if (fds[0].revents & POLLIN) accept_one();
            for (std::size_t i = 1; i < fds.size(); ++i) {
                if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
                auto& pair = pairs_[(i - 1) / 2];
                const int from = fds[i].fd;
                const int to = from == pair.first ? pair.second : pair.first;
                char buffer[65536];
                const ssize_t n = ::read(from, buffer, sizeof buffer);
                if (n <= 0) {
                    ::shutdown(to, SHUT_RDWR);
                    continue;
                }
                for (ssize_t sent = 0; sent < n;) {
                    const ssize_t w =
                        ::write(to, buffer + sent, static_cast<std::size_t>(n - sent));
                    if (w <= 0) break;
                    sent += w;
                }
            }
        }
    }
    void accept_one() {
        const int client = ::accept(listener_, nullptr, nullptr);
        if (client < 0) return;
        const int server = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(static_cast<std::uint16_t>(server_port_));
        if (::connect(server, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            ::close(client);
            ::close(server);
            return;
        }
        pairs_.emplace_back(client, server);
    }

    int server_port_;
    int listener_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<bool> dropped_{false};
    std::vector<std::pair<int, int>> pairs_;
    std::thread thread_;
};

StationProgress attempt_at(double pressure_kpa, double in_band_pct) {
    StationProgress p;
    p.student = "Anna";
    p.exercise = "trapezius hold";
    p.state = StationState::Attempt;
    p.pressure_kpa = pressure_kpa;
    p.band_low_kpa = 250.0;
    p.band_high_kpa = 350.0;
    p.in_band_pct = in_band_pct;
    p.t_utc_s = 1.8e9 + pressure_kpa;
    return p;
}

class ClassViewTest : public ServerTest {
protected:
    void SetUp() override {
        ServerTest::SetUp();
        if (HasFatalFailure()) return;
        prepare(admin_url());
    }

    // A study with a class "7b" and "8a", stations A and B (each its own role) and a teacher.
    void prepare(const std::string& admin) {
        auto server = ServerConnection::open(admin);
        ASSERT_TRUE(server.connection) << server.error.message;
        ASSERT_FALSE(init_study(*server.connection, "class").error);
        make_role("student_a", "pw-a", kStationGroupRole);
        make_role("student_b", "pw-b", kStationGroupRole);
        make_role("teacher", "pw-t", kTeacherGroupRole);
        ASSERT_TRUE(server.connection
                        ->exec("INSERT INTO algoscope.classes (name) VALUES ('7b'), "
                               "('8a')")
                        .ok());
        register_station("student_a", kStationA, "desk 1");
        register_station("student_b", kStationB, "desk 2");
    }

    void register_station(const std::string& who, const char* uuid, const char* name) {
        auto as = ServerConnection::open(url_as(who));
        ASSERT_TRUE(as.connection) << as.error.message;
        auto added = as.connection->exec("INSERT INTO algoscope.stations (uuid, name) VALUES "
                                         "($1, $2)",
                                         {ServerParam::text(uuid), ServerParam::text(name)});
        ASSERT_TRUE(added.ok()) << added.error.message;
    }

    // Steps the watcher until `done` holds for a line it printed (or `limit` passes); every
    // line is kept in `lines`.
    template <typename Done>
    std::optional<StationProgress> watch_until(ClassWatcher& watcher, Done done,
                                               std::chrono::milliseconds limit) {
        const auto end = Clock::now() + limit;
        while (Clock::now() < end) {
            for (const StationProgress& p : watcher.step(50ms)) {
                lines.push_back(p);
                if (done(p)) return p;
            }
        }
        return std::nullopt;
    }

    static constexpr const char* kStationA = "0190aaaa-0000-7000-8000-00000000000a";
    static constexpr const char* kStationB = "0190bbbb-0000-7000-8000-00000000000b";
    std::vector<StationProgress> lines;
};

TEST_F(ClassViewTest, AStationsProgressReachesTheTeachersWatcher) {
    ClassWatcher watcher(url_as("teacher"), "7b");
    ClassPublisher desk(url_as("student_a"), kStationA, "7b");
    desk.offer(attempt_at(312.0, 84.0));
    const auto seen = watch_until(
        watcher, [](const StationProgress& p) { return p.pressure_kpa == 312.0; }, 5s);
    ASSERT_TRUE(seen) << watcher.error().message << " / " << desk.status().error.message;
    EXPECT_EQ(seen->station, "desk 1");
    EXPECT_EQ(seen->student, "Anna");
    EXPECT_EQ(seen->exercise, "trapezius hold");
    EXPECT_EQ(seen->state, StationState::Attempt);
    EXPECT_EQ(seen->band_low_kpa, 250.0);
    EXPECT_EQ(seen->band_high_kpa, 350.0);
    EXPECT_EQ(seen->in_band_pct, 84.0);
    EXPECT_EQ(seen->t_utc_s, 1.8e9 + 312.0);
    EXPECT_FALSE(seen->score);

    StationProgress done = attempt_at(301.0, 90.0);
    done.state = StationState::Done;
    done.score = ClassScore{4.5, 12.25, 9.75, 90.0};
    desk.offer(done);
    const auto finished = watch_until(
        watcher, [](const StationProgress& p) { return p.state == StationState::Done; }, 5s);
    ASSERT_TRUE(finished);
    ASSERT_TRUE(finished->score);
    EXPECT_EQ(finished->score->constant_error_kpa, 4.5);
    EXPECT_EQ(finished->score->absolute_error_kpa, 12.25);
    EXPECT_EQ(finished->score->variable_error_kpa, 9.75);
    EXPECT_EQ(finished->score->time_in_band_pct, 90.0);
}

TEST_F(ClassViewTest, AStationPublishesAtMostFiveUpdatesASecond) {
    ClassPublisher desk(url_as("student_a"), kStationA, "7b");
    const auto start = Clock::now();
    int offers = 0;
    while (Clock::now() - start < 2s) {
        desk.offer(attempt_at(300.0 + offers % 50, 50.0));
        ++offers;
        std::this_thread::sleep_for(1ms);
    }
    ASSERT_TRUE(desk.flush(2s));
    const auto elapsed_s = std::chrono::duration<double>(Clock::now() - start).count();
    EXPECT_GT(offers, 500);
    // One update per 200 ms, and the first at once.
    EXPECT_LE(desk.status().sent, static_cast<std::int64_t>(elapsed_s * kMaxProgressPerSecond) + 1);
    EXPECT_GE(desk.status().sent, 8);
}

TEST_F(ClassViewTest, AStationWritesOnlyItsOwnProgressAndSeesNoOther) {
    ClassPublisher desk_a(url_as("student_a"), kStationA, "7b");
    desk_a.offer(attempt_at(320.0, 70.0));
    ASSERT_TRUE(desk_a.flush(5s)) << desk_a.status().error.message;

    // Station B's role publishing as station A is refused by row-level security.
    ClassPublisher forged(url_as("student_b"), kStationA, "7b");
    forged.offer(attempt_at(999.0, 0.0));
    EXPECT_FALSE(forged.flush(1500ms));
    EXPECT_EQ(forged.status().sent, 0);
    EXPECT_EQ(forged.status().error.problem, ServerProblem::PermissionDenied)
        << forged.status().error.message;

    auto b = ServerConnection::open(url_as("student_b"));
    ASSERT_TRUE(b.connection);
    EXPECT_EQ(
        b.connection->exec("SELECT count(*) FROM algoscope.class_progress").rows.integer(0, 0), 0);
    EXPECT_FALSE(b.connection
                     ->exec("INSERT INTO algoscope.class_exercises (class_id, "
                            "template_uuid, schedule) VALUES (1, gen_random_uuid(), '')")
                     .ok());
    auto teacher = ServerConnection::open(url_as("teacher"));
    ASSERT_TRUE(teacher.connection);
    const auto all = teacher.connection->exec("SELECT pressure_kpa FROM algoscope.class_progress");
    ASSERT_EQ(all.rows.size(), 1);
    EXPECT_EQ(all.rows.real(0, 0), 320.0);
    // A teacher reads the class but publishes for no station.
    EXPECT_FALSE(
        teacher.connection->exec("UPDATE algoscope.class_progress SET pressure_kpa = 1").ok());
}

TEST_F(ClassViewTest, AStationThatFallsSilentIsOfflineWithinTwoSecondsWithoutItsPressure) {
    ClassWatcher watcher(url_as("teacher"), "7b");
    Clock::time_point last_update;
    {
        ClassPublisher desk(url_as("student_a"), kStationA, "7b");
        desk.offer(attempt_at(333.0, 60.0));
        ASSERT_TRUE(desk.flush(5s));
        last_update = Clock::now();
        ASSERT_TRUE(watch_until(
            watcher, [](const StationProgress& p) { return p.pressure_kpa == 333.0; }, 5s));
    }
    const auto offline = watch_until(
        watcher, [](const StationProgress& p) { return p.state == StationState::Offline; }, 5s);
    ASSERT_TRUE(offline);
    const double after_s = std::chrono::duration<double>(Clock::now() - last_update).count();
    EXPECT_GE(after_s, kStationOfflineAfterS - 0.05);
    EXPECT_LE(after_s, kStationOfflineAfterS + 0.5);
    EXPECT_FALSE(offline->pressure_kpa);
    EXPECT_EQ(offline->student, "Anna");
    ASSERT_EQ(watcher.stations().size(), 1u);
    EXPECT_EQ(watcher.stations()[0].state, StationState::Offline);

    // Back when it publishes again.
    ClassPublisher again(url_as("student_a"), kStationA, "7b");
    again.offer(attempt_at(340.0, 61.0));
    const auto back = watch_until(
        watcher, [](const StationProgress& p) { return p.state == StationState::Attempt; }, 5s);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->pressure_kpa, 340.0);
}

TEST_F(ClassViewTest, AStationWhoseNetworkDropsIsOfflineWithinTwoSecondsAndBackWhenItReturns) {
    StationNetwork network(server_.port());
    ClassWatcher watcher(url_as("teacher"), "7b");
    ClassPublisher desk("postgresql://" + role("student_a") +
                            "@127.0.0.1:" + std::to_string(network.port()) + "/" + database_,
                        kStationA, "7b");
    // The station keeps measuring and offering throughout; only its network goes.
    const auto run_until = [&](auto done, std::chrono::milliseconds limit) {
        const auto end = Clock::now() + limit;
        while (Clock::now() < end) {
            desk.offer(attempt_at(315.0, 66.0));
            for (const StationProgress& p : watcher.step(20ms))
                if (done(p)) return std::optional<StationProgress>(p);
        }
        return std::optional<StationProgress>();
    };
    ASSERT_TRUE(run_until([](const StationProgress& p) { return p.pressure_kpa == 315.0; }, 5s))
        << desk.status().error.message;

    network.drop();
    const auto dropped_at = Clock::now();
    const auto offline =
        run_until([](const StationProgress& p) { return p.state == StationState::Offline; }, 5s);
    ASSERT_TRUE(offline);
    const double after_s = std::chrono::duration<double>(Clock::now() - dropped_at).count();
    EXPECT_LE(after_s, kStationOfflineAfterS + 0.1);
    EXPECT_FALSE(offline->pressure_kpa);

    network.restore();
    const auto restored_at = Clock::now();
    const auto back =
        run_until([](const StationProgress& p) { return p.state == StationState::Attempt; }, 10s);
    ASSERT_TRUE(back) << desk.status().error.message;
    EXPECT_EQ(back->pressure_kpa, 315.0);
    EXPECT_LE(std::chrono::duration<double>(Clock::now() - restored_at).count(), 1.0);
}

TEST_F(ClassViewTest, AStationWhoseNetworkIsGoneClosesWithoutWaitingForIt) {
    StationNetwork network(server_.port());
    auto desk = std::make_unique<ClassPublisher>(
        "postgresql://" + role("student_a") + "@127.0.0.1:" + std::to_string(network.port()) + "/" +
            database_,
        kStationA, "7b");
    desk->offer(attempt_at(300.0, 50.0));
    ASSERT_TRUE(desk->flush(5s)) << desk->status().error.message;
    network.drop();
    // This update waits on the dropped network (TCP retries for minutes).
    desk->offer(attempt_at(301.0, 50.0));
    EXPECT_FALSE(desk->flush(500ms));
    const auto closing = Clock::now();
    desk.reset();
    EXPECT_LT(std::chrono::duration<double>(Clock::now() - closing).count(), 1.5);
    network.restore();
}

TEST_F(ClassViewTest, AWatcherWhoseConnectionIsKilledReconnectsToTheCurrentPicture) {
    ClassWatcher watcher(url_as("teacher"), "7b");
    ClassPublisher desk(url_as("student_a"), kStationA, "7b");
    desk.offer(attempt_at(310.0, 40.0));
    ASSERT_TRUE(watch_until(
        watcher, [](const StationProgress& p) { return p.pressure_kpa == 310.0; }, 5s));
    ASSERT_EQ(watcher.connections(), 1);

    admin_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" +
              role("teacher") + "'");
    // Its notification is lost with the connection: the re-read after reconnecting finds it.
    StationProgress done = attempt_at(305.0, 77.0);
    done.state = StationState::Done;
    done.score = ClassScore{1.0, 2.0, 3.0, 77.0};
    desk.offer(done);
    ASSERT_TRUE(desk.flush(5s));
    const auto current = watch_until(
        watcher, [](const StationProgress& p) { return p.state == StationState::Done; }, 10s);
    ASSERT_TRUE(current) << watcher.error().message;
    EXPECT_EQ(watcher.connections(), 2);
    ASSERT_TRUE(current->score);
    EXPECT_EQ(current->score->time_in_band_pct, 77.0);
}

TEST_F(ClassViewTest, AnotherClassesStationNeverAppears) {
    ClassWatcher watcher(url_as("teacher"), "7b");
    ClassPublisher desk_a(url_as("student_a"), kStationA, "7b");
    ClassPublisher desk_b(url_as("student_b"), kStationB, "8a");
    const auto start = Clock::now();
    while (Clock::now() - start < 1500ms) {
        desk_a.offer(attempt_at(300.0, 10.0));
        desk_b.offer(attempt_at(444.0, 20.0));
        for (const StationProgress& p : watcher.step(20ms))
            lines.push_back(p);
    }
    ASSERT_TRUE(desk_b.flush(2s));
    EXPECT_GE(desk_b.status().sent, 3);
    ASSERT_FALSE(lines.empty());
    for (const StationProgress& p : lines)
        EXPECT_EQ(p.station, "desk 1");
    ASSERT_EQ(watcher.stations().size(), 1u);
}

TEST_F(ClassViewTest, AServerRestartedDuringAClassIsPickedUpByStationsAndWatcher) {
    const std::string state = file("own-server");
    ASSERT_EQ(run_script("start", state), 0);
    std::string error;
    const algotest::TestServer own = algotest::TestServer::from_state_dir(state, error);
    ASSERT_EQ(error, "");
    // The same study on the test's own server (roles are the cluster's, so made there too).
    algotest::TestServer shared = server_;
    server_ = own;
    ASSERT_EQ(own.recreate_database(database_), "");
    prepare(own.admin_url(database_));
    ClassWatcher watcher(own.url(database_, role("teacher")), "7b");
    ClassPublisher desk(own.url(database_, role("student_a")), kStationA, "7b");
    desk.offer(attempt_at(301.0, 50.0));
    ASSERT_TRUE(watch_until(
        watcher, [](const StationProgress& p) { return p.pressure_kpa == 301.0; }, 5s));

    // The throwaway server commits asynchronously: what the kill would lose (the roles just
    // made) is written first, as a real server's synchronous commit would have.
    ASSERT_EQ(own.admin_sql("postgres", "CHECKPOINT"), "");
    ASSERT_EQ(run_script("kill", state), 0);
    desk.offer(attempt_at(302.0, 51.0));
    watch_until(
        watcher, [](const StationProgress&) { return false; }, 1s);
    EXPECT_FALSE(watcher.connected());
    ASSERT_EQ(run_script("restart", state), 0);
    desk.offer(attempt_at(303.0, 52.0));
    const auto after = watch_until(
        watcher, [](const StationProgress& p) { return p.pressure_kpa == 303.0; }, 15s);
    EXPECT_TRUE(after) << watcher.error().message << " / " << desk.status().error.message;
    EXPECT_GE(watcher.connections(), 2);
    server_ = shared;
    run_script("stop", state);
}

} // namespace
