// The measuring commands end to end, as a researcher scripts them: a simulated algometer on a
// pseudo-terminal, a PPT trial from its patient button, a hold at 80-120 % of that stored PPT,
// then an export of both.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

struct CommandRun {
    int exit_code = -1;
    std::vector<std::string> lines;
};

CommandRun run(const std::string& command, bool with_stderr = false) {
    CommandRun r;
    FILE* pipe = popen((command + (with_stderr ? " 2>&1" : " 2>/dev/null")).c_str(), "r");
    if (pipe == nullptr) return r;
    char buffer[8192];
    while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
        std::string line = buffer;
        if (!line.empty() && line.back() == '\n') line.pop_back();
        r.lines.push_back(line);
    }
    const int status = pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
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
        for (int i = 0; i < 200 && !std::filesystem::exists(link); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
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

// Scripted keyframes (t_s, pressure_kpa, patient_button, operator_button), kept short so the
// test takes seconds: a 50 kPa/s ramp with the patient button at 150 kPa, and a hold at
// 150 kPa long enough for a 3 s dose.
constexpr const char* kPptScenario = "t_s,pressure_kpa,patient_button,operator_button\n"
                                     "0,0,0,0\n0.5,0,0,0\n3.5,150,1,0\n3.6,152,1,0\n"
                                     "3.8,152,0,0\n4.6,0,0,0\n";
constexpr const char* kHoldScenario = "t_s,pressure_kpa,patient_button,operator_button\n"
                                      "0,0,0,0\n0.3,0,0,0\n1.8,150,0,0\n8,150,0,0\n9,0,0,0\n";

std::string write_scenario(const std::filesystem::path& path, const char* text) {
    std::ofstream(path) << text;
    return path.string();
}

} // namespace

TEST(CliEndToEnd, PptThenRelativeHoldThenExport) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("algoscope-cli-e2e-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const std::string db = (dir / "study.db").string();
    const std::string cli = ALGOSCOPE_CLI;
    const std::string point = " --db " + db + " --subject S7 --site 'upper trapezius' --side R";

    // No PPT stored yet: a relative hold must refuse and name the missing threshold.
    const CommandRun refused = run(cli + " hold --port /dev/null" + point +
                                   " --band 80:120 --relative-to-ppt --duration 3");
    EXPECT_EQ(refused.exit_code, 3);
    const CommandRun refused_text = run(cli + " hold --port /dev/null" + point +
                                            " --band 80:120 --relative-to-ppt --duration 3",
                                        true);
    ASSERT_FALSE(refused_text.lines.empty());
    EXPECT_NE(refused_text.lines[0].find("no stored PPT"), std::string::npos);

    double ppt_kpa = 0.0;
    {
        Simulator sim((dir / "ppt-dev").string(), write_scenario(dir / "ppt.csv", kPptScenario));
        ASSERT_TRUE(sim.ready());
        const CommandRun ppt = run(cli + " ppt --port " + (dir / "ppt-dev").string() + point +
                                   " --trials 1 --timeout 60 --json");
        ASSERT_EQ(ppt.exit_code, 0);
        ASSERT_EQ(ppt.lines.size(), 2u);
        const auto trial = nlohmann::json::parse(ppt.lines[0]);
        EXPECT_EQ(trial["trial"], 1);
        EXPECT_TRUE(trial["valid"].get<bool>());
        ppt_kpa = trial["ppt_kpa"].get<double>();
        EXPECT_NEAR(ppt_kpa, 150.0, 10.0); // the button was pressed at 150 kPa
        EXPECT_NEAR(trial["rate_kpa_s"].get<double>(), 50.0, 10.0); // DFNS target rate
        const auto summary = nlohmann::json::parse(ppt.lines[1]);
        EXPECT_EQ(summary["site"], "upper_trapezius");
        EXPECT_EQ(summary["side"], "R");
        EXPECT_DOUBLE_EQ(summary["mean_kpa"].get<double>(), ppt_kpa);
    }
    {
        Simulator sim((dir / "hold-dev").string(), write_scenario(dir / "hold.csv", kHoldScenario));
        ASSERT_TRUE(sim.ready());
        const CommandRun hold =
            run(cli + " hold --port " + (dir / "hold-dev").string() + point +
                " --band 80:120 --relative-to-ppt --duration 3 --timeout 60 --json");
        ASSERT_EQ(hold.exit_code, 0);
        ASSERT_EQ(hold.lines.size(), 1u);
        const auto dose = nlohmann::json::parse(hold.lines[0]);
        EXPECT_NEAR(dose["band_low_kpa"].get<double>(), 0.8 * ppt_kpa, 1e-9);
        EXPECT_NEAR(dose["band_high_kpa"].get<double>(), 1.2 * ppt_kpa, 1e-9);
        EXPECT_GE(dose["time_in_band_s"].get<double>(), 3.0);
        for (const char* key : {"duration_s", "time_in_band_pct", "mean_kpa", "pti_kpa_s",
                                "peak_kpa", "excursions", "step_ups"}) {
            EXPECT_TRUE(dose.contains(key)) << key;
        }
        // The one hold shape (as history --json and the JSON export write it): the point,
        // each step-up, and the time without signal (measured: none here).
        EXPECT_EQ(dose["site"], "upper_trapezius");
        EXPECT_TRUE(dose["step_ups"].is_array());
        EXPECT_EQ(dose["signal_losses"], nlohmann::json::array());
        EXPECT_EQ(dose["signal_lost_s"], 0.0);
    }
    const CommandRun exported =
        run(cli + " export --db " + db + " --format csv --out " + (dir / "export").string());
    ASSERT_EQ(exported.exit_code, 0);
    std::ifstream trials(dir / "export" / "trials.csv");
    std::stringstream text;
    text << trials.rdbuf();
    EXPECT_NE(text.str().find("S7,"), std::string::npos);
    EXPECT_TRUE(std::filesystem::exists(dir / "export" / "traces" / "trial_000001.csv"));
    EXPECT_TRUE(std::filesystem::exists(dir / "export" / "traces" / "hold_000001.csv"));
    const CommandRun json = run(cli + " export --db " + db + " --format json");
    ASSERT_EQ(json.exit_code, 0);
    std::string doc;
    for (const auto& l : json.lines)
        doc += l + "\n";
    const auto parsed = nlohmann::json::parse(doc);
    EXPECT_EQ(parsed["trials"].size(), 1u);
    EXPECT_EQ(parsed["holds"].size(), 1u);
    std::filesystem::remove_all(dir);
}

