#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "algocore/export/StudyExport.h"
#include "algocore/export/StudyFilter.h"
#include "algocore/export/TraceJson.h"

using namespace algocore;
using exporting::StudyFilter;

namespace {

records::StudyData two_subjects() {
    records::StudyData d;
    d.subjects = {{1, "A1", {}, {}, {}, ""}, {2, "B2", {}, {}, {}, ""}};
    d.operators = {{5, "Ann", "therapist"}, {6, "Bob", "student"}};
    d.sessions = {{10, 1, 5, "2026-01-05T09:00:00Z", "", 0, 1.0, ""},
                  {11, 1, 5, "2026-02-10T09:00:00Z", "", 0, 1.0, ""},
                  {12, 2, 6, "2026-02-11T09:00:00Z", "", 0, 1.0, ""}};
    for (records::RecordId s : {10, 11, 12}) {
        records::Trial t;
        t.id = s * 10;
        t.session_id = s;
        t.preset = "dfns";
        t.target_rate_kpa_s = 50;
        t.peak_kpa = 333.5;
        t.signal_t_s = 12.25;
        d.trials.push_back(t);
    }
    records::TrainingScore score;
    score.id = 1;
    score.session_id = 12;
    score.student_id = 6;
    score.exercise = "hold 300";
    score.absolute_error_kpa = 12.5;
    d.training_scores.push_back(score);
    return d;
}

std::vector<records::RecordId> session_ids(const records::StudyData& d) {
    std::vector<records::RecordId> out;
    for (const auto& s : d.sessions)
        out.push_back(s.id);
    return out;
}

} // namespace

TEST(StudyFilter, KeepsOneSubjectsSessionsAndWhatTheyReferTo) {
    StudyFilter f;
    f.subject_code = "A1";
    const auto d = exporting::filter_study(two_subjects(), f);
    EXPECT_EQ(session_ids(d), (std::vector<records::RecordId>{10, 11}));
    EXPECT_EQ(d.trials.size(), 2u);
    ASSERT_EQ(d.subjects.size(), 1u);
    ASSERT_EQ(d.operators.size(), 1u);
    EXPECT_EQ(d.operators[0].name, "Ann");
    EXPECT_TRUE(d.training_scores.empty());
}

TEST(StudyFilter, DateRangeIsInclusiveOnTheSessionDay) {
    StudyFilter f;
    f.from_date = "2026-02-10";
    f.to_date = "2026-02-10";
    EXPECT_EQ(session_ids(exporting::filter_study(two_subjects(), f)),
              (std::vector<records::RecordId>{11}));
    f.to_date = "2026-12-31";
    const auto d = exporting::filter_study(two_subjects(), f);
    EXPECT_EQ(session_ids(d), (std::vector<records::RecordId>{11, 12}));
    EXPECT_EQ(d.training_scores.size(), 1u);
    f = {};
    f.session_id = 12;
    EXPECT_EQ(session_ids(exporting::filter_study(two_subjects(), f)),
              (std::vector<records::RecordId>{12}));
}

TEST(StudyCsv, TrialsCarryPresetTargetRatePeakAndSignalTime) {
    std::ostringstream out;
    exporting::write_trials_csv(two_subjects(), out);
    const std::string text = out.str();
    EXPECT_NE(
        text.find("trial_id,preset,target_rate_kpa_s,ramp_start_t_s,signal_t_s,peak_kpa,"
                  "rest_s,excluded_reason,rate_at_button_kpa_s,reaction_time_ms,"
                  "ppt_rt_adjusted_kpa,clock_zero_utc,ramp_start_utc,presses_while_loaded_recorded,"
                  "presses_while_loaded\r\n"),
        std::string::npos);
    EXPECT_NE(text.find(",dfns,50,0,12.25,333.5,,,,,,,,0,\r\n"), std::string::npos) << text;
}

TEST(StudyCsv, TrainingScoresAreExportedWithTheirStudent) {
    std::ostringstream out;
    exporting::write_training_scores_csv(two_subjects(), out);
    EXPECT_NE(out.str().find("Bob,12,hold 300,"), std::string::npos) << out.str();
    EXPECT_NE(out.str().find(",12.5,"), std::string::npos);
}

TEST(TraceJson, CompactTraceRoundTripsWithinItsQuantum) {
    records::RawTrace trace;
    for (int i = 0; i < 120000; ++i) {
        const double kpa = i < 5000 ? 0.06 * i : 300.0 + 3.0 * std::sin(i * 0.01);
        trace.samples.push_back({0.001 * i, 1000 + static_cast<int>(kpa * 7), kpa / 10.0, kpa,
                                 static_cast<std::uint8_t>(i == 90000 ? 1 : 0), 0});
    }
    const std::string json = exporting::compact_trace_json(trace);
    // A 2-minute hold at 1 kHz: well under 20 bytes a sample (the indented rows took ~100).
    EXPECT_LT(json.size(), 20u * trace.samples.size());
    // Broken into short lines for line-based tools.
    std::size_t longest = 0, start = 0;
    for (std::size_t at = json.find('\n'); at != std::string::npos; at = json.find('\n', start)) {
        longest = std::max(longest, at - start);
        start = at + 1;
    }
    EXPECT_LT(std::max(longest, json.size() - start), 400u);
    const auto back = exporting::decode_compact_trace_json(json);
    ASSERT_EQ(back.samples.size(), trace.samples.size());
    for (std::size_t i = 0; i < trace.samples.size(); i += 997) {
        EXPECT_NEAR(back.samples[i].t_s, trace.samples[i].t_s, 1e-6);
        EXPECT_EQ(back.samples[i].raw_counts, trace.samples[i].raw_counts);
        EXPECT_NEAR(back.samples[i].force_n, trace.samples[i].force_n, 1e-4);
        EXPECT_NEAR(back.samples[i].pressure_kpa, trace.samples[i].pressure_kpa, 1e-3);
    }
    EXPECT_EQ(back.samples[90000].buttons, 1);
    EXPECT_EQ(back.samples[90001].buttons, 0);
}
