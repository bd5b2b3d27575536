// algoscope-cli reliability as a researcher scripts it: one JSON object from a tidy CSV or a
// database, and a clear refusal (exit 2, FILE:LINE) of bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "CliRun.h"
#include "algocore/storage/SqliteStorage.h"

namespace {

using cli_run::CommandRun;

// `algoscope-cli reliability <arguments>`: the JSON alone, or with standard error.
CommandRun run(const std::string& arguments, bool with_stderr = false) {
    return with_stderr ? cli_run::cli("reliability " + arguments)
                       : cli_run::cli_json("reliability " + arguments);
}

std::string data(const std::string& name) {
    return std::string(ALGOSCOPE_RELIABILITY_DATA) + "/" + name;
}

std::filesystem::path scratch(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() / "algoscope-cli-reliability";
    std::filesystem::create_directories(dir);
    return dir / name;
}

TEST(CliReliability, ATidyCsvGivesOneJsonObjectWithThePsychNumbers) {
    const CommandRun r = run("--csv " + data("shrout_fleiss_1979.csv") + " --json");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["n_subjects"], 6);
    EXPECT_EQ(j["n_raters"], 4);
    EXPECT_EQ(j["n_dropped"], 0);
    ASSERT_EQ(j["icc"].size(), 6u);
    EXPECT_EQ(j["icc"][1]["form"], "ICC(2,1)");
    EXPECT_NEAR(j["icc"][1]["value"].get<double>(), 0.2897637795, 1e-9);
    EXPECT_NEAR(j["icc"][1]["ci_low"].get<double>(), 0.01878651337, 1e-9);
    EXPECT_NEAR(j["icc"][1]["p"].get<double>(), 0.0001345665165, 1e-12);
    EXPECT_EQ(j["icc"][1]["df2"], 15.0);
    EXPECT_NEAR(j["sem"].get<double>(), std::sqrt(1.0194444444444444), 1e-9);
    EXPECT_NE(j["convention"].get<std::string>().find("psych::ICC 2.2.9"), std::string::npos);
    EXPECT_FALSE(j.contains("bland_altman")); // four judges and no --pair
}

// The "done when": the command on each tidy CSV matches psych 2.2.9 to 1e-4 (every ICC
// row of psych_reference.R's output: value, F, df, p and bounds).
TEST(CliReliability, EveryDataSetMatchesPsychThroughTheCommand) {
    std::ifstream golden(data("psych_icc.csv"));
    std::string line;
    std::getline(golden, line); // dataset,form,icc,f,df1,df2,p,ci_low,ci_high
    std::map<std::string, nlohmann::json> outputs;
    double largest = 0.0;
    int rows = 0;
    while (std::getline(golden, line)) {
        std::vector<std::string> cells;
        std::string cell;
        bool quoted = false;
        for (char c : line) {
            if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted) {
                cells.push_back(cell);
                cell.clear();
            } else
                cell += c;
        }
        cells.push_back(cell);
        ASSERT_EQ(cells.size(), 9u) << line;
        const std::string& dataset = cells[0];
        if (!outputs.count(dataset)) {
            const CommandRun r = run("--csv " + data(dataset + ".csv") + " --json");
            ASSERT_EQ(r.exit_code, 0) << dataset;
            outputs[dataset] = nlohmann::json::parse(r.out);
        }
        const auto& forms = outputs[dataset]["icc"];
        const auto row = std::find_if(forms.begin(), forms.end(),
                                      [&](const auto& f) { return f["form"] == cells[1]; });
        ASSERT_NE(row, forms.end()) << cells[1];
        const char* keys[] = {"value", "f", "df1", "df2", "p", "ci_low", "ci_high"};
        for (int k = 0; k < 7; ++k) {
            const double difference =
                std::fabs((*row)[keys[k]].get<double>() - std::stod(cells[2 + k]));
            largest = std::max(largest, difference);
            EXPECT_LE(difference, 1e-4) << dataset << " " << cells[1] << " " << keys[k];
        }
        ++rows;
    }
    EXPECT_EQ(rows, 36);
    std::printf(
        "algoscope-cli reliability vs psych 2.2.9, 36 rows x 7 figures: largest difference %.3g\n",
        largest);
}

