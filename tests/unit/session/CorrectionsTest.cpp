// Corrections through algocore's one engine: an excluded trial is kept, flagged, audited and
// never counted, in the live session, every stored threshold, the history and the export;
// subject details and session notes change only through audited corrections.
#include <gtest/gtest.h>

#include <sstream>

#include "SessionFixture.h"
#include "algocore/export/StudyExport.h"
#include "algocore/history/SubjectHistory.h"

using namespace algocore;
using namespace algocore::session;
using records::BodySide;
using namespace std::chrono_literals;

namespace {

struct CorrectionsFixture : ::testing::Test {
    algotest::TempDir dir;
    std::string path = dir.file("study.sqlite");
    Workbench wb{sessiontest::fixed_clock()};
    records::Site site;
    double t = 0.0;

    void SetUp() override {
        ASSERT_EQ(wb.open_database(path), "");
        Visit v;
        v.subject_code = "S001";
        v.operator_name = "Ada";
        v.operator_role = "researcher";
        v.subject.sex = "female";
        ASSERT_EQ(wb.begin_visit(v), "");
        site = *wb.storage()->find_site("upper_trapezius");
        wb.thresholds().select_point(site, BodySide::Left);
    }
    void run(double button_kpa) {
        const auto trace = sessiontest::ramp(t, button_kpa);
        sessiontest::feed(wb, trace);
        t = trace.back().t_s;
    }
    void rest(double seconds) {
        sessiontest::feed(wb, sessiontest::idle(t, t + seconds));
        t += seconds;
    }
    // A complete DFNS series of three counted trials: 300, 330, 360 kPa.
    void three_trials() {
        ASSERT_EQ(wb.thresholds().start_trial(t), "");
        run(300.0);
        for (double button : {330.0, 360.0}) {
            rest(31.0);
            run(button);
        }
        sessiontest::settle(wb);
        ASSERT_EQ(wb.thresholds().series()->state(), protocols::PptSeriesState::Complete);
    }
    records::RecordId trial_id(std::size_t i) { return wb.thresholds().rows().at(i).record_id; }
};

} // namespace

TEST_F(CorrectionsFixture, AnExcludedTrialIsKeptFlaggedAuditedAndCountedNowhere) {
    three_trials();
    const auto session_id = wb.visit().session_id();
    const auto excluded = trial_id(1); // 330 kPa
    const auto request = wb.corrections().exclude_trial(excluded, "  patient moved ", "Ada");
    ASSERT_TRUE(request.ok()) << request.error;
    // The live session follows at once: the point's threshold is the mean of 300 and 360.
    const auto live = wb.thresholds().result();
    EXPECT_EQ(live.summary.n, 2);
    EXPECT_NEAR(live.summary.mean_kpa, 330.0, 0.2);
    EXPECT_EQ(wb.thresholds().rows()[1].excluded_reason, "patient moved");
    EXPECT_FALSE(wb.thresholds().rows()[1].trial.counted);
    sessiontest::settle(wb);

    // Stored: the trial is still there with its value, flagged, and no longer counts.
    const auto trials = wb.storage()->trials_of(session_id);
    ASSERT_EQ(trials.size(), 3u);
    EXPECT_NEAR(trials[1].ppt_kpa, 330.0, 0.1);
    EXPECT_EQ(trials[1].excluded_reason, "patient moved");
    EXPECT_FALSE(trials[1].counted);
    EXPECT_TRUE(trials[1].valid);
    EXPECT_TRUE(trials[0].counted);
    EXPECT_EQ(trials[0].excluded_reason, "");

    // Every stored threshold agrees: the latest threshold, the point list, the summaries.
    const auto subject = wb.storage()->find_subject("S001");
    ASSERT_TRUE(subject);
    const auto latest = wb.storage()->previous_threshold_of(
        "S001", site.id, BodySide::Left, records::TrialMeasure::Ppt, records::kNoRecord);
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->n, 2);
    EXPECT_NEAR(latest->mean_kpa, live.summary.mean_kpa, 1e-9);
    const auto points = wb.storage()->thresholds_of("S001", records::TrialMeasure::Ppt);
    ASSERT_EQ(points.size(), 1u);
    EXPECT_EQ(points[0].n, 2);
    const auto summaries = wb.storage()->site_summaries(subject->id);
    ASSERT_EQ(summaries.size(), 1u);
    EXPECT_EQ(summaries[0].n, 2);
    EXPECT_EQ(summaries[0].n_all, 3);
    EXPECT_NEAR(summaries[0].mean_kpa, live.summary.mean_kpa, 1e-9);

    // The history (History page, report, CLI history) shows it, flagged, not counted.
    const auto records = wb.storage()->history_of("S001");
    ASSERT_TRUE(records);
    const auto history = history::SubjectHistory::build(*records);
    ASSERT_EQ(history.points().size(), 1u);
    const auto& visit = history.points()[0].visits.at(0);
    EXPECT_EQ(visit.n, 2);
    EXPECT_NEAR(visit.mean_kpa, live.summary.mean_kpa, 1e-9);
    EXPECT_EQ(visit.trials[1].excluded_reason, "patient moved");
    EXPECT_FALSE(visit.trials[1].counted);

    // The export says it in its own column.
    std::ostringstream csv;
    exporting::write_trials_csv(wb.storage()->load_study(), csv);
    EXPECT_NE(csv.str().find(",33.5,patient moved,"), std::string::npos) << csv.str();

    // The audit log: who, when, old value (none), new value and why.
    const auto log = wb.storage()->audit_log("trials", excluded);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].field, "excluded_reason");
    EXPECT_EQ(log[0].old_value, "");
    EXPECT_EQ(log[0].new_value, "patient moved");
    EXPECT_EQ(log[0].reason, "patient moved");
    EXPECT_EQ(log[0].who, "Ada");
}

