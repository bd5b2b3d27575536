// The class view end to end with the programs a class runs, on a real PostgreSQL 15: a teacher
// records a template and assigns it to a class with `class assign`; three students, each
// a station of their own (its own file, role and simulated device), run the class's exercise
// with `train attempt --class`; `class watch --json` shows each one's progress and final score,
// equal to the score stored on that station. A device unplugged mid-attempt shows NO SIGNAL,
// then the attempt's end. Over the course, `class progress` lists every attempt the class's
// students made, over their sessions, with the scores stored on their stations, and the
// export's class_progress.csv is the same file.
#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "CliRun.h"
#include "TestServer.h"
#include "algocore/session/Workbench.h"
#include "algocore/sharedstudy/ServerSchema.h"

namespace {

using algotest::ServerTest;
using clitest::run_cli;
using nlohmann::json;

std::string sh(const std::string& text) {
    return "'" + text + "'";
}

// A simulated algometer playing a scenario file on a pseudo-terminal at `link`.
class Simulator {
public:
    Simulator(const std::string& link, const std::string& scenario,
              const std::vector<std::string>& extra = {}) {
        std::vector<std::string> args{ALGOSCOPE_SIM_PATH, "--autostart", "--scenario-file",
                                      scenario,           "--link",      link};
        args.insert(args.end(), extra.begin(), extra.end());
        pid_ = ::fork();
        if (pid_ == 0) {
            std::freopen("/dev/null", "w", stdout);
            std::vector<char*> argv;
            for (auto& a : args)
                argv.push_back(a.data());
            argv.push_back(nullptr);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        for (int i = 0; i < 300 && !std::filesystem::exists(link); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ~Simulator() {
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }

private:
    pid_t pid_ = -1;
};

// Rest, press to `kpa` at `contact_s` for 4 s, lift, rest.
std::string hold_scenario(double contact_s, double kpa) {
    const auto at = [](double t, double p) {
        return std::to_string(t) + "," + std::to_string(p) + ",0,0\n";
    };
    return "t_s,pressure_kpa,patient_button,operator_button\n" + at(0, 0) + at(contact_s, 0) +
           at(contact_s + 0.5, kpa) + at(contact_s + 4.0, kpa) + at(contact_s + 4.5, 0) +
           at(contact_s + 30.0, 0);
}

class CliClassTest : public ServerTest {
protected:
    void SetUp() override {
        ServerTest::SetUp();
        if (HasFatalFailure()) return;
        ASSERT_EQ(run_cli("server init --server " + sh(admin_url()) + " --study class").exit_code,
                  0);
        make_role("teacher", "pw-t", algocore::sharedstudy::kStationGroupRole);
        admin_sql("GRANT algoscope_teacher TO " + role("teacher"));
        for (int i = 1; i <= 3; ++i)
            make_role("student" + std::to_string(i), "pw-" + std::to_string(i),
                      algocore::sharedstudy::kStationGroupRole);
    }

    std::string scenario(const std::string& name, const std::string& text) {
        const std::string path = file(name + ".csv");
        std::ofstream(path) << text;
        return path;
    }

    // The teacher records a 3.5 s hold at 300 kPa with the band 250-350 (through the training
    // engine, from a scripted hold) and assigns it to 7b.
    void assign_exercise() {
        {
            algocore::session::Workbench wb;
            ASSERT_EQ(wb.open_database(file("teacher.sqlite")), "");
            auto& training = wb.training();
            ASSERT_EQ(training.set_teacher("Tess"), "");
            ASSERT_EQ(training.start_recording(algocore::protocols::TemplateKind::Hold,
                                               "trapezius 300",
                                               algocore::protocols::PressureBand{250.0, 350.0}),
                      "");
            std::vector<algocore::Sample> hold;
            // Rest 1 s, press to 300 kPa in 0.5 s, hold it 3 s (the recording ends holding).
            for (int i = 0; i <= 4500; ++i) {
                algocore::Sample sample;
                sample.t_s = i / 1000.0;
                sample.pressure_kpa = sample.t_s < 1.0   ? 0.0
                                      : sample.t_s < 1.5 ? 600.0 * (sample.t_s - 1.0)
                                                         : 300.0;
                hold.push_back(sample);
            }
            wb.feed_frame(hold);
            ASSERT_EQ(training.finish_recording(), "");
            ASSERT_TRUE(training.template_id());
            template_id = *training.template_id();
            ASSERT_TRUE(wb.storage()->flush(std::chrono::seconds(10)));
            ASSERT_EQ(wb.close_database(), 0u);
        }
        const auto assigned =
            run_cli("class assign --server " + sh(url_as("teacher")) + " --class 7b --db " +
                    file("teacher.sqlite") + " --template " + std::to_string(template_id) +
                    " --stage full --station 'teacher desk' --json");
        ASSERT_EQ(assigned.exit_code, 0) << assigned.stderr_text;
        ASSERT_EQ(assigned.lines.size(), 1u);
        EXPECT_EQ(json::parse(assigned.lines[0])["exercise"], "trapezius 300");
    }

    // `class watch --json` for `seconds`, on its own thread.
    std::future<clitest::CliRun> watch(double seconds) {
        const std::string command = "class watch --server " + sh(url_as("teacher")) +
                                    " --class 7b --json --duration " + std::to_string(seconds);
        return std::async(std::launch::async, [command] { return run_cli(command); });
    }

    // Student n's attempt on their own station with their own simulated device.
    std::future<clitest::CliRun> attempt(int n, const std::string& scenario_file,
                                         const std::vector<std::string>& sim_extra = {}) {
        const std::string link = file("dev" + std::to_string(n));
        sims.push_back(std::make_unique<Simulator>(link, scenario_file, sim_extra));
        const std::string command =
            "train attempt --db " + file("s" + std::to_string(n) + ".sqlite") + " --port " + link +
            " --student Student" + std::to_string(n) + " --server " +
            sh(url_as("student" + std::to_string(n))) + " --class 7b --station 'desk " +
            std::to_string(n) + "' --timeout 60";
        return std::async(std::launch::async, [command] { return run_cli(command); });
    }

    // Student n's attempt in `class_name`, in round `round` (a station run: a session).
    std::future<clitest::CliRun> attempt_in(int n, const std::string& class_name, int round,
                                            double kpa) {
        const std::string tag = std::to_string(n) + "r" + std::to_string(round);
        const std::string link = file("dev" + tag);
        sims.push_back(std::make_unique<Simulator>(
            link, scenario("s" + tag, hold_scenario(4.0 + 0.3 * n, kpa))));
        const std::string command =
            "train attempt --db " + file("s" + std::to_string(n) + ".sqlite") + " --port " + link +
            " --student Student" + std::to_string(n) + " --server " +
            sh(url_as("student" + std::to_string(n))) + " --class " + class_name +
            " --station 'desk " + std::to_string(n) + "' --timeout 60";
        return std::async(std::launch::async, [command] { return run_cli(command); });
    }

    // The watcher's lines of one station.
    static std::vector<json> lines_of(const clitest::CliRun& watched, const std::string& station) {
        std::vector<json> out;
        for (const std::string& line : watched.lines) {
            json j = json::parse(line);
            if (j["station"] == station) out.push_back(j);
        }
        return out;
    }

    long long template_id = 0;
    std::vector<std::unique_ptr<Simulator>> sims;
};

TEST_F(CliClassTest, ThreeStudentsProgressAndScoresShowInClassWatchAsStoredOnTheirStations) {
    assign_exercise();
    if (HasFatalFailure()) return;
    auto watched = watch(16.0);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const double pressures[] = {0.0, 280.0, 310.0, 340.0};
    std::vector<std::future<clitest::CliRun>> runs;
    for (int n = 1; n <= 3; ++n)
        runs.push_back(attempt(
            n, scenario("s" + std::to_string(n), hold_scenario(4.0 + 0.3 * n, pressures[n]))));
    std::vector<clitest::CliRun> done;
    for (auto& r : runs)
        done.push_back(r.get());
    const clitest::CliRun classes = watched.get();
    EXPECT_EQ(classes.exit_code, 0) << classes.stderr_text;

    for (int n = 1; n <= 3; ++n) {
        SCOPED_TRACE("student " + std::to_string(n));
        const clitest::CliRun& run = done[static_cast<std::size_t>(n - 1)];
        ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
        ASSERT_EQ(run.lines.size(), 1u);
        const json printed = json::parse(run.lines[0]);
        EXPECT_EQ(printed["class"], "7b");

        SQLite::Database station(file("s" + std::to_string(n) + ".sqlite"));
        SQLite::Statement stored(station, "SELECT constant_error_kpa, absolute_error_kpa, "
                                          "variable_error_kpa, time_in_band_pct, exercise "
                                          "FROM training_scores");
        ASSERT_TRUE(stored.executeStep());
        EXPECT_EQ(stored.getColumn(4).getString(), "trapezius 300");

        const auto lines = lines_of(classes, "desk " + std::to_string(n));
        ASSERT_FALSE(lines.empty());
        bool saw_progress = false;
        for (const json& l : lines) {
            EXPECT_EQ(l["student"], "Student" + std::to_string(n));
            EXPECT_EQ(l["band_low_kpa"], 250.0);
            EXPECT_EQ(l["band_high_kpa"], 350.0);
            if (l["state"] == "attempt" && l["pressure_kpa"].is_number() &&
                l["in_band_pct"].is_number() && l["score"].is_null())
                saw_progress = true;
        }
        EXPECT_TRUE(saw_progress);
        const json* final_line = nullptr;
        for (const json& l : lines)
            if (l["state"] == "done") final_line = &l;
        ASSERT_NE(final_line, nullptr);
        const json& score = (*final_line)["score"];
        const char* fields[] = {"constant_error_kpa", "absolute_error_kpa", "variable_error_kpa",
                                "time_in_band_pct"};
        for (int f = 0; f < 4; ++f) {
            EXPECT_EQ(score[fields[f]].get<double>(), stored.getColumn(f).getDouble()) << fields[f];
            EXPECT_EQ(printed[fields[f]].get<double>(), stored.getColumn(f).getDouble())
                << fields[f];
        }
        EXPECT_EQ((*final_line)["in_band_pct"], score["time_in_band_pct"]);
    }
    // Pressed at 280, 310 and 340 kPa against a 300 kPa template: the bias shows in the scores.
    const auto ce = [&](int n) {
        return json::parse(done[static_cast<std::size_t>(n - 1)].lines[0])["constant_error_kpa"]
            .get<double>();
    };
    EXPECT_LT(ce(1), -10.0);
    EXPECT_GT(ce(3), 25.0);

    // The scores reached the study by the stations' push.
    auto server = algocore::sharedstudy::ServerConnection::open(admin_url());
    ASSERT_TRUE(server.connection);
    EXPECT_EQ(server.connection->exec("SELECT count(*) FROM algoscope.training_scores")
                  .rows.integer(0, 0),
              3);
}

TEST_F(CliClassTest, ClassProgressListsEachStudentsStoredScoresOverSessionsAndExportsThem) {
    assign_exercise();
    if (HasFatalFailure()) return;
    const auto to_8a =
        run_cli("class assign --server " + sh(url_as("teacher")) + " --class 8a --db " +
                file("teacher.sqlite") + " --template " + std::to_string(template_id));
    ASSERT_EQ(to_8a.exit_code, 0) << to_8a.stderr_text;
    // Two sessions each for students 1 and 2 in 7b; student 3 trains in 8a.
    for (int round = 1; round <= 2; ++round) {
        std::vector<std::future<clitest::CliRun>> runs;
        runs.push_back(attempt_in(1, "7b", round, 270.0 + 20.0 * round));
        runs.push_back(attempt_in(2, "7b", round, 340.0 - 15.0 * round));
        if (round == 1) runs.push_back(attempt_in(3, "8a", round, 300.0));
        for (auto& r : runs) {
            const clitest::CliRun done = r.get();
            ASSERT_EQ(done.exit_code, 0) << done.stderr_text;
        }
    }
    const auto listed =
        run_cli("class progress --server " + sh(url_as("teacher")) + " --class 7b --json");
    ASSERT_EQ(listed.exit_code, 0) << listed.stderr_text;
    ASSERT_EQ(listed.lines.size(), 4u);
    const char* fields[] = {"constant_error_kpa", "absolute_error_kpa", "variable_error_kpa",
                            "time_in_band_pct"};
    for (int n = 1; n <= 2; ++n) {
        SCOPED_TRACE("student " + std::to_string(n));
        SQLite::Database station(file("s" + std::to_string(n) + ".sqlite"));
        SQLite::Statement stored(station,
                                 "SELECT constant_error_kpa, absolute_error_kpa, "
                                 "variable_error_kpa, time_in_band_pct, attempted_utc, exercise, "
                                 "session_id FROM training_scores ORDER BY attempted_utc, id");
        std::vector<long long> sessions;
        for (int i = 0; i < 2; ++i) {
            ASSERT_TRUE(stored.executeStep());
            const json line = json::parse(listed.lines[static_cast<std::size_t>(2 * (n - 1) + i)]);
            EXPECT_EQ(line["student"], "Student" + std::to_string(n));
            EXPECT_EQ(line["station"], "desk " + std::to_string(n));
            EXPECT_EQ(line["t"], stored.getColumn(4).getString());
            EXPECT_EQ(line["exercise"], stored.getColumn(5).getString());
            for (int f = 0; f < 4; ++f)
                EXPECT_EQ(line[fields[f]].get<double>(), stored.getColumn(f).getDouble())
                    << fields[f];
            sessions.push_back(stored.getColumn(6).getInt64());
        }
        EXPECT_FALSE(stored.executeStep());
        // Each run of the station was a session of its own, and the server says so too.
        EXPECT_NE(sessions[0], sessions[1]);
        EXPECT_NE(json::parse(listed.lines[static_cast<std::size_t>(2 * (n - 1))])["session"],
                  json::parse(listed.lines[static_cast<std::size_t>(2 * (n - 1) + 1)])["session"]);
    }
    for (const std::string& line : listed.lines)
        EXPECT_EQ(line.find("Student3"), std::string::npos) << line;

    // The CSV, alone and with the rest of the study's export: the same bytes.
    make_role("reader", "pw-r", algocore::sharedstudy::kReaderGroupRole);
    const auto csv = run_cli("class progress --server " + sh(url_as("teacher")) +
                             " --class 7b --csv " + file("progress.csv"));
    ASSERT_EQ(csv.exit_code, 0) << csv.stderr_text;
    const auto exported =
        run_cli("export --server " + sh(url_as("reader")) + " --class 7b --out " + file("export"));
    ASSERT_EQ(exported.exit_code, 0) << exported.stderr_text;
    const auto read = [](const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    const std::string alone = read(file("progress.csv"));
    EXPECT_EQ(std::count(alone.begin(), alone.end(), '\n'), 5);
    EXPECT_EQ(alone.rfind("class,student,attempted_utc,", 0), 0u) << alone;
    EXPECT_EQ(read(file("export") + "/class_progress.csv"), alone);
    EXPECT_TRUE(std::filesystem::exists(file("export") + "/training_scores.csv"));

    // A station's role may not read the class's course.
    const auto refused =
        run_cli("class progress --server " + sh(url_as("student1")) + " --class 7b --json");
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.stderr_text.find("teacher's or a reader's role"), std::string::npos)
        << refused.stderr_text;
    EXPECT_TRUE(refused.lines.empty());
}

TEST_F(CliClassTest, AStationUnpluggedMidAttemptShowsNoSignalThenTheAttemptsEnd) {
    assign_exercise();
    if (HasFatalFailure()) return;
    auto watched = watch(14.0);
    // Contact at 5 s; the device vanishes at 6.5 s and is back 1.5 s later.
    auto run = attempt(1, scenario("s1", hold_scenario(5.0, 300.0)),
                       {"--disconnect-at", "6.5", "--reconnect-after", "1.5"});
    const clitest::CliRun attempted = run.get();
    const clitest::CliRun classes = watched.get();
    ASSERT_EQ(attempted.exit_code, 0) << attempted.stderr_text;
    const auto lines = lines_of(classes, "desk 1");
    std::vector<std::string> states;
    for (const json& l : lines) {
        if (states.empty() || states.back() != l["state"].get<std::string>())
            states.push_back(l["state"]);
        if (l["state"] == "no_signal") {
            EXPECT_TRUE(l["pressure_kpa"].is_null()) << l.dump();
        }
    }
    std::string seen;
    for (const auto& s : states)
        seen += s + " ";
    // Before the device answers the station has no signal either; what counts is the order
    // from the attempt on: running, NO SIGNAL while unplugged, then the attempt's end.
    const auto attempt_at = std::find(states.begin(), states.end(), "attempt");
    ASSERT_NE(attempt_at, states.end()) << seen;
    const auto lost_at = std::find(attempt_at, states.end(), "no_signal");
    ASSERT_NE(lost_at, states.end()) << seen;
    EXPECT_NE(std::find(lost_at, states.end(), "done"), states.end()) << seen;
}

TEST_F(CliClassTest, BadArgumentsAreRefusedWithExit2) {
    const std::string server = " --server " + sh(url_as("teacher"));
    const struct {
        std::string args;
        std::string says;
    } cases[] = {
        {"class watch" + server, "--class"},
        {"class watch" + server + " --class 7b --duration -1", "--duration"},
        {"class watch --server 'postgresql://a:secret@h/x' --class 7b", "password"},
        {"class watch" + server + " --class nosuch --duration 5", "no class named 'nosuch'"},
        {"class assign" + server + " --class 7b --db " + file("none.sqlite") + " --template 1",
         "no database"},
        {"class assign" + server + " --class 7b --db x --template 1 --stage loud",
         "--stage must be"},
        {"class assign" + server + " --class 7b --db x --template 1 --stage full --faded 2",
         "not both"},
        {"train attempt --db " + file("s.sqlite") + " --port p --student A --class 7b",
         "--class needs --server"},
        {"train attempt --db " + file("s.sqlite") +
             " --port p --student A --class 7b --template 3" + server,
         "not both"},
        {"train attempt --db " + file("s.sqlite") + " --port p --student A", "--template"},
        {"class progress" + server, "--class"},
        {"class progress --server 'postgresql://a:secret@h/x' --class 7b", "password"},
        {"class progress" + server + " --class 7b --json --csv x.csv", "not both"},
        {"class progress" + server + " --class nosuch", "no class named 'nosuch'"},
        {"export --db " + file("none.sqlite") + " --class 7b --out " + file("e"),
         "--class needs --server"},
    };
    for (const auto& c : cases) {
        const auto refused = run_cli(c.args);
        EXPECT_EQ(refused.exit_code, 2) << c.args << "\n" << refused.stderr_text;
        EXPECT_NE(refused.stderr_text.find(c.says), std::string::npos) << c.args << "\n"
                                                                       << refused.stderr_text;
    }
}

} // namespace