TEST(CliReliability, TwoRatersGetBlandAltmanAndAPairCanBeChosen) {
    const auto j =
        nlohmann::json::parse(run("--csv " + data("bland_altman_1986_pefr.csv") + " --json").out);
    EXPECT_NEAR(j["bland_altman"]["bias"].get<double>(), -2.117647059, 1e-8);
    EXPECT_NEAR(j["bland_altman"]["loa_low_ci"][0].get<double>(), -112.6191365, 1e-6);
    const auto swapped = nlohmann::json::parse(
        run("--csv " + data("bland_altman_1986_pefr.csv") + " --pair mini,wright --json").out);
    EXPECT_NEAR(swapped["bland_altman"]["bias"].get<double>(), 2.117647059, 1e-8);
    const auto three = nlohmann::json::parse(
        run("--csv " + data("synthetic_three_operators.csv") + " --pair anna,chloe --json").out);
    EXPECT_EQ(three["bland_altman"]["first"], "anna");
    EXPECT_EQ(three["bland_altman"]["n"], 15);
}

TEST(CliReliability, ANonNumberIsRefusedNamingFileAndLine) {
    const auto path = scratch("bad.csv");
    std::ofstream(path) << "subject,rater,value\nS1,a,1\nS1,b,2\nS2,a,x7\nS2,b,3\n";
    const CommandRun r = run("--csv " + path.string(), true);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.out.find(path.string() + ":4: value 'x7' is not a number"), std::string::npos)
        << r.out;
}

TEST(CliReliability, ADuplicateCellAndTooFewSubjectsAreRefused) {
    const auto duplicate = scratch("duplicate.csv");
    std::ofstream(duplicate) << "subject,rater,value\nS1,a,1\nS1,b,2\nS2,a,3\nS2,b,4\nS2,b,5\n";
    const CommandRun d = run("--csv " + duplicate.string(), true);
    EXPECT_EQ(d.exit_code, 2);
    EXPECT_NE(d.out.find(":6: subject 'S2' and rater 'b' appear twice (first on line 5)"),
              std::string::npos);
    const auto lonely = scratch("lonely.csv");
    std::ofstream(lonely) << "subject,rater,value\nS1,a,1\nS1,b,2\n";
    const CommandRun l = run("--csv " + lonely.string(), true);
    EXPECT_EQ(l.exit_code, 2);
    EXPECT_NE(l.out.find("needs at least 2 subjects"), std::string::npos);
}

// Issue 19 item 8: all-equal readings printed "-nan" for every ICC and "SEM 0, MDC95 0" with
// exit 0; an MDC of 0 would make every change real.
TEST(CliReliability, AllEqualReadingsSayTheIccIsUndefinedAndExitNonZero) {
    const auto path = scratch("all-equal.csv");
    std::ofstream(path) << "subject,rater,value\nS1,a,400\nS1,b,400\nS2,a,400\nS2,b,400\n"
                           "S3,a,400\nS3,b,400\n";
    const CommandRun r = run("--csv " + path.string(), true);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.out.find("the ICC is undefined: every reading is the same"), std::string::npos)
        << r.out;
    EXPECT_EQ(r.out.find("nan"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("MDC95 0"), std::string::npos) << r.out;
}

TEST(CliReliability, ReadingsWhoseSquaresOverflowGiveFiniteIccs) {
    const auto path = scratch("overflowing.csv");
    std::ofstream(path) << "subject,rater,value\nS1,a,3e300\nS1,b,3.1e300\nS2,a,4.2e300\n"
                           "S2,b,4e300\nS3,a,2.5e300\nS3,b,2.7e300\n";
    const CommandRun r = run("--csv " + path.string() + " --json");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto j = nlohmann::json::parse(r.out);
    for (const auto& form : j["icc"])
        EXPECT_TRUE(form["value"].is_number()) << form.dump();
    EXPECT_TRUE(j["sem"].is_number()) << j.dump();
    EXPECT_GT(j["mdc95"].get<double>(), 1e299); // 4.08e299 here, an SEM in the readings' unit
    EXPECT_TRUE(j["bland_altman"]["sd"].is_number()) << j.dump();
}

