// Golden files: the exact bytes researchers' scripts rely on. To accept an intended change,
// run with ALGOSCOPE_UPDATE_GOLDEN=1, then review the diff of tests/unit/export/golden/.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "algocore/export/FindingsJson.h"
#include "algocore/export/HoldJson.h"
#include "algocore/export/StudyExport.h"
#include "algocore/export/StudyFilter.h"
#include "algocore/export/TrialTiming.h"

using namespace algocore::records;
using namespace algocore::exporting;

namespace {

std::string golden_path(const std::string& name) {
    return std::string(ALGOSCOPE_EXPORT_GOLDEN_DIR) + "/" + name;
}

void expect_matches_golden(const std::string& actual, const std::string& name) {
    if (std::getenv("ALGOSCOPE_UPDATE_GOLDEN") != nullptr) {
        std::ofstream(golden_path(name), std::ios::binary) << actual;
    }
    std::ifstream in(golden_path(name), std::ios::binary);
    ASSERT_TRUE(in) << "missing golden file " << golden_path(name);
    std::stringstream expected;
    expected << in.rdbuf();
    EXPECT_EQ(actual, expected.str()) << "export differs from " << golden_path(name);
}

ReactionTest reaction_test(RecordId id, RecordId session_id, double median_ms) {
    ReactionTest r;
    r.id = id;
    r.session_id = session_id;
    r.tested_utc = "2026-11-23T08:55:00Z";
    r.cue_source = "device";
    r.trials = 2;
    r.practice = 1;
    r.n = 2;
    r.median_ms = median_ms;
    r.iqr_ms = 4.0;
    r.complete = true;
    r.timing_uncertainty_ms = 1.0;
    r.timing_note = "cue and press on the device's clock";
    r.cues = {{1, "practice", 1.0, 1.3, 300.0},
              {2, "counted", 4.0, 4.248, 248.0},
              {3, "counted", 7.5, 7.752, 252.0}};
    return r;
}

StudyData sample_study() {
    StudyData d;
    d.subjects.push_back(
        {1, "S014", std::string("female"), std::string("30-39"), BodySide::Right, ""});
    // A code a spreadsheet would run as a formula, and one needing quotes.
    d.subjects.push_back({2, "=cmd|' /C calc'!A0", std::nullopt, std::nullopt, std::nullopt,
                          "said \"ouch\", twice"});
    d.operators.push_back({1, "Dr. Ada", "therapist"});
    d.sessions.push_back({1, 1, 1, "2026-11-23T09:00:00Z", "ALG-0042", 12, 1.0, "baseline"});
    d.sessions.push_back({2, 2, 1, "2026-11-23T10:00:00Z", "ALG-0042", 12, 1.0, ""});
    Site trapezius;
    trapezius.id = 1;
    trapezius.key = "upper_trapezius";
    trapezius.name = "Upper trapezius";
    trapezius.back = BodyMapPoint{0.4, 0.15};
    trapezius.mdc_kpa = 70.0;
    trapezius.builtin = true;
    d.sites.push_back(trapezius);
    auto trial = [](RecordId id, RecordId session, BodySide side, int index, double ppt,
                    double rate, bool valid, std::uint32_t flags, const char* outcome) {
        Trial t;
        t.id = id;
        t.session_id = session;
        t.site_id = 1;
        t.side = side;
        t.index = index;
        t.ppt_kpa = ppt;
        t.rate_kpa_s = rate;
        t.target_rate_kpa_s = 50.0;
        t.probe_cm2 = 1.0;
        t.valid = valid;
        t.counted = valid;
        t.flags = flags;
        t.outcome = outcome;
        t.preset = "dfns";
        t.calibration_id = 12;
        t.in_corridor_pct = 91.25;
        return t;
    };
    // Trials 1 and 3 were measured live: their session clock read 0 at 08:59:58.250 UTC.
    // Trials 2 and 4 have no anchor (stored before schema 13).
    d.trials.push_back(trial(1, 1, BodySide::Left, 1, 412.5, 49.8, true, 0, "signalled"));
    d.trials.back().rate_at_button_kpa_s = 52.0;
    d.trials.back().clock_zero_utc = "2026-11-23T08:59:58.250Z";
    d.trials.back().ramp_start_t_s = 12.5;
    d.trials.push_back(trial(2, 1, BodySide::Left, 2, 398.25, 63.1, false, 1, "signalled"));
    d.trials.back().ramp_start_t_s = 40.0;
    d.trials.push_back(trial(3, 1, BodySide::Right, 1, 455.0, 50.2, true, 0, "signalled"));
    d.trials.back().rate_at_button_kpa_s = 80.0;
    d.trials.back().clock_zero_utc = "2026-11-23T08:59:58.250Z";
    d.trials.back().ramp_start_t_s = 61.0;
    // The patient pressed twice while the probe still loaded the point after this trial.
    d.trials.back().presses_while_loaded =
        std::vector<PressWhileLoadedRecord>{{12.5, 73.0}, {13.25, 70.5}};
    d.trials.push_back(trial(4, 2, BodySide::Left, 1, 0.0, 0.0, false, 6, "aborted"));
    d.trials.back().presses_while_loaded = std::vector<PressWhileLoadedRecord>{};
    Hold h;
    h.id = 1;
    h.session_id = 1;
    h.site_id = 1;
    h.side = BodySide::Left;
    h.prescription = R"({"name":"ppt_90s","source":""})";
    h.band_low_kpa = 371.25;
    h.band_high_kpa = 453.75;
    h.target_hold_s = 90.0;
    h.outcome = "complete";
    h.metrics = {95.5, 90.0, 94.24, 410.2, 409.0, 38969.1, 462.0, 3.14, 2, 1};
    h.step_ups = {{30.0, 31.2, 395.0, 420.0}};
    h.pain_rating_0_10 = 6;
    d.holds.push_back(h);
    // The device was unplugged for 10.25 s, 20 s into the next hold.
    h.id = 2;
    h.repetition = 2;
    h.metrics.signal_losses = std::vector<SignalLossRecord>{{20.0, 10.25}};
    h.pain_rating_0_10.reset();
    // The therapist felt two releases; the detector prompted at the step-up's 30 s.
    h.release_marks = ReleaseMarks{{29.25, 61.5}, {30.0}};
    d.holds.push_back(h);
    d.audit_log.push_back(
        {1, "Dr. Ada", "2026-11-23T09:30:00Z", "trials", 2, "valid", "1", "0", "rate too fast"});
    // The lab's own MDC: one row for the left side, a newer one for both sides.
    d.site_mdc.push_back({1, "upper_trapezius", BodySide::Left, 45.5, 16.42, "ICC(2,1)", 24,
                          "ICC(2,1) 0.87, 24 subjects x 2 sessions; study.sqlite",
                          "2026-10-01T08:00:00Z"});
    d.site_mdc.push_back({2, "upper_trapezius", std::nullopt, 52.25, 18.85, "ICC(3,1)", 30,
                          "=both sides", "2026-11-01T08:00:00Z"});
    // S014's reaction-time test of the first session (device cue, median 250 ms).
    d.reaction_tests.push_back(reaction_test(1, 1, 250.0));
    // S014's right trapezius examined at the first visit: an active trigger point referring to
    // the temple and jaw; the other subject's point only palpated.
    TriggerPointFindings active;
    active.id = 3;
    active.session_id = 1;
    active.site_id = 1;
    active.side = BodySide::Right;
    active.examined_utc = "2026-11-23T09:20:00Z";
    active.exam.taut_band = Finding::Present;
    active.exam.tender_spot = Finding::Present;
    active.exam.local_twitch = Finding::Absent;
    active.exam.familiar_pain = Finding::Present;
    active.exam.referral = {{"jaw", BodySide::Right}, {"temple", BodySide::Right}};
    d.findings.push_back(active);
    TriggerPointFindings palpated;
    palpated.id = 4;
    palpated.session_id = 2;
    palpated.site_id = 1;
    palpated.examined_utc = "2026-11-23T10:05:00Z";
    palpated.exam.taut_band = Finding::Present;
    palpated.exam.tender_spot = Finding::Absent;
    d.findings.push_back(palpated);
    // As an export is given it: through the selection, which finds each session's reaction time.
    return filter_study(d, StudyFilter{});
}

std::vector<SiteSummary> sample_summaries() {
    SiteSummary left;
    left.session_id = 1;
    left.subject_code = "S014";
    left.session_started_utc = "2026-11-23T09:00:00Z";
    left.site_key = "upper_trapezius";
    left.site_name = "Upper trapezius";
    left.side = BodySide::Left;
    left.n = 1;
    left.n_all = 2;
    left.mean_kpa = 412.5;
    left.min_kpa = 412.5;
    left.max_kpa = 412.5;
    return {left};
}

RawTrace short_trace() {
    RawTrace t;
    t.samples = {
        {0.0, 1000, 0.0, 0.0, 0, 0}, {0.001, 1012, 0.05, 0.5, 0, 0}, {0.002, 1025, 0.1, 1.0, 2, 4}};
    return t;
}

} // namespace

