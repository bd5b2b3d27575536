// release-eval's known answer end to end: `algoscope-cli hold` on the simulated algometer
// behind a pseudo-terminal playing the release-marks scenario (four tissue releases and four
// "release felt" marks on the operator button at known times), then `release-eval --json` on
// the database it stored. The expected figures come from the scenario's timing, the
// detector's thresholds and the device's button debounce, not from running the detector.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "HoldCommand.h"
#include "ReleaseEvalCommand.h"
#include "algocore/protocols/ReleaseDetector.h"
#include "algocore/session/Workbench.h"
#include "algoproto/firmware/DeviceConfig.h"
#include "algosim/ReleaseScenario.h"
#include "algosim/SimulatedAlgometer.h"

using namespace algocore;

namespace {

class CliReleaseEvalOnSimulator : public ::testing::Test {
protected:
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("algoscope-release-eval-" + std::to_string(getpid()) + "-" +
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

TEST_F(CliReleaseEvalOnSimulator, ScoresTheSensitivityAndLatencyTheScenarioImplies) {
    algosim::SimulatedAlgometerOptions sim_options;
    sim_options.scenario = "release-marks";
    sim_options.seed = 11;
    algosim::SimulatedAlgometer sim(sim_options);
    ASSERT_EQ(sim.start(), "");

    // One 60 s hold in 300-400 kPa: the scenario's four releases (to 329 kPa) stay in band,
    // and all of its marks fall inside it.
    cli_hold::Options hold;
    hold.common.port = sim.device_path();
    hold.common.driver = "native";
    hold.common.db = db;
    hold.common.subject = "REL-1";
    hold.common.site = "upper_trapezius";
    hold.common.timeout_s = 150.0;
    hold.band = "300:400";
    hold.duration_s = 60.0;
    std::ostringstream held, prompts;
    {
        session::Workbench wb;
        const auto connect = [&](session::Workbench& bench) {
            cli_measuring::connect_device(bench, hold.common);
        };
        try {
            cli_hold::run(hold, wb, cli_measuring::device_frames(), connect, held, prompts);
        } catch (const cli_measuring::Failure& failure) {
            FAIL() << failure.message << "\n" << held.str() << prompts.str();
        }
        wb.disconnect();
    }
    sim.stop();
    const auto stored = json_lines(held.str());
    ASSERT_EQ(stored.size(), 1u) << held.str() << prompts.str();
    EXPECT_EQ(stored[0]["outcome"], "complete");

    cli_release_eval::Options eval;
    eval.study.db = db;
    eval.json = true;
    std::ostringstream out, err;
    ASSERT_EQ(cli_release_eval::run(eval, out, err), 0) << err.str();
    const auto lines = json_lines(out.str());
    ASSERT_EQ(lines.size(), 2u) << out.str();

    // The scenario: releases begin 8, 20, 40 and 52 s after the target, falling 2 % of it per
    // second; marks 0.5 s after three of them (8, 20, 52) and one at 32 s with no release.
    // The detector confirms a drop of min_drop_pct held confirm_s, so it prompts
    // min_drop_pct / 2 + confirm_s after each onset; the device reports a press once it has
    // held debounce_us. So 3 of 4 marks pair, 3 of 4 prompts pair, each after the same delay.
    const algosim::ReleaseMarksCycle cycle = algosim::release_marks_cycle();
    const protocols::ReleaseDetectorConfig detector;
    const double found_after_s = detector.min_drop_pct / cycle.fall_pct_per_s + detector.confirm_s;
    const double debounce_s = algoproto::firmware::DeviceConfig{}.debounce_us * 1e-6;
    const double latency_s =
        found_after_s - (cycle.marks_s[0] - cycle.release_onsets_s[0]) - debounce_s;
    EXPECT_NEAR(latency_s, 1.78, 1e-9);

    const auto& hold_line = lines[0];
    EXPECT_EQ(hold_line["subject"], "REL-1");
    EXPECT_EQ(hold_line["site"], "upper_trapezius");
    EXPECT_EQ(hold_line["hold_id"], stored[0]["hold_id"]);
    EXPECT_EQ(hold_line["marks"], 4);
    EXPECT_EQ(hold_line["detections"], 4);
    EXPECT_EQ(hold_line["paired"], 3);

    const auto& overall = lines.back();
    EXPECT_EQ(overall["holds"], 1);
    EXPECT_EQ(overall["holds_not_recorded"], 0);
    EXPECT_EQ(overall["marks"], 4);
    EXPECT_EQ(overall["detections"], 4);
    EXPECT_DOUBLE_EQ(overall["sensitivity"].get<double>(), 0.75);
    EXPECT_DOUBLE_EQ(overall["ppv"].get<double>(), 0.75);
    // A few samples (1 ms each) either way: the load cell's noise on the detector's drop.
    EXPECT_NEAR(overall["latency_median_s"].get<double>(), latency_s, 0.02);
    EXPECT_NEAR(overall["latency_p90_s"].get<double>(), latency_s, 0.02);

    // The marks as stored with the hold: seconds from its first entry into the band (300 kPa
    // on the ramp), each a debounce after the scenario's press.
    const double band_entry_s = cycle.rest_before_s + 300.0 / cycle.ramp_kpa_s;
    const double target_s = cycle.target_reached_s();
    ASSERT_EQ(stored[0]["release_marks_s"].size(), cycle.marks_s.size());
    for (std::size_t i = 0; i < cycle.marks_s.size(); ++i)
        EXPECT_NEAR(stored[0]["release_marks_s"][i].get<double>(),
                    target_s + cycle.marks_s[i] + debounce_s - band_entry_s, 0.02);
}

TEST_F(CliReleaseEvalOnSimulator, RefusesABadToleranceAndAMissingDatabase) {
    cli_release_eval::Options eval;
    std::ostringstream out, err;
    EXPECT_EQ(cli_release_eval::run(eval, out, err), 2);
    EXPECT_NE(err.str().find("--db"), std::string::npos) << err.str();
    eval.study.db = db;
    eval.tolerance_s = 0.0;
    err.str("");
    EXPECT_EQ(cli_release_eval::run(eval, out, err), 2);
    EXPECT_NE(err.str().find("--tolerance-s"), std::string::npos) << err.str();
    eval.tolerance_s = 5.0;
    err.str("");
    EXPECT_EQ(cli_release_eval::run(eval, out, err), 2); // no file there
    EXPECT_NE(err.str().find("no database"), std::string::npos) << err.str();
    EXPECT_FALSE(std::filesystem::exists(db));
    EXPECT_EQ(out.str(), "");
}
