// Issue 18 item 2, "one point, three thresholds": an abandoned series (one valid trial, then
// a short-rest ramp, the retest declined) and a new complete series at the same point in the
// same visit, with the device changed between them. The rule (protocols/ThresholdSeries.h):
// the latest complete series makes the point's threshold; the abandoned one is kept, shown
// as an earlier series and never pooled. The Thresholds page's number (PptSession::result), the
// stored threshold Treatment uses (thresholds_of), the previous-threshold query, the site
// summaries the exports use and the History's session must all be the same number.
#include <gtest/gtest.h>

#include "SessionFixture.h"
#include "algocore/history/SubjectHistory.h"
#include "algocore/protocols/ThresholdSeries.h"
#include "algocore/session/PointRows.h"

using namespace algocore;
using namespace algocore::session;
using records::BodySide;

namespace {

struct OnePointFixture : ::testing::Test {
    algotest::TempDir dir;
    Workbench wb{sessiontest::fixed_clock()};
    records::Site site;

    void SetUp() override {
        ASSERT_EQ(wb.open_database(dir.file("study.sqlite")), "");
        Visit v;
        v.subject_code = "P001";
        v.operator_name = "Ada";
        v.operator_role = "therapist";
        ASSERT_EQ(wb.begin_visit(v), "");
        wb.visit().set_device("SN-1", kFactoryCalibration);
        site = *wb.storage()->find_site("upper_trapezius");
        wb.thresholds().select_point(site, BodySide::Left);
    }
    double run(double t, double button_kpa) {
        const auto trace = sessiontest::ramp(t, button_kpa);
        sessiontest::feed(wb, trace);
        return trace.back().t_s;
    }
    double rest(double t, double seconds) {
        sessiontest::feed(wb, sessiontest::idle(t, t + seconds));
        return t + seconds;
    }
    // One valid trial at 380 kPa, a ramp 12 s later (short rest: not counted), the retest
    // declined: the series ends incomplete with one counted trial.
    double abandoned_series(double t) {
        EXPECT_EQ(wb.thresholds().start_trial(t), "");
        t = run(t, 380.0);
        t = rest(t, 12.0 - 1.3 - 1.2);
        t = run(t, 300.0);
        EXPECT_EQ(wb.thresholds().run_state().series, protocols::PptSeriesState::RetestPrompt);
        wb.thresholds().answer_retest(false, t);
        EXPECT_EQ(wb.thresholds().run_state().series, protocols::PptSeriesState::Incomplete);
        return t;
    }
    // 340, 350, 360 kPa after full rests: complete, mean 350.
    double complete_series(double t) {
        t = rest(t, 31.0);
        EXPECT_EQ(wb.thresholds().start_trial(t), "");
        t = run(t, 340.0);
        for (double button : {350.0, 360.0}) {
            t = rest(t, 31.0);
            t = run(t, button);
        }
        EXPECT_EQ(wb.thresholds().run_state().series, protocols::PptSeriesState::Complete);
        return t;
    }
};

} // namespace

TEST_F(OnePointFixture, TheLatestCompleteSeriesIsThePointsThresholdOnEveryViewAndInTheStore) {
    double t = abandoned_series(0.0);
    wb.visit().set_device("SN-2", kFactoryCalibration); // another algometer, same visit
    t = complete_series(t);
    sessiontest::settle(wb);

    // The Thresholds page: the complete series alone, not a pool of four trials.
    const auto shown = wb.thresholds().result().summary;
    EXPECT_EQ(shown.n, 3);
    EXPECT_NEAR(shown.mean_kpa, 350.0, 0.2);
    const auto rows = wb.thresholds().rows();
    ASSERT_EQ(rows.size(), 5u);
    const auto earlier = superseded_rows(rows, wb.thresholds().preset().name);
    ASSERT_EQ(earlier.size(), 5u);
    EXPECT_TRUE(earlier[0]);
    EXPECT_FALSE(rows[0].trial.counted);
    EXPECT_TRUE(earlier[1]);
    for (std::size_t i = 2; i < rows.size(); ++i) {
        EXPECT_FALSE(earlier[i]);
        EXPECT_TRUE(rows[i].trial.counted);
    }

    // One visit, one session: the device change is recorded on it, not a second session.
    storage::StorageReader& store = *wb.storage();
    const auto subject = store.find_subject("P001");
    ASSERT_TRUE(subject);
    const auto sessions = store.sessions_of(subject->id);
    ASSERT_EQ(sessions.size(), 1u);
    EXPECT_EQ(sessions[0].device_serial, "SN-2");
    const auto audit = store.audit_log("sessions", sessions[0].id);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].field, "device_serial");
    EXPECT_EQ(audit[0].old_value, "SN-1");
    EXPECT_EQ(audit[0].new_value, "SN-2");
    EXPECT_EQ(audit[0].reason, "device changed during the session");

    // The stored trials: all five kept; the abandoned series' valid trial read back uncounted.
    const auto trials = store.trials_of(sessions[0].id);
    ASSERT_EQ(trials.size(), 5u);
    EXPECT_TRUE(trials[0].valid);
    EXPECT_FALSE(trials[0].counted);
    for (std::size_t i = 2; i < trials.size(); ++i)
        EXPECT_TRUE(trials[i].counted);

    // Treatment's threshold, the previous-threshold query, the exports' summaries, History.
    const auto stored = store.thresholds_of("P001", records::TrialMeasure::Ppt);
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].n, shown.n);
    EXPECT_NEAR(stored[0].mean_kpa, shown.mean_kpa, 1e-9);
    const auto latest = store.previous_threshold_of("P001", site.id, BodySide::Left,
                                                    records::TrialMeasure::Ppt, records::kNoRecord);
    ASSERT_TRUE(latest);
    EXPECT_NEAR(latest->mean_kpa, shown.mean_kpa, 1e-9);
    const auto summaries = store.site_summaries(subject->id);
    ASSERT_EQ(summaries.size(), 1u);
    EXPECT_EQ(summaries[0].n, 3);
    EXPECT_EQ(summaries[0].n_all, 5);
    EXPECT_NEAR(summaries[0].mean_kpa, shown.mean_kpa, 1e-9);
    const auto records = store.history_of("P001");
    ASSERT_TRUE(records);
    const auto history = history::SubjectHistory::build(*records);
    ASSERT_EQ(history.sessions().size(), 1u);
    ASSERT_EQ(history.points().size(), 1u);
    ASSERT_EQ(history.points()[0].visits.size(), 1u);
    const auto& visit = history.points()[0].visits[0];
    EXPECT_EQ(visit.n, 3);
    EXPECT_NEAR(visit.mean_kpa, shown.mean_kpa, 1e-9);
    EXPECT_FALSE(visit.vs_first); // no false change against the abandoned series
    const auto study = store.load_study();
    ASSERT_EQ(study.trials.size(), 5u);
    EXPECT_FALSE(study.trials[0].counted);
}

