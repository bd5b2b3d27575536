#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "SessionFixture.h"

using namespace algocore;
using namespace algocore::session;
using records::BodySide;

namespace {

struct PptFixture : ::testing::Test {
    algotest::TempDir dir;
    std::string path = dir.file("study.sqlite");
    Workbench wb{sessiontest::fixed_clock()};
    records::Site site;

    void SetUp() override {
        ASSERT_EQ(wb.open_database(path), "");
        begin("S001");
    }
    void begin(const std::string& code) {
        Visit v;
        v.subject_code = code;
        v.operator_name = "Ada";
        v.operator_role = "researcher";
        ASSERT_EQ(wb.begin_visit(v), "");
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
};

} // namespace

TEST_F(PptFixture, ThreeDfnsTrialsAreStoredWithTheirActualRestsAndTheSeriesCompletes) {
    ASSERT_EQ(wb.thresholds().start_trial(0.0), "");
    double t = run(0.0, 300.0);
    for (double button : {320.0, 340.0}) {
        t = rest(t, 31.0);
        t = run(t, button); // the series watches for the next ramp by itself
    }
    sessiontest::settle(wb);
    ASSERT_EQ(wb.thresholds().series()->state(), protocols::PptSeriesState::Complete);
    const auto rows = wb.thresholds().rows();
    ASSERT_EQ(rows.size(), 3u);
    for (const auto& row : rows)
        EXPECT_NE(row.record_id, records::kNoRecord);
    const auto session_id = wb.visit().session_id();
    const auto trials = wb.storage()->trials_of(session_id);
    ASSERT_EQ(trials.size(), 3u);
    EXPECT_FALSE(trials[0].rest_s);
    ASSERT_TRUE(trials[1].rest_s);
    // Signal at 7.0 s after the start of ramp 1 (8.3 s trace); contact of ramp 2 at
    // 8.3 + 31 + 1.2 s: the rest is 33.5 s.
    EXPECT_NEAR(*trials[1].rest_s, 33.5, 0.01);
    for (const auto& trial : trials) {
        EXPECT_TRUE(trial.valid) << protocols::flags_to_string(trial.flags);
        EXPECT_TRUE(trial.counted);
    }
    EXPECT_NEAR(wb.thresholds().result().summary.mean_kpa, 320.0, 0.1);
}

TEST_F(PptFixture, ARampSignalledDuringTheRestIsStoredShortRestAndTheSeriesGoesOn) {
    ASSERT_EQ(wb.thresholds().start_trial(0.0), "");
    double t = run(0.0, 300.0);
    t = rest(t, 12.0 - 1.3 - 1.2); // contact of the next ramp 12 s after the signal
    t = run(t, 330.0);
    sessiontest::settle(wb);
    auto trials = wb.storage()->trials_of(wb.visit().session_id());
    ASSERT_EQ(trials.size(), 2u);
    EXPECT_EQ(protocols::flags_to_string(trials[1].flags), "short_rest");
    EXPECT_FALSE(trials[1].counted);
    EXPECT_NEAR(*trials[1].rest_s, 12.0, 0.01);
    EXPECT_NEAR(trials[1].ppt_kpa, 330.0, 0.06);
    // Not complete with one counted trial: the retest (after a full rest) and one more.
    EXPECT_EQ(wb.thresholds().series()->state(), protocols::PptSeriesState::RetestPrompt);
    wb.thresholds().answer_retest(true, t);
    t = rest(t, 31.0);
    t = run(t, 310.0);
    t = rest(t, 31.0);
    t = run(t, 315.0);
    sessiontest::settle(wb);
    EXPECT_EQ(wb.thresholds().series()->state(), protocols::PptSeriesState::Complete);
    EXPECT_EQ(wb.storage()->trials_of(wb.visit().session_id()).size(), 4u);
}

TEST_F(PptFixture, ThePreviousSessionsThresholdArrivesWithoutBlockingAndJudgesTheChange) {
    ASSERT_EQ(wb.thresholds().start_trial(0.0), "");
    double t = run(0.0, 300.0);
    for (int i = 0; i < 2; ++i) {
        t = rest(t, 31.0);
        t = run(t, 300.0);
    }
    sessiontest::settle(wb);
    begin("S001");                                   // a new visit of the same subject
    EXPECT_FALSE(wb.thresholds().result().previous); // asked, not yet delivered
    sessiontest::settle(wb);
    const auto previous = wb.thresholds().result().previous;
    ASSERT_TRUE(previous);
    EXPECT_NEAR(previous->mean_kpa, 300.0, 0.1);
    EXPECT_EQ(previous->n, 3);
    ASSERT_EQ(wb.thresholds().start_trial(t), "");
    t = run(t + 1.0, 420.0);
    const auto result = wb.thresholds().result();
    ASSERT_TRUE(result.change);
    EXPECT_NEAR(result.change->change_kpa, 120.0, 0.2);
    // No MDC of the lab's own: the built-in default, which says where it comes from in the
    // words of MdcLookup, the one place that writes them.
    EXPECT_EQ(result.change->verdict, protocols::ChangeVerdict::Increased);
    ASSERT_TRUE(result.mdc);
    EXPECT_EQ(result.mdc->origin, history::MdcOrigin::BuiltInDefault);
    EXPECT_DOUBLE_EQ(result.change->mdc_kpa, 47.2); // the built-in table's trapezius
    EXPECT_EQ(result.change->mdc_source, history::builtin_mdc(site).provenance);
    EXPECT_EQ(result.change->mdc_source, "built-in default (Walton et al. 2011)");
}

TEST_F(PptFixture, ATrialArmedWhileTheProbeIsLoadedDoesNotStartMidRamp) {
    // The examiner is already pressing (240 kPa and rising) when the trial is armed.
    std::vector<Sample> loaded;
    for (double t = 0.0; t < 1.0; t += 0.001)
        loaded.push_back(synth::sample_at(t, 240.0 + 50 * t));
    sessiontest::feed(wb, loaded);
    ASSERT_EQ(wb.thresholds().start_trial(1.0), "");
    loaded.clear();
    for (double t = 1.0; t < 4.0; t += 0.001) {
        const double p = 240.0 + 50.0 * t;
        loaded.push_back(synth::sample_at(t, p, p >= 431.0 ? kPatientButton : 0));
    }
    sessiontest::feed(wb, loaded);
    sessiontest::settle(wb);
    EXPECT_TRUE(wb.storage()->trials_of(wb.visit().session_id()).empty());
    double t = rest(4.0, 1.0);
    run(t, 300.0);
    sessiontest::settle(wb);
    const auto trials = wb.storage()->trials_of(wb.visit().session_id());
    ASSERT_EQ(trials.size(), 1u);
    EXPECT_NEAR(trials[0].ppt_kpa, 300.0, 0.06);
    EXPECT_TRUE(trials[0].valid);
}

TEST_F(PptFixture, TheLabsOwnStoredMdcDecidesTheChangeInsteadOfTheBuiltInDefault) {
    ASSERT_EQ(wb.thresholds().start_trial(0.0), "");
    double t = run(0.0, 300.0);
    for (int i = 0; i < 2; ++i) {
        t = rest(t, 31.0);
        t = run(t, 300.0);
    }
    sessiontest::settle(wb);
    // Without a stored MDC the built-in 70 kPa of the upper trapezius calls +120 an increase.
    records::SiteMdcRecord own;
    own.site_key = "upper_trapezius";
    own.side = BodySide::Left;
    own.mdc_kpa = 150.0;
    own.sem_kpa = 54.1;
    own.icc_form = "ICC(2,1)";
    own.n_subjects = 24;
    own.source = "ICC(2,1) 0.81, 24 subjects x 2 sessions; study.sqlite";
    ASSERT_TRUE(wb.storage()->save_site_mdc(own).ok);
    begin("S001");
    sessiontest::settle(wb);
    ASSERT_EQ(wb.thresholds().start_trial(t), "");
    t = run(t + 1.0, 420.0);
    const auto result = wb.thresholds().result();
    ASSERT_TRUE(result.change);
    EXPECT_NEAR(result.change->change_kpa, 120.0, 0.2);
    EXPECT_EQ(result.change->mdc_kpa, 150.0);
    EXPECT_EQ(result.change->verdict, protocols::ChangeVerdict::NoDetectableChange);
    // The provenance is MdcLookup's: this lab, the day the storage stamped, the row's source.
    ASSERT_TRUE(result.mdc);
    EXPECT_EQ(result.mdc->origin, history::MdcOrigin::ThisLab);
    EXPECT_EQ(result.change->mdc_source, result.mdc->provenance);
    const auto stored = wb.storage()->site_mdc("upper_trapezius", BodySide::Left);
    ASSERT_TRUE(stored);
    EXPECT_EQ(result.change->mdc_source, history::lab_mdc(*stored).provenance);
    EXPECT_EQ(result.change->mdc_source, "this lab (" + stored->computed_utc.substr(0, 10) +
                                             "): ICC(2,1) 0.81, 24 subjects x 2 sessions; "
                                             "study.sqlite");
}

// Started while the probe is already loaded (the patient presses during that first ramp), the
// trial waits for the baseline: the session says what it waits on in the operator's words, and
// keeps the patient's press as an event instead of dropping it; no trial is made of it.
TEST_F(PptFixture, StartedWhileLoadedItSaysSoAndKeepsThePressAsAnEvent) {
    auto& ppt = wb.thresholds();
    ASSERT_EQ(ppt.start_trial(0.0), "");
    std::vector<Sample> loaded;
    for (int i = 0; i <= 200; ++i) // 73 kPa rising at 50 kPa/s for 2 s
        loaded.push_back(synth::sample_at(i * 0.01, 73.0 + 50.0 * i * 0.01));
    loaded.back().pressure_kpa = 73.0; // the newest sample the wait reads
    sessiontest::feed(wb, loaded);
    ASSERT_TRUE(ppt.baseline_wait());
    EXPECT_EQ(protocols::to_words(*ppt.baseline_wait()),
              "probe loaded (73 kPa): lift below 5 kPa to begin");
    EXPECT_TRUE(ppt.take_presses_while_loaded().empty());

    // The patient presses the device button at 180 kPa, and the PAIN key once more.
    sessiontest::feed(wb, {synth::sample_at(2.01, 180.0, kPatientButton),
                           synth::sample_at(2.02, 181.0, kPatientButton)});
    ppt.signal_pain(2.03, protocols::PainSignalSource::Keyboard);
    const auto presses = ppt.take_presses_while_loaded();
    ASSERT_EQ(presses.size(), 2u);
    EXPECT_DOUBLE_EQ(presses[0].t_s, 2.01);
    EXPECT_DOUBLE_EQ(presses[0].pressure_kpa, 180.0);
    EXPECT_DOUBLE_EQ(presses[1].pressure_kpa, 181.0);
    EXPECT_EQ(protocols::to_words(presses[0]),
              "the patient pressed at 180 kPa while the probe was loaded: kept as an event, not "
              "a trial (its ramp did not start from baseline)");
    EXPECT_TRUE(ppt.take_presses_while_loaded().empty()); // each said once
    ASSERT_TRUE(ppt.baseline_wait());
    EXPECT_EQ(ppt.baseline_wait()->presses.size(), 2u);
    EXPECT_TRUE(ppt.rows().empty());

    // Lifted, then a ramp from baseline: that one is the trial, and the wait is over.
    double t = rest(2.1, 1.0);
    EXPECT_FALSE(ppt.baseline_wait());
    run(t, 300.0);
    sessiontest::settle(wb);
    ASSERT_EQ(ppt.rows().size(), 1u);
    EXPECT_NEAR(ppt.rows()[0].trial.result.ppt_kpa, 300.0, 0.5);
    EXPECT_TRUE(ppt.take_presses_while_loaded().empty());
    // Both presses are stored as events of the trial that waited, time and pressure.
    ASSERT_TRUE(wb.storage()->flush(std::chrono::seconds(5)));
    const auto stored = wb.storage()->trials_of(wb.visit().session_id());
    ASSERT_EQ(stored.size(), 1u);
    ASSERT_TRUE(stored[0].presses_while_loaded.has_value());
    EXPECT_EQ(*stored[0].presses_while_loaded,
              (std::vector<records::PressWhileLoadedRecord>{{2.01, 180.0}, {2.03, 181.0}}));
}