TEST(ExportGolden, TrialsCsvIsTidyLongFormat) {
    std::ostringstream out;
    write_trials_csv(sample_study(), out);
    expect_matches_golden(out.str(), "trials.csv");
}

TEST(ExportGolden, SiteSummaryCsv) {
    std::ostringstream out;
    write_site_summary_csv(sample_summaries(), out);
    expect_matches_golden(out.str(), "site_summary.csv");
}

TEST(ExportGolden, HoldsCsv) {
    std::ostringstream out;
    write_holds_csv(sample_study(), out);
    expect_matches_golden(out.str(), "holds.csv");
}

TEST(ExportGolden, SiteMdcCsvHasEveryStoredRowWithItsProvenance) {
    std::ostringstream out;
    write_site_mdc_csv(sample_study(), out);
    expect_matches_golden(out.str(), "site_mdc.csv");
}

TEST(ExportGolden, SubjectsCsv) {
    std::ostringstream out;
    write_subjects_csv(sample_study(), out);
    expect_matches_golden(out.str(), "subjects.csv");
}

TEST(ExportGolden, ReactionTestsCsv) {
    std::ostringstream out;
    write_reaction_tests_csv(sample_study(), out);
    expect_matches_golden(out.str(), "reaction_tests.csv");
}

TEST(ExportGolden, FindingsCsvHasOneRowPerPointAndVisitWithTheZoneAsNamedRegions) {
    std::ostringstream out;
    write_findings_csv(sample_study(), out);
    expect_matches_golden(out.str(), "findings.csv");
}