TEST_F(OnePointFixture, ALaterAbandonedSeriesDoesNotReplaceACompleteOne) {
    double t = complete_series(0.0);
    t = rest(t, 31.0);
    t = abandoned_series(t);
    sessiontest::settle(wb);
    EXPECT_EQ(wb.thresholds().result().summary.n, 3);
    EXPECT_NEAR(wb.thresholds().result().summary.mean_kpa, 350.0, 0.2);
    const auto stored = wb.storage()->thresholds_of("P001", records::TrialMeasure::Ppt);
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].n, 3);
    EXPECT_NEAR(stored[0].mean_kpa, wb.thresholds().result().summary.mean_kpa, 1e-9);
}

TEST(ThresholdSeriesRule, ASeriesBeginsAtATrialWithoutARestAndOnlyOneSeriesCounts) {
    auto trial = [](std::optional<double> rest_s, bool counted) {
        records::Trial t;
        t.rest_s = rest_s;
        t.counted = counted;
        t.preset = "dfns";
        t.outcome = "signalled";
        t.peak_kpa = 400.0;
        return t;
    };
    // Abandoned (1 counted), complete (3), abandoned again (2): the complete one counts.
    std::vector<records::Trial> trials = {trial({}, true),   trial(12.0, false), trial({}, true),
                                          trial(31.0, true), trial(31.0, true),  trial({}, true),
                                          trial(31.0, true)};
    const auto found = protocols::series_at_point(trials);
    ASSERT_EQ(found.series.size(), 3u);
    EXPECT_EQ(found.counting, 1);
    // None complete: the latest with a counted trial.
    trials.erase(trials.begin() + 2, trials.begin() + 5);
    EXPECT_EQ(protocols::series_at_point(trials).counting, 1);
    // An abort before any ramp, stored by older versions, does not begin a series.
    std::vector<records::Trial> old = {trial({}, true), trial({}, false), trial(31.0, true),
                                       trial(31.0, true)};
    old[1].outcome = "aborted";
    old[1].peak_kpa = 0.0;
    const auto one = protocols::series_at_point(old);
    EXPECT_EQ(one.series.size(), 1u);
    EXPECT_EQ(one.counting, 0);
    // Trials stored before rests were (none has one) are one series, as they were counted.
    std::vector<records::Trial> legacy = {trial({}, true), trial({}, true), trial({}, true)};
    EXPECT_EQ(protocols::series_at_point(legacy).series.size(), 1u);
    // A point where nothing counts sets nothing aside.
    std::vector<records::Trial> none = {trial({}, false), trial(31.0, false)};
    protocols::apply_threshold_rule(none);
    EXPECT_EQ(protocols::series_at_point(none).counting, -1);
    // Applied to stored trials: only the counting series keeps its counts.
    std::vector<records::Trial> stored = {trial({}, true), trial({}, true), trial(31.0, true),
                                          trial(31.0, true)};
    protocols::apply_threshold_rule(stored);
    EXPECT_FALSE(stored[0].counted);
    EXPECT_TRUE(stored[1].counted);
    EXPECT_TRUE(stored[3].counted);
}
