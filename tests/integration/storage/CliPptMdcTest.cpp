// `algoscope-cli ppt` says which MDC judged the change against the previous session: the lab's
// own, stored for the point, or the built-in default, with the same provenance line the
// history and the report use. Driven through cli_ppt::run with scripted samples (no device).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "PptCommand.h"
#include "algocore/session/Workbench.h"
#include "algocore/storage/SqliteStorage.h"

using namespace algocore;
using records::BodySide;

namespace {

constexpr double kRateHz = 1000.0;

// One DFNS trial: rest, a 50 kPa/s ramp, the patient button from threshold_kpa on, release.
std::vector<std::vector<Sample>> one_trial(double threshold_kpa) {
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
    for (; kpa < threshold_kpa; kpa += 50.0 / kRateHz)
        add(kpa, false);
    for (int i = 0; i < 600; ++i, kpa += 50.0 / kRateHz)
        add(kpa, i < 200);
    for (int i = 0; i < 300; ++i)
        add(std::max(0.0, kpa * (1.0 - i / 150.0)), false);
    for (int i = 0; i < 2000; ++i)
        add(0.0, false);
    std::vector<std::vector<Sample>> frames;
    for (std::size_t i = 0; i < samples.size(); i += 16) // 60 Hz frames at 1 kHz
        frames.emplace_back(samples.begin() + static_cast<std::ptrdiff_t>(i),
                            samples.begin() +
                                static_cast<std::ptrdiff_t>(std::min(samples.size(), i + 16)));
    return frames;
}

class CliPptMdc : public ::testing::Test {
protected:
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("algoscope-cli-ppt-mdc-" + std::to_string(getpid()) + "-" +
                                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::string db = (dir / "study.sqlite").string();

    // An earlier session of P-1 at both sides of the trapezius, 300 kPa three times each, and
    // optionally the lab's own MDC for the left side.
    void SetUp() override {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        auto opened = storage::SqliteStorage::open(db);
        ASSERT_TRUE(opened.storage) << opened.error;
        auto& s = *opened.storage;
        records::SessionOpening o;
        o.subject.code = "P-1";
        o.session.started_utc = "2026-11-01T09:00:00Z";
        o.by = records::Operator{0, "Dr Lund", "researcher"};
        const auto session = s.open_session(o).id;
        const auto site = s.find_site("upper_trapezius")->id;
        for (BodySide side : {BodySide::Left, BodySide::Right}) {
            for (int k = 1; k <= 3; ++k) {
                records::Trial t;
                t.session_id = session;
                t.site_id = site;
                t.side = side;
                t.index = k;
                t.ppt_kpa = 300.0;
                t.valid = t.counted = true;
                t.preset = "dfns";
                records::RawTrace trace;
                trace.samples.push_back({0.0, 0, 0.0, 0.0, 0, 0});
                s.record_trial(t, trace);
            }
        }
        records::SiteMdcRecord lab;
        lab.site_key = "upper_trapezius";
        lab.side = BodySide::Left;
        lab.mdc_kpa = 150.0;
        lab.sem_kpa = 54.1;
        lab.icc_form = "ICC(2,1)";
        lab.n_subjects = 24;
        lab.source = "ICC(2,1) 0.81, 24 subjects x 2 sessions; study.sqlite";
        lab.computed_utc = "2026-10-20T12:00:00Z";
        ASSERT_TRUE(s.save_site_mdc(lab).ok);
        ASSERT_TRUE(s.flush(std::chrono::seconds(30)));
    }
    void TearDown() override { std::filesystem::remove_all(dir); }

    // The summary line of one trial at 420 kPa on the given side.
    nlohmann::json summary_of_a_trial_at(const std::string& side) {
        session::WorkbenchOptions clock;
        clock.utc_now = [] { return std::string("2026-12-01T09:00:00Z"); };
        session::Workbench wb(clock);
        cli_ppt::Options options;
        options.common.db = db;
        options.common.subject = "P-1";
        options.common.operator_name = "Dr Lund";
        options.common.site = "upper_trapezius";
        options.common.side = side;
        options.trials = 1;
        const auto frames = one_trial(420.0);
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
            ADD_FAILURE() << failure.message;
            return nullptr;
        }
        std::string last;
        for (std::istringstream lines(out.str()); std::getline(lines, last);) {
            if (nlohmann::json::parse(last).contains("complete"))
                return nlohmann::json::parse(last);
        }
        ADD_FAILURE() << "no summary line in\n" << out.str();
        return nullptr;
    }
};

} // namespace

TEST_F(CliPptMdc, TheLabsStoredMdcJudgesTheChangeAndIsNamed) {
    const auto summary = summary_of_a_trial_at("L");
    ASSERT_TRUE(summary.is_object());
    const auto& change = summary["change"];
    ASSERT_TRUE(change.is_object()) << summary.dump();
    EXPECT_NEAR(change["change_kpa"].get<double>(), 120.0, 1.0);
    // +120 kPa is beyond the built-in 47.2 kPa (Walton et al. 2011) but within the lab's 150 kPa.
    EXPECT_DOUBLE_EQ(change["mdc_kpa"].get<double>(), 150.0);
    EXPECT_EQ(change["verdict"], "no_detectable_change");
    EXPECT_EQ(change["mdc_source"], "this lab");
    EXPECT_EQ(change["mdc_provenance"],
              "this lab (2026-10-20): ICC(2,1) 0.81, 24 subjects x 2 sessions; study.sqlite");
}

TEST_F(CliPptMdc, WithoutALabMdcForTheSideTheBuiltInDefaultJudgesAndIsNamed) {
    const auto summary = summary_of_a_trial_at("R");
    ASSERT_TRUE(summary.is_object());
    const auto& change = summary["change"];
    ASSERT_TRUE(change.is_object()) << summary.dump();
    EXPECT_DOUBLE_EQ(change["mdc_kpa"].get<double>(), 47.2);
    EXPECT_EQ(change["verdict"], "increased");
    EXPECT_EQ(change["mdc_source"], "built-in default");
    EXPECT_EQ(change["mdc_provenance"], "built-in default (Walton et al. 2011)");
}