TEST(TrialTiming, TheEstimateIsThePptLessTheRateAtTheButtonTimesTheReactionTime) {
    const StudyData d = sample_study();
    const TrialTiming first = trial_timing(d, d.trials[0]);
    ASSERT_TRUE(first.ppt_rt_adjusted_kpa);
    EXPECT_DOUBLE_EQ(*first.reaction_time_ms, 250.0);
    EXPECT_DOUBLE_EQ(*first.ppt_rt_adjusted_kpa, 412.5 - 52.0 * 0.25);
    EXPECT_DOUBLE_EQ(*trial_timing(d, d.trials[2]).ppt_rt_adjusted_kpa, 455.0 - 80.0 * 0.25);
    // No rate at the button: no estimate. Another subject's session: no reaction time.
    EXPECT_FALSE(trial_timing(d, d.trials[1]).ppt_rt_adjusted_kpa);
    EXPECT_FALSE(trial_timing(d, d.trials[3]).reaction_time_ms);
}

TEST(TrialTiming, AFilteredExportOfALaterVisitUsesTheReactionTimeOfAnEarlierOne) {
    StudyData d = sample_study();
    d.reaction_ms_by_session.clear();
    // S014 comes back a week later; the test of the first visit still describes them.
    d.sessions.push_back({3, 1, 1, "2026-11-30T09:00:00Z", "ALG-0042", 12, 1.0, ""});
    Trial later = d.trials[0];
    later.id = 5;
    later.session_id = 3;
    later.ppt_kpa = 430.0;
    later.rate_at_button_kpa_s = 60.0;
    d.trials.push_back(later);
    StudyFilter only_the_later_visit;
    only_the_later_visit.session_id = 3;
    const StudyData kept = filter_study(d, only_the_later_visit);
    ASSERT_EQ(kept.trials.size(), 1u);
    EXPECT_TRUE(kept.reaction_tests.empty()); // the test belongs to the first visit
    const TrialTiming timing = trial_timing(kept, kept.trials[0]);
    ASSERT_TRUE(timing.ppt_rt_adjusted_kpa);
    EXPECT_DOUBLE_EQ(*timing.ppt_rt_adjusted_kpa, 430.0 - 60.0 * 0.25);
    std::ostringstream csv;
    write_trials_csv(kept, csv);
    EXPECT_NE(
        csv.str().find(",60,250,415,2026-11-23T08:59:58.250Z,2026-11-23T09:00:10.750Z,0,\r\n"),
        std::string::npos)
        << csv.str();
}

