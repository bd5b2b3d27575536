#include "algosim/ScenarioFile.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace {

using algosim::parse_scenario_csv;

constexpr const char* kHeader = "t_s,pressure_kpa,patient_button,operator_button\n";

std::string refusal(const std::string& text) {
    const auto result = parse_scenario_csv(text, "trial.csv");
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.keyframes.empty());
    return result.error;
}

TEST(ScenarioFile, ParsesKeyframesWithSpacesCommentsAndCrlf) {
    const auto result = parse_scenario_csv(
        "# a ramp and a press\r\n t_s , pressure_kpa,patient_button,operator_button\r\n"
        "0,0,0,0\r\n\r\n8.5, 425.25 ,1,0\r\n10,0,0,1",
        "trial.csv");
    ASSERT_TRUE(result.ok()) << result.error;
    ASSERT_EQ(result.keyframes.size(), 3u);
    EXPECT_DOUBLE_EQ(result.keyframes[1].t_s, 8.5);
    EXPECT_DOUBLE_EQ(result.keyframes[1].pressure_kpa, 425.25);
    EXPECT_TRUE(result.keyframes[1].patient_button);
    EXPECT_FALSE(result.keyframes[1].operator_button);
    EXPECT_TRUE(result.keyframes[2].operator_button);
}

TEST(ScenarioFile, RefusesAWrongHeaderNamingLineOne) {
    EXPECT_EQ(refusal("time,pressure\n0,0\n"),
              "trial.csv:1: expected the header "
              "'t_s,pressure_kpa,patient_button,operator_button', found 'time,pressure'");
}

TEST(ScenarioFile, RefusesANonNumberNamingLineAndColumn) {
    EXPECT_EQ(refusal(std::string(kHeader) + "0,0,0,0\n5,lots,0,0\n"),
              "trial.csv:3: column 2 (pressure_kpa): 'lots' is not a number");
}

TEST(ScenarioFile, RefusesAMissingColumn) {
    EXPECT_EQ(refusal(std::string(kHeader) + "0,0,0\n"),
              "trial.csv:2: expected 4 columns "
              "(t_s,pressure_kpa,patient_button,operator_button), found 3");
}

TEST(ScenarioFile, RefusesTimeThatDoesNotIncrease) {
    EXPECT_EQ(refusal(std::string(kHeader) + "0,0,0,0\n2,10,0,0\n2,20,0,0\n"),
              "trial.csv:4: column 1 (t_s): time must increase from row to row (previous "
              "keyframe at 2 s)");
}

TEST(ScenarioFile, RefusesNegativeTimeAndPressure) {
    EXPECT_EQ(refusal(std::string(kHeader) + "-1,0,0,0\n"),
              "trial.csv:2: column 1 (t_s): time must not be negative");
    EXPECT_EQ(refusal(std::string(kHeader) + "0,-5,0,0\n"),
              "trial.csv:2: column 2 (pressure_kpa): pressure must be between 0 and 100000 kPa");
}

TEST(ScenarioFile, RefusesButtonsOtherThanZeroOrOne) {
    EXPECT_EQ(refusal(std::string(kHeader) + "0,0,yes,0\n"),
              "trial.csv:2: column 3 (patient_button): expected 0 or 1, found 'yes'");
    EXPECT_EQ(refusal(std::string(kHeader) + "0,0,0,2\n"),
              "trial.csv:2: column 4 (operator_button): expected 0 or 1, found '2'");
}

TEST(ScenarioFile, RefusesNotANumberAndInfinity) {
    EXPECT_NE(refusal(std::string(kHeader) + "nan,0,0,0\n").find("column 1 (t_s)"),
              std::string::npos);
    EXPECT_NE(refusal(std::string(kHeader) + "0,inf,0,0\n").find("column 2 (pressure_kpa)"),
              std::string::npos);
}

TEST(ScenarioFile, RefusesEmptyFilesAndFilesWithoutKeyframes) {
    EXPECT_NE(refusal("").find("empty file"), std::string::npos);
    EXPECT_EQ(refusal(kHeader), "trial.csv: no keyframes after the header");
}

TEST(ScenarioFile, ReportsAMissingFileByPath) {
    const auto result = algosim::load_scenario_file("/nonexistent/scenario.csv");
    EXPECT_EQ(result.error, "/nonexistent/scenario.csv: cannot open the scenario file");
}

TEST(ScenarioFile, LoadsFromDisk) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("algosim-scenario-" + std::to_string(::getpid()) + ".csv");
    std::ofstream(path) << kHeader << "0,0,0,0\n1,100,0,1\n";
    const auto result = algosim::load_scenario_file(path.string());
    std::filesystem::remove(path);
    ASSERT_TRUE(result.ok()) << result.error;
    EXPECT_EQ(result.keyframes.size(), 2u);
}

} // namespace
