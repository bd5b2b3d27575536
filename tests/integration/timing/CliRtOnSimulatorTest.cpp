// `algoscope-cli rt --json` on the simulated algometer behind a pseudo-terminal: the device
// gives each cue, the simulated subject answers after the reaction time it was given; the
// printed lines and the stored test agree, and the median is within 5 ms of that time.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "RtCommand.h"
#include "algocore/session/Workbench.h"
#include "algocore/storage/OpenStorage.h"
#include "algosim/SimulatedAlgometer.h"

using namespace algocore;

namespace {

class CliRtOnSimulator : public ::testing::Test {
protected:
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("algoscope-cli-rt-" + std::to_string(getpid()) + "-" +
                                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::string db = (dir / "study.sqlite").string();

    void SetUp() override {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
    }
    void TearDown() override { std::filesystem::remove_all(dir); }
};

std::vector<nlohmann::json> json_lines(const std::string& text) {
    std::vector<nlohmann::json> lines;
    std::string line;
    for (std::istringstream in(text); std::getline(in, line);)
        lines.push_back(nlohmann::json::parse(line));
    return lines;
}

} // namespace

TEST_F(CliRtOnSimulator, PrintsEveryCueAndTheStoredMedianWithin5MsOfTheSubjectsReactionTime) {
    algosim::SimulatedAlgometerOptions sim_options;
    sim_options.scenario = "idle";
    sim_options.reaction = {250.0, 0.0};
    sim_options.seed = 7;
    algosim::SimulatedAlgometer sim(sim_options);
    ASSERT_EQ(sim.start(), "");

    cli_rt::Options options;
    options.common.port = sim.device_path();
    options.common.driver = "native";
    options.common.db = db;
    options.common.subject = "RT-1";
    options.common.timeout_s = 120.0;
    options.trials = 4;
    std::ostringstream out, err;
    {
        session::Workbench wb;
        const auto connect = [&](session::Workbench& bench) {
            cli_measuring::connect_device(bench, options.common);
        };
        try {
            cli_rt::run(options, wb, cli_measuring::device_frames(), connect, out, err);
        } catch (const cli_measuring::Failure& failure) {
            FAIL() << failure.message << "\n" << out.str() << err.str();
        }
        wb.disconnect();
    }
    sim.stop();

    const auto lines = json_lines(out.str());
    ASSERT_GE(lines.size(), 7u) << out.str() << err.str(); // 2 practice + 4 counted + result
    const auto& last = lines.back();
    EXPECT_EQ(last["cue_source"], "device");
    EXPECT_EQ(last["n"], 4);
    EXPECT_EQ(last["anticipations"], 0);
    EXPECT_EQ(last["complete"], true);
    EXPECT_NEAR(last["median_ms"].get<double>(), 250.0, 5.0);
    EXPECT_TRUE(last["iqr_ms"].is_number());
    int counted = 0;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        EXPECT_EQ(lines[i]["cue"], static_cast<int>(i + 1));
        if (lines[i]["outcome"] == "counted") ++counted;
    }
    EXPECT_EQ(counted, 4);

    // What was printed is what was stored, cue by cue.
    auto opened = storage::open(db, {false});
    ASSERT_TRUE(opened.storage) << opened.error;
    const auto tests = opened.storage->reaction_tests_of(last["session"].get<records::RecordId>());
    ASSERT_EQ(tests.size(), 1u);
    const auto& stored = tests[0];
    EXPECT_EQ(stored.id, last["record_id"].get<records::RecordId>());
    EXPECT_EQ(stored.cue_source, "device");
    EXPECT_EQ(stored.n, 4);
    EXPECT_EQ(stored.trials, 4);
    EXPECT_EQ(stored.practice, 2);
    EXPECT_DOUBLE_EQ(*stored.median_ms, last["median_ms"].get<double>());
    EXPECT_EQ(stored.timing_uncertainty_ms, last["timing_uncertainty_ms"].get<double>());
    ASSERT_EQ(stored.cues.size(), lines.size() - 1);
    for (std::size_t i = 0; i < stored.cues.size(); ++i) {
        EXPECT_EQ(stored.cues[i].outcome, lines[i]["outcome"]);
        if (stored.cues[i].reaction_ms) {
            EXPECT_DOUBLE_EQ(*stored.cues[i].reaction_ms, lines[i]["reaction_ms"].get<double>());
        }
    }
}

TEST_F(CliRtOnSimulator, RefusesATrialCountOutside1To50BeforeOpeningAnything) {
    cli_rt::Options options;
    options.common.port = "/nonexistent";
    options.common.db = db;
    options.common.subject = "RT-1";
    options.trials = 0;
    session::Workbench wb;
    std::ostringstream out, err;
    try {
        cli_rt::run(options, wb, cli_measuring::device_frames(), nullptr, out, err);
        FAIL() << "accepted --trials 0";
    } catch (const cli_measuring::Failure& failure) {
        EXPECT_EQ(failure.code, cli_measuring::kExitBadArgument);
        EXPECT_NE(failure.message.find("--trials"), std::string::npos);
    }
    EXPECT_FALSE(std::filesystem::exists(db));
}