TEST(TrialTiming, ATrialStartedAtItsClocksAnchorPlusItsRampStartOnTheSessionClock) {
    const StudyData d = sample_study();
    // 08:59:58.250 + 12.5 s and + 61.0 s.
    EXPECT_EQ(trial_timing(d, d.trials[0]).ramp_start_utc, "2026-11-23T09:00:10.750Z");
    EXPECT_EQ(trial_timing(d, d.trials[2]).ramp_start_utc, "2026-11-23T09:00:59.250Z");
    // No anchor: no time, whatever its session-clock time says.
    EXPECT_FALSE(trial_timing(d, d.trials[1]).ramp_start_utc);
    // The millisecond is kept across a new year.
    Trial late = d.trials[0];
    late.clock_zero_utc = "2026-12-31T23:59:59.999Z";
    late.ramp_start_t_s = 0.002;
    EXPECT_EQ(trial_timing(d, late).ramp_start_utc, "2027-01-01T00:00:00.001Z");
}

TEST(TrialTiming, TheCsvAndTheJsonSayWhenEachTrialStartedAndLeaveItEmptyWithoutAnAnchor) {
    const StudyData d = sample_study();
    std::ostringstream csv;
    write_trials_csv(d, csv);
    const std::string text = csv.str();
    const std::string header = text.substr(0, text.find("\r\n"));
    EXPECT_NE(header.find(",ppt_rt_adjusted_kpa,clock_zero_utc,ramp_start_utc"), std::string::npos)
        << header;
    // Trial 1 (first row) and trial 2, which has none: empty fields, no made-up time.
    EXPECT_NE(text.find(",2026-11-23T08:59:58.250Z,2026-11-23T09:00:10.750Z,0,\r\n"),
              std::string::npos)
        << text;
    const std::size_t second_row = text.find(",ppt,2,398.25,");
    ASSERT_NE(second_row, std::string::npos) << text;
    const std::size_t second_end = text.find("\r\n", second_row);
    // No rate-adjusted estimate, no anchor, no ramp start; no presses while loaded.
    EXPECT_EQ(text.substr(second_end - 5, 5), ",,,0,") << text.substr(second_row, 200);

    std::ostringstream json_text;
    write_study_json(d, sample_summaries(), json_text);
    const auto doc = nlohmann::json::parse(json_text.str());
    EXPECT_EQ(doc["format_version"], 6);
    EXPECT_EQ(doc["trials"][0]["clock_zero_utc"], "2026-11-23T08:59:58.250Z");
    EXPECT_EQ(doc["trials"][0]["ramp_start_utc"], "2026-11-23T09:00:10.750Z");
    EXPECT_EQ(doc["trials"][2]["ramp_start_utc"], "2026-11-23T09:00:59.250Z");
    EXPECT_TRUE(doc["trials"][1]["clock_zero_utc"].is_null());
    EXPECT_TRUE(doc["trials"][1]["ramp_start_utc"].is_null());
}

// The JSON carries the presses trials.csv has: each press while the trial waited for the loaded
// probe to lift, as stored; none is an empty list, not recorded (before schema 12) is null.
TEST(ExportJson, EachTrialCarriesItsPressesWhileLoadedAsTrialsCsvDoes) {
    std::ostringstream out;
    write_study_json(sample_study(), sample_summaries(), out);
    const auto doc = nlohmann::json::parse(out.str());
    ASSERT_EQ(doc["trials"].size(), 4u);
    EXPECT_TRUE(doc["trials"][0]["presses_while_loaded"].is_null()) << doc["trials"][0];
    const auto& pressed = doc["trials"][2]["presses_while_loaded"];
    ASSERT_EQ(pressed.size(), 2u) << doc["trials"][2];
    EXPECT_EQ(pressed[0]["t_s"], 12.5);
    EXPECT_EQ(pressed[0]["pressure_kpa"], 73.0);
    EXPECT_EQ(pressed[1]["t_s"], 13.25);
    EXPECT_EQ(pressed[1]["pressure_kpa"], 70.5);
    EXPECT_EQ(doc["trials"][3]["presses_while_loaded"], nlohmann::json::array());

    std::ostringstream csv;
    write_trials_csv(sample_study(), csv);
    EXPECT_NE(csv.str().find(",1,\"12.5:73;13.25:70.5\"\r\n"), std::string::npos) << csv.str();
}