// Issue 19 item 5: a script reading a legacy Latin-1 file passes a subject code that is not
// UTF-8. ppt refuses it before anything is measured or stored, naming the field and the byte
// (it once stored the trial and then died in the JSON library with exit 2).
TEST(CliEndToEnd, ASubjectCodeThatIsNotUtf8IsRefusedNamingTheFieldAndNothingIsStored) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("algoscope-cli-latin1-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const std::string db = (dir / "study.db").string();
    const std::string cli = ALGOSCOPE_CLI;
    Simulator sim((dir / "ppt-dev").string(), write_scenario(dir / "ppt.csv", kPptScenario));
    ASSERT_TRUE(sim.ready());
    const CommandRun ppt =
        run(cli + " ppt --port " + (dir / "ppt-dev").string() + " --db " + db +
                " --subject \"$(printf 'M\\374ller-01')\" --site 'upper trapezius' --side R"
                " --trials 1 --timeout 60 --json",
            true);
    EXPECT_EQ(ppt.exit_code, 2);
    ASSERT_FALSE(ppt.lines.empty());
    const std::string& message = ppt.lines.back();
    EXPECT_NE(message.find("the subject code must be UTF-8 text"), std::string::npos) << message;
    EXPECT_NE(message.find("byte 0xFC at position 2 is not UTF-8"), std::string::npos) << message;
    EXPECT_EQ(message.find("json"), std::string::npos) << message;
    const CommandRun exported =
        run(cli + " export --db " + db + " --format json --out " + (dir / "all.json").string());
    if (exported.exit_code == 0) {
        std::ifstream in(dir / "all.json");
        const auto study = nlohmann::json::parse(in);
        EXPECT_TRUE(study["subjects"].empty()) << study.dump().substr(0, 300);
    }
    std::filesystem::remove_all(dir);
}
