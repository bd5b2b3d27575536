// release-eval over a stored study: which holds are scored, which are left out and counted,
// and the pooled figures over the scored ones.
#include "algocore/analysis/StudyReleaseEvaluation.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace algocore;
using namespace algocore::analysis;

namespace {

records::Hold hold(records::RecordId id, std::optional<records::ReleaseMarks> marks) {
    records::Hold h;
    h.id = id;
    h.session_id = 1;
    h.site_id = 1;
    h.repetition = static_cast<int>(id);
    h.release_marks = std::move(marks);
    return h;
}

records::StudyData study() {
    records::StudyData d;
    records::Subject subject;
    subject.id = 1;
    subject.code = "S-7";
    d.subjects.push_back(subject);
    records::Session session;
    session.id = 1;
    session.subject_id = 1;
    session.started_utc = "2026-12-01T10:00:00Z";
    d.sessions.push_back(session);
    records::Site site;
    site.id = 1;
    site.key = "upper_trapezius";
    d.sites.push_back(site);
    // Recorded before marks were stored.
    d.holds.push_back(hold(1, std::nullopt));
    // Two marks, both found 1.5 s and 2.5 s later; a third prompt nobody felt.
    d.holds.push_back(hold(2, records::ReleaseMarks{{10.0, 30.0}, {11.5, 32.5, 45.0}}));
    // Marks recorded, none made: its two prompts are not false alarms.
    d.holds.push_back(hold(3, records::ReleaseMarks{{}, {12.0, 40.0}}));
    // One mark the detector missed (its prompt came 7 s later, outside ± 5 s).
    d.holds.push_back(hold(4, records::ReleaseMarks{{20.0}, {27.0}}));
    return d;
}

} // namespace

TEST(StudyReleaseEvaluation, ScoresHoldsWithMarksAndCountsTheOthersApart) {
    const StudyReleaseEvaluation e = evaluate_study_releases(study(), 5.0);
    EXPECT_EQ(e.holds_not_recorded, 1);
    EXPECT_EQ(e.holds_unlabelled, 1);
    EXPECT_EQ(e.holds_scored, 2);
    ASSERT_EQ(e.holds.size(), 3u);
    EXPECT_EQ(e.holds[0].hold_id, 2);
    EXPECT_EQ(e.holds[0].subject_code, "S-7");
    EXPECT_EQ(e.holds[0].site_key, "upper_trapezius");
    EXPECT_TRUE(e.holds[0].scored);
    EXPECT_DOUBLE_EQ(*e.holds[0].score.sensitivity, 1.0);
    EXPECT_NEAR(*e.holds[0].score.ppv, 2.0 / 3.0, 1e-12);
    EXPECT_FALSE(e.holds[1].scored);
    EXPECT_DOUBLE_EQ(*e.holds[2].score.sensitivity, 0.0);
    // Pooled over holds 2 and 4: 3 marks, 4 prompts, 2 pairs (latencies 1.5 and 2.5 s).
    EXPECT_EQ(e.overall.marks, 3);
    EXPECT_EQ(e.overall.detections, 4);
    EXPECT_EQ(e.overall.paired, 2);
    EXPECT_NEAR(*e.overall.sensitivity, 2.0 / 3.0, 1e-12);
    EXPECT_DOUBLE_EQ(*e.overall.ppv, 0.5);
    EXPECT_DOUBLE_EQ(*e.overall.latency_median_s, 2.0);
    // R: quantile(c(1.5, 2.5), 0.9) = 2.4
    EXPECT_NEAR(*e.overall.latency_p90_s, 2.4, 1e-12);
}

TEST(StudyReleaseEvaluation, AWiderToleranceFindsTheLatePrompt) {
    const StudyReleaseEvaluation e = evaluate_study_releases(study(), 8.0);
    EXPECT_EQ(e.overall.paired, 3);
    EXPECT_DOUBLE_EQ(*e.overall.sensitivity, 1.0);
}

TEST(StudyReleaseEvaluation, TheLastJsonLineHasTheOverallFiguresAndNullsWhenNothingWasScored) {
    const auto overall = overall_release_json(evaluate_study_releases(study(), 5.0));
    EXPECT_EQ(overall["holds"], 2);
    EXPECT_EQ(overall["marks"], 3);
    EXPECT_EQ(overall["detections"], 4);
    EXPECT_EQ(overall["holds_not_recorded"], 1);
    EXPECT_EQ(overall["ppv"], 0.5);
    EXPECT_EQ(overall["latency_median_s"], 2.0);
    EXPECT_EQ(overall["tolerance_s"], 5.0);

    records::StudyData old = study();
    old.holds.resize(1); // only a hold from before marks were stored
    const auto none = overall_release_json(evaluate_study_releases(old, 5.0));
    EXPECT_EQ(none["holds"], 0);
    EXPECT_EQ(none["holds_not_recorded"], 1);
    EXPECT_TRUE(none["sensitivity"].is_null());
    EXPECT_TRUE(none["ppv"].is_null());
    EXPECT_TRUE(none["latency_median_s"].is_null());
}

TEST(StudyReleaseEvaluation, RefusesAToleranceThatCannotPair) {
    EXPECT_NE(check_release_tolerance(0.0), "");
    EXPECT_NE(check_release_tolerance(-1.0), "");
    EXPECT_NE(check_release_tolerance(std::nan("")), "");
    EXPECT_NE(check_release_tolerance(61.0), "");
    EXPECT_EQ(check_release_tolerance(5.0), "");
}
