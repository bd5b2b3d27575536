// `algoscope-cli ppt --json` carries the rate at the button beside the whole-ramp rate and
// flags a trial whose last second before the button was off the target. Driven through
// cli_ppt::run with scripted samples (no device).
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "PptCommand.h"
#include "algocore/session/Workbench.h"
#include "algocore/storage/OpenStorage.h"

using namespace algocore;

namespace {

constexpr double kRateHz = 1000.0;

// Rest, a ramp at 50 kPa/s up to `bend_kpa`, then `last_kpa_s` for one second, the patient
// button at its end (held 0.2 s while the examiner goes on), release and rest.
std::vector<std::vector<Sample>> trial_frames(double bend_kpa, double last_kpa_s) {
    std::vector<Sample> samples;
    double t = 0.0;
    const auto add = [&](double kpa, bool button) {
        Sample s;
        s.t_s = t;
        s.pressure_kpa = kpa;
        s.force_n = kpa / 10.0;
        if (button) s.buttons = kPatientButton;
        samples.push_back(s);
        t += 1.0 / kRateHz;
    };
    while (t < 0.5)
        add(0.0, false);
    double kpa = 0.0;
    for (; kpa < bend_kpa; kpa += 50.0 / kRateHz)
        add(kpa, false);
    for (int i = 0; i < 1000; ++i, kpa += last_kpa_s / kRateHz)
        add(kpa, false);
    for (int i = 0; i < 200; ++i, kpa += last_kpa_s / kRateHz)
        add(kpa, true);
    for (int i = 0; i < 300; ++i)
        add(std::max(0.0, kpa * (1.0 - i / 150.0)), false);
    for (int i = 0; i < 2000; ++i)
        add(0.0, false);
    std::vector<std::vector<Sample>> frames;
    for (std::size_t i = 0; i < samples.size(); i += 16)
        frames.emplace_back(samples.begin() + static_cast<std::ptrdiff_t>(i),
                            samples.begin() +
                                static_cast<std::ptrdiff_t>(std::min(samples.size(), i + 16)));
    return frames;
}

class CliPptTiming : public ::testing::Test {
protected:
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("algoscope-cli-ppt-timing-" + std::to_string(getpid()) + "-" +
                                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::string db = (dir / "study.sqlite").string();

    void SetUp() override {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
    }
    void TearDown() override { std::filesystem::remove_all(dir); }

    // The first trial line of one trial.
    nlohmann::json first_trial_line(double bend_kpa, double last_kpa_s) {
        session::WorkbenchOptions clock;
        clock.utc_now = [] { return std::string("2026-12-01T09:00:00Z"); };
        session::Workbench wb(clock);
        cli_ppt::Options options;
        options.common.db = db;
        options.common.subject = "P-1";
        options.common.site = "upper_trapezius";
        options.common.side = "L";
        options.trials = 1;
        const auto frames = trial_frames(bend_kpa, last_kpa_s);
        std::size_t next = 0;
        const cli_measuring::FrameSource source = [&](session::Workbench& bench) {
            if (next == frames.size()) return false;
            bench.feed_frame(frames[next++]);
            return true;
        };
        std::ostringstream out, err;
        try {
            cli_ppt::run(options, wb, source, nullptr, out, err);
        } catch (const cli_measuring::Failure& failure) {
            // Frames ran out before a retest: the trial line was printed before that.
            (void)failure;
        }
        std::string line;
        for (std::istringstream lines(out.str()); std::getline(lines, line);) {
            const auto json = nlohmann::json::parse(line);
            if (json.contains("trial")) return json;
        }
        ADD_FAILURE() << "no trial line in\n" << out.str() << err.str();
        return nullptr;
    }
};

} // namespace

TEST_F(CliPptTiming, ASteadyRampCarriesItsRateAtTheButtonUnflagged) {
    const auto line = first_trial_line(350.0, 50.0);
    ASSERT_TRUE(line.is_object());
    EXPECT_NEAR(line["rate_at_button_kpa_s"].get<double>(), 50.0, 0.1);
    EXPECT_NEAR(line["rate_kpa_s"].get<double>(), 50.0, 0.2);
    EXPECT_EQ(line["flags"], "");
    EXPECT_EQ(line["valid"], true);
}

TEST_F(CliPptTiming, ALastSecondAt80KpaPerSecondUnderA50TargetIsFlagged) {
    const auto line = first_trial_line(350.0, 80.0);
    ASSERT_TRUE(line.is_object());
    EXPECT_NEAR(line["rate_at_button_kpa_s"].get<double>(), 80.0, 0.1);
    EXPECT_LT(line["rate_kpa_s"].get<double>(), 60.0);
    EXPECT_EQ(line["flags"], "rate_at_button");
    EXPECT_EQ(line["valid"], false);
}

TEST_F(CliPptTiming,
       WithTheSubjectsStoredReactionTimeEachTrialCarriesTheEstimateBesideItsThreshold) {
    {
        auto opened = storage::open(db);
        ASSERT_TRUE(opened.storage) << opened.error;
        records::SessionOpening earlier;
        earlier.subject.code = "P-1";
        earlier.session.started_utc = "2026-11-30T09:00:00Z";
        const auto session = opened.storage->open_session(earlier);
        records::ReactionTest rt;
        rt.session_id = session.id;
        rt.cue_source = "device";
        rt.trials = rt.n = 10;
        rt.practice = 2;
        rt.median_ms = 250.0;
        rt.iqr_ms = 4.0;
        rt.complete = true;
        rt.timing_uncertainty_ms = 1.0;
        rt.timing_note = "device cue";
        rt.cues = {{1, "counted", 1.0, 1.25, 250.0}};
        ASSERT_TRUE(opened.storage->wait_committed(opened.storage->record_reaction_test(rt).ticket,
                                                   std::chrono::seconds(10)));
        opened.storage->close();
    }
    const auto line = first_trial_line(350.0, 50.0);
    ASSERT_TRUE(line.is_object());
    const double ppt = line["ppt_kpa"].get<double>();
    const double rate = line["rate_at_button_kpa_s"].get<double>();
    ASSERT_TRUE(line["ppt_rt_adjusted_kpa"].is_number()) << line.dump();
    // Shifted by the rate at the button × 0.25 s (12.5 kPa at 50 kPa/s), within 1 kPa.
    EXPECT_NEAR(ppt - line["ppt_rt_adjusted_kpa"].get<double>(), 12.5, 1.0);
    EXPECT_NEAR(line["ppt_rt_adjusted_kpa"].get<double>(), ppt - rate * 0.25, 1e-9);

    // The estimate is stored nowhere in place of the threshold: the trial keeps its PPT.
    auto opened = storage::open(db, {false});
    ASSERT_TRUE(opened.storage) << opened.error;
    const auto history = opened.storage->history_of("P-1");
    ASSERT_TRUE(history);
    ASSERT_EQ(history->trials.size(), 1u);
    EXPECT_DOUBLE_EQ(history->trials[0].ppt_kpa, ppt);
    ASSERT_TRUE(history->trials[0].rate_at_button_kpa_s);
    EXPECT_DOUBLE_EQ(*history->trials[0].rate_at_button_kpa_s, rate);
}

TEST_F(CliPptTiming, WithoutAReactionTimeTheEstimateIsNull) {
    const auto line = first_trial_line(350.0, 50.0);
    ASSERT_TRUE(line.is_object());
    EXPECT_TRUE(line["ppt_rt_adjusted_kpa"].is_null()) << line.dump();
}
