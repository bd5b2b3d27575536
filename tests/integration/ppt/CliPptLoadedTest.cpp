// `algoscope-cli ppt` on the simulated algometer, started while the probe is already loaded
// and the patient presses during that first ramp: the operator is told what the trial waits
// for ("probe loaded (73 kPa): lift below 5 kPa to begin"), the press is printed as an event
// (it said nothing and dropped it), and the ramp from baseline after the lift is the trial.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

struct CommandRun {
    int exit_code = -1;
    std::vector<std::string> lines; ///< stdout
    std::string errors;             ///< stderr
};

CommandRun run(const std::string& command, const std::filesystem::path& stderr_file) {
    CommandRun r;
    FILE* pipe = popen((command + " 2>" + stderr_file.string()).c_str(), "r");
    if (pipe == nullptr) return r;
    char buffer[8192];
    while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
        std::string line = buffer;
        if (!line.empty() && line.back() == '\n') line.pop_back();
        r.lines.push_back(line);
    }
    const int status = pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ostringstream errors;
    errors << std::ifstream(stderr_file).rdbuf();
    r.errors = errors.str();
    return r;
}

class Simulator {
public:
    Simulator(const std::string& link, const std::string& scenario_file) : link_(link) {
        pid_ = fork();
        if (pid_ == 0) {
            std::freopen("/dev/null", "w", stdout);
            execl(ALGOSCOPE_SIM, ALGOSCOPE_SIM, "--autostart", "--scenario-file",
                  scenario_file.c_str(), "--link", link.c_str(), nullptr);
            _exit(127);
        }
        for (int i = 0; i < 200 && !std::filesystem::exists(link); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ~Simulator() {
        kill(pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
    }
    bool ready() const { return std::filesystem::exists(link_); }

private:
    std::string link_;
    pid_t pid_ = -1;
};

// The probe rests at 73 kPa when the command starts, is ramped on to 200 kPa where the
// patient presses (t 4.5 s), is lifted, and then ramped from baseline to the patient's
// press at 150 kPa (t 10 s).
constexpr const char* kLoadedScenario = "t_s,pressure_kpa,patient_button,operator_button\n"
                                        "0,73,0,0\n2,73,0,0\n4.5,200,1,0\n4.7,200,0,0\n"
                                        "5.5,0,0,0\n7,0,0,0\n10,150,1,0\n10.2,150,0,0\n"
                                        "11,0,0,0\n";

} // namespace

TEST(CliPptLoaded, StartedWhileTheProbeIsLoadedItSaysSoAndPrintsThePressAsAnEvent) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("algoscope-cli-ppt-loaded-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto scenario = dir / "loaded.csv";
    std::ofstream(scenario) << kLoadedScenario;
    Simulator sim((dir / "dev").string(), scenario.string());
    ASSERT_TRUE(sim.ready());
    const std::string cli = ALGOSCOPE_CLI;
    const CommandRun ppt =
        run(cli + " ppt --port " + (dir / "dev").string() + " --db " + (dir / "study.db").string() +
                " --subject S7 --site 'upper trapezius' --side R --trials 1 --timeout 60",
            dir / "stderr.txt");
    ASSERT_EQ(ppt.exit_code, 0) << ppt.errors;

    // Told once, with the pressure it saw (about 73 kPa, load-cell noise aside).
    const std::regex waiting("probe loaded \\((7[0-6]) kPa\\): lift below 5 kPa to begin\\n");
    std::smatch found;
    ASSERT_TRUE(std::regex_search(ppt.errors, found, waiting)) << ppt.errors;
    EXPECT_EQ(ppt.errors.find("probe loaded", found.position(0) + 1), std::string::npos)
        << ppt.errors;
    EXPECT_NE(ppt.errors.find("the patient pressed at "), std::string::npos) << ppt.errors;

    // stdout: the press as an event, then the trial from baseline, then the summary.
    ASSERT_EQ(ppt.lines.size(), 3u) << ppt.errors;
    const auto event = nlohmann::json::parse(ppt.lines[0]);
    EXPECT_EQ(event["event"], "pressed_while_loaded");
    EXPECT_NEAR(event["pressure_kpa"].get<double>(), 200.0, 10.0);
    const auto trial = nlohmann::json::parse(ppt.lines[1]);
    EXPECT_EQ(trial["trial"], 1);
    EXPECT_TRUE(trial["valid"].get<bool>()) << ppt.lines[1];
    EXPECT_NEAR(trial["ppt_kpa"].get<double>(), 150.0, 10.0);
    const auto summary = nlohmann::json::parse(ppt.lines[2]);
    EXPECT_EQ(summary["n"], 1);
    std::filesystem::remove_all(dir);
}