TEST(ExportGolden, TraceCsv) {
    std::ostringstream out;
    write_trace_csv(short_trace(), out);
    expect_matches_golden(out.str(), "trace.csv");
}

TEST(ExportGolden, JsonWithEverything) {
    std::ostringstream out;
    const TraceLoader traces = [](RecordId id) -> std::optional<RawTrace> {
        if (id == 1) return short_trace();
        return std::nullopt;
    };
    write_study_json(sample_study(), sample_summaries(), out, traces, traces);
    expect_matches_golden(out.str(), "study.json");
}

TEST(HoldJson, TheJsonExportWritesEachHoldInTheOneHoldShape) {
    std::ostringstream out;
    const StudyData study = sample_study();
    write_study_json(study, sample_summaries(), out);
    const auto doc = nlohmann::json::parse(out.str());
    ASSERT_EQ(doc["holds"].size(), 2u);
    EXPECT_EQ(doc["holds"][0], hold_json(study.holds[0], "upper_trapezius"));
    EXPECT_EQ(doc["holds"][1], hold_json(study.holds[1], "upper_trapezius"));
}

TEST(FindingsJson, TheJsonExportWritesEachPointsFindingsInTheShapeFindingsSetPrints) {
    std::ostringstream out;
    const StudyData study = sample_study();
    write_study_json(study, sample_summaries(), out);
    const auto doc = nlohmann::json::parse(out.str());
    EXPECT_EQ(doc["format_version"], 6);
    ASSERT_EQ(doc["findings"].size(), 2u);
    EXPECT_EQ(doc["findings"][0], findings_json(study.findings[0], "upper_trapezius"));
    EXPECT_EQ(doc["findings"][0]["classification"], "active");
    EXPECT_EQ(doc["findings"][0]["referral_zone"], (nlohmann::json{"temple:R", "jaw:R"}));
    EXPECT_EQ(doc["findings"][1]["classification"], "criteria_not_met");
    EXPECT_EQ(doc["findings"][1]["referral_regions"], 0);
}

TEST(HoldJson, SaysTheTimeWithoutSignalAndWhetherItWasMeasured) {
    const StudyData study = sample_study();
    const auto unmeasured = hold_json(study.holds[0], "upper_trapezius");
    EXPECT_TRUE(unmeasured["signal_losses"].is_null());
    EXPECT_TRUE(unmeasured["signal_lost_s"].is_null());
    const auto unplugged = hold_json(study.holds[1], "upper_trapezius");
    EXPECT_EQ(unplugged["signal_lost_s"], 10.25);
    ASSERT_EQ(unplugged["signal_losses"].size(), 1u);
    EXPECT_EQ(unplugged["signal_losses"][0]["at_s"], 20.0);
    EXPECT_EQ(unplugged["signal_losses"][0]["lost_s"], 10.25);
    EXPECT_EQ(unplugged["site"], "upper_trapezius");
    EXPECT_EQ(unplugged["step_ups"][0]["after_kpa"], 420.0);
}

TEST(HoldJson, CarriesTheReleaseMarksAndPromptsAndSaysWhenTheyWereNotRecorded) {
    const StudyData study = sample_study();
    const auto before = hold_json(study.holds[0], "upper_trapezius");
    EXPECT_TRUE(before["release_marks_s"].is_null());
    EXPECT_TRUE(before["release_detections_s"].is_null());
    const auto marked = hold_json(study.holds[1], "upper_trapezius");
    EXPECT_EQ(marked["release_marks_s"], nlohmann::json({29.25, 61.5}));
    EXPECT_EQ(marked["release_detections_s"], nlohmann::json({30.0}));
}