TEST_F(CorrectionsFixture, AnExclusionReopensACompleteSeriesForAReplacementTrial) {
    three_trials();
    ASSERT_TRUE(wb.corrections().exclude_trial(trial_id(0), "examiner error", "Ada").ok());
    // Two counted trials left: DFNS needs three, so the series takes one more.
    const auto* series = wb.thresholds().series();
    ASSERT_TRUE(series);
    EXPECT_NE(series->state(), protocols::PptSeriesState::Complete);
    EXPECT_FALSE(series->finished());
    rest(31.0);
    run(340.0);
    sessiontest::settle(wb);
    EXPECT_EQ(wb.thresholds().series()->state(), protocols::PptSeriesState::Complete);
    const auto result = wb.thresholds().result();
    EXPECT_EQ(result.summary.n, 3);
    EXPECT_NEAR(result.summary.mean_kpa, (330.0 + 360.0 + 340.0) / 3.0, 0.2);
    const auto trials = wb.storage()->trials_of(wb.visit().session_id());
    ASSERT_EQ(trials.size(), 4u);
    EXPECT_TRUE(trials[3].counted);
}

TEST_F(CorrectionsFixture, AReinstatedTrialCountsAgainAndBothStepsAreAudited) {
    three_trials();
    const auto id = trial_id(2);
    ASSERT_TRUE(wb.corrections().exclude_trial(id, "probe slipped", "Ada").ok());
    sessiontest::settle(wb);
    ASSERT_TRUE(wb.corrections().reinstate_trial(id, "video reviewed: the probe held", "Bo").ok());
    EXPECT_EQ(wb.thresholds().result().summary.n, 3);
    EXPECT_EQ(wb.thresholds().rows()[2].excluded_reason, "");
    sessiontest::settle(wb);
    const auto trials = wb.storage()->trials_of(wb.visit().session_id());
    EXPECT_TRUE(trials[2].counted);
    EXPECT_EQ(trials[2].excluded_reason, "");
    const auto log = wb.storage()->audit_log("trials", id);
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[1].old_value, "probe slipped");
    EXPECT_EQ(log[1].new_value, "");
    EXPECT_EQ(log[1].who, "Bo");
    EXPECT_EQ(log[1].reason, "video reviewed: the probe held");
}

TEST_F(CorrectionsFixture, AnExclusionWithoutAReasonOrOfAnExcludedTrialIsRefused) {
    three_trials();
    const auto id = trial_id(0);
    EXPECT_FALSE(wb.corrections().exclude_trial(id, "   ", "Ada").ok());
    EXPECT_FALSE(wb.corrections().exclude_trial(id, "moved\x1b[2J", "Ada").ok());
    EXPECT_FALSE(wb.corrections().exclude_trial(id, "patient moved", "").ok());
    EXPECT_FALSE(wb.corrections().exclude_trial(records::kNoRecord, "patient moved", "Ada").ok());
    EXPECT_EQ(wb.thresholds().result().summary.n, 3); // nothing refused changed anything
    ASSERT_TRUE(wb.corrections().exclude_trial(id, "patient moved", "Ada").ok());
    const auto twice = wb.corrections().exclude_trial(id, "patient moved", "Ada");
    ASSERT_TRUE(twice.ok()); // checked by the storage, which refuses a change to nothing
    ASSERT_EQ(twice.tickets.size(), 1u);
    EXPECT_FALSE(wb.storage()->wait_committed(twice.tickets[0], 5s));
    EXPECT_NE(wb.storage()->status().last_rejection.find("already has excluded_reason"),
              std::string::npos)
        << wb.storage()->status().last_rejection;
    EXPECT_EQ(wb.storage()->audit_log("trials", id).size(), 1u);
    // A trial that does not exist is refused by the storage and nothing is written.
    const auto unknown = wb.corrections().exclude_trial(9999, "patient moved", "Ada");
    ASSERT_TRUE(unknown.ok());
    EXPECT_FALSE(wb.storage()->wait_committed(unknown.tickets[0], 5s));
    EXPECT_TRUE(wb.storage()->audit_log("trials", 9999).empty());
}