// A database with 3 subjects measured by two operators on two days at the left trapezius.
// Each test gets its own file: ctest runs the tests of this binary in parallel.
std::string make_study(const std::string& name) {
    using namespace algocore::storage;
    const auto path = scratch(name + ".sqlite");
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
    auto opened = SqliteStorage::open(path.string());
    EXPECT_TRUE(opened.storage) << opened.error;
    auto& db = *opened.storage;
    const RecordId anna = db.add_operator({0, "anna", "researcher"}).id;
    const RecordId ben = db.add_operator({0, "ben", "researcher"}).id;
    const auto site = db.find_site("upper_trapezius");
    EXPECT_TRUE(site.has_value());
    const double day1[3] = {300, 420, 250};
    const double day2[3] = {310, 400, 270};
    for (int s = 0; s < 3; ++s) {
        Subject subject;
        subject.code = "S" + std::to_string(s + 1);
        const RecordId subject_id = db.add_subject(subject).id;
        for (int day = 0; day < 2; ++day) {
            Session session;
            session.subject_id = subject_id;
            session.operator_id = day == 0 ? anna : ben;
            session.started_utc = "2026-03-0" + std::to_string(day + 1) + "T09:00:00Z";
            const RecordId session_id = db.begin_session(session).id;
            for (double offset : {-5.0, 5.0}) {
                Trial trial;
                trial.session_id = session_id;
                trial.site_id = site->id;
                trial.side = BodySide::Left;
                trial.ppt_kpa = (day == 0 ? day1[s] : day2[s]) + offset;
                trial.valid = trial.counted = true;
                db.record_trial(trial, {});
            }
        }
    }
    EXPECT_TRUE(db.flush(std::chrono::seconds(10)));
    db.close();
    return path.string();
}

TEST(CliReliability, StoredSessionsAreRatersByDayOrByOperator) {
    const std::string db = make_study("by-day-or-operator");
    const CommandRun by_session =
        run("--db " + db + " --site upper_trapezius --side L --by session --json");
    ASSERT_EQ(by_session.exit_code, 0) << by_session.out;
    const auto j = nlohmann::json::parse(by_session.out);
    EXPECT_EQ(j["n_subjects"], 3);
    EXPECT_EQ(j["raters"], nlohmann::json::array({"1", "2"}));
    // Day 1 - day 2: -10, +20, -20 kPa.
    EXPECT_NEAR(j["bland_altman"]["bias"].get<double>(), -10.0 / 3.0, 1e-9);
    const auto by_operator = nlohmann::json::parse(
        run("--db " + db + " --site upper_trapezius --side L --by operator --json").out);
    EXPECT_EQ(by_operator["raters"], nlohmann::json::array({"anna", "ben"}));
    EXPECT_EQ(by_operator["icc"][0]["value"], j["icc"][0]["value"]);
}

TEST(CliReliability, AStoredSideWithoutDataIsRefused) {
    const std::string db = make_study("side-without-data");
    const CommandRun r = run("--db " + db + " --site upper_trapezius --side R --by session", true);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.out.find("needs at least 2 raters or sessions, found 0"), std::string::npos)
        << r.out;
}

TEST(CliReliability, SaveMdcStoresTheSitesOwnMdcWithItsProvenance) {
    const std::string db = make_study("save-mdc");
    const CommandRun r =
        run("--db " + db + " --site upper_trapezius --side L --by session --json --save-mdc");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto j = nlohmann::json::parse(r.out); // stdout stays one JSON object
    auto opened = algocore::storage::SqliteStorage::open(db);
    ASSERT_TRUE(opened.storage) << opened.error;
    const auto left =
        opened.storage->site_mdc("upper_trapezius", algocore::records::BodySide::Left);
    ASSERT_TRUE(left);
    EXPECT_NEAR(left->mdc_kpa, j["mdc95"].get<double>(), 1e-9);
    EXPECT_NEAR(left->sem_kpa, j["sem"].get<double>(), 1e-9);
    EXPECT_EQ(left->n_subjects, 3);
    EXPECT_EQ(left->icc_form, "ICC(2,1)");
    EXPECT_NE(left->source.find("3 subjects x 2 sessions"), std::string::npos) << left->source;
    EXPECT_NE(left->source.find("save-mdc.sqlite"), std::string::npos) << left->source;
    // Stored for the left side only: the right side keeps the built-in default.
    EXPECT_FALSE(opened.storage->site_mdc("upper_trapezius", algocore::records::BodySide::Right));
}

TEST(CliReliability, SaveMdcNeedsADatabase) {
    const CommandRun r = run("--csv " + data("shrout_fleiss_1979.csv") + " --save-mdc", true);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.out.find("--save-mdc needs --db"), std::string::npos) << r.out;
}

} // namespace