TEST_F(CorrectionsFixture, SubjectDetailsChangeOnlyThroughAuditedCorrections) {
    three_trials();
    auto subject = wb.storage()->find_subject("S001");
    ASSERT_TRUE(subject);
    SubjectDetails wanted = SubjectDetails::of(*subject);
    wanted.sex = "male";
    wanted.age_band = "40-49";
    wanted.dominant_side = BodySide::Left;
    const auto request = wb.corrections().set_subject_details(*subject, wanted, "Ada", "");
    ASSERT_TRUE(request.ok()) << request.error;
    EXPECT_EQ(request.tickets.size(), 3u);
    sessiontest::settle(wb);
    subject = wb.storage()->find_subject("S001");
    EXPECT_EQ(subject->sex, "male");
    EXPECT_EQ(subject->age_band, "40-49");
    EXPECT_EQ(subject->dominant_side, BodySide::Left);
    const auto log = wb.storage()->audit_log("subjects", subject->id);
    ASSERT_EQ(log.size(), 3u);
    EXPECT_EQ(log[0].field, "sex");
    EXPECT_EQ(log[0].old_value, "female");
    EXPECT_EQ(log[0].new_value, "male");
    EXPECT_EQ(log[0].reason, "details corrected");
    EXPECT_EQ(log[1].old_value, "");
    EXPECT_EQ(log[2].new_value, "L");

    // Nothing to change, words outside the vocabulary, or a midline dominant side: refused.
    EXPECT_FALSE(wb.corrections().set_subject_details(*subject, wanted, "Ada", "").ok());
    SubjectDetails bad = wanted;
    bad.sex = "f";
    EXPECT_NE(wb.corrections().set_subject_details(*subject, bad, "Ada", "").error.find("female"),
              std::string::npos);
    bad = wanted;
    bad.age_band = "45";
    EXPECT_FALSE(wb.corrections().set_subject_details(*subject, bad, "Ada", "").ok());
    bad = wanted;
    bad.dominant_side = BodySide::Midline;
    EXPECT_FALSE(wb.corrections().set_subject_details(*subject, bad, "Ada", "").ok());
    // Clearing a detail is a correction too.
    SubjectDetails cleared = wanted;
    cleared.age_band.reset();
    ASSERT_TRUE(wb.corrections().set_subject_details(*subject, cleared, "Ada", "typo").ok());
    sessiontest::settle(wb);
    EXPECT_FALSE(wb.storage()->find_subject("S001")->age_band);
}

TEST_F(CorrectionsFixture, ASessionIsAnnotatedAndItsEarlierNotesStayInTheAuditLog) {
    three_trials();
    const auto session_id = wb.visit().session_id();
    ASSERT_TRUE(
        wb.corrections()
            .annotate_session(session_id, "", "Neck stiff today.\nRetest in 2 weeks.", "Ada")
            .ok());
    sessiontest::settle(wb);
    ASSERT_TRUE(wb.corrections()
                    .annotate_session(session_id, "Neck stiff today.\nRetest in 2 weeks.",
                                      "Neck stiff today.", "Bo")
                    .ok());
    sessiontest::settle(wb);
    const auto sessions = wb.storage()->sessions_of(wb.storage()->find_subject("S001")->id);
    ASSERT_EQ(sessions.size(), 1u);
    EXPECT_EQ(sessions[0].notes, "Neck stiff today.");
    const auto log = wb.storage()->audit_log("sessions", session_id);
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[1].old_value, "Neck stiff today.\nRetest in 2 weeks.");
    EXPECT_EQ(log[1].who, "Bo");
    EXPECT_FALSE(wb.corrections()
                     .annotate_session(session_id, "Neck stiff today.", "Neck stiff today.", "Bo")
                     .ok());
    EXPECT_FALSE(wb.corrections().annotate_session(session_id, "", "bell\a", "Bo").ok());
}
