#include <gtest/gtest.h>

#include "HistoryRecords.h"
#include <nlohmann/json.hpp>
#include <sstream>

#include "algocore/export/FindingsJson.h"
#include "algocore/export/HoldJson.h"
#include "algocore/history/HistoryJson.h"
#include "algocore/history/MdcLookup.h"
#include "algocore/history/PressureFormat.h"
#include "algocore/history/SubjectHistory.h"
#include "algocore/protocols/BuiltinMdc.h"
#include "algocore/storage/SiteLibrary.h"

using namespace algocore;
using history::SubjectHistory;
using protocols::ChangeVerdict;
using records::BodySide;

namespace {

// Three sessions at the trapezius, left: 300/310/320 (mean 310), then 330/340/350 (340,
// +30 < MDC 47.2), then 400/410/420 (410, +70 vs previous, +100 vs first).
algotest::HistoryRecords three_sessions() {
    algotest::HistoryRecords r;
    const auto a = r.session("2026-01-05");
    const auto b = r.session("2026-02-05");
    const auto c = r.session("2026-03-05");
    for (double v : {300.0, 310.0, 320.0})
        r.trial(a, 10, BodySide::Left, v);
    for (double v : {330.0, 340.0, 350.0})
        r.trial(b, 10, BodySide::Left, v);
    r.trial(b, 10, BodySide::Left, 999.0, false); // not counted: must not move the mean
    for (double v : {400.0, 410.0, 420.0})
        r.trial(c, 10, BodySide::Left, v);
    for (double v : {500.0, 520.0})
        r.trial(c, 10, BodySide::Right, v);
    return r;
}

} // namespace

TEST(SubjectHistory, ThresholdIsTheMeanOfCountedTrialsWithSampleSd) {
    const SubjectHistory h = SubjectHistory::build(three_sessions().records);
    ASSERT_EQ(h.sessions().size(), 3u);
    ASSERT_EQ(h.points().size(), 2u);
    const auto& left = h.points()[0];
    EXPECT_EQ(left.label(), "Upper trapezius L");
    ASSERT_EQ(left.visits.size(), 3u);
    EXPECT_EQ(left.visits[1].n, 3);
    EXPECT_EQ(left.visits[1].trials.size(), 4u);
    EXPECT_DOUBLE_EQ(left.visits[1].mean_kpa, 340.0);
    EXPECT_DOUBLE_EQ(left.visits[1].sd_kpa, 10.0);
    EXPECT_NEAR(left.visits[1].cv_pct, 100.0 * 10.0 / 340.0, 1e-9);
}

TEST(SubjectHistory, ChangesAreJudgedAgainstThePreviousAndTheFirstSession) {
    const SubjectHistory h = SubjectHistory::build(three_sessions().records);
    const auto& v = h.points()[0].visits;
    EXPECT_FALSE(v[0].vs_previous);
    EXPECT_FALSE(v[0].vs_first);
    ASSERT_TRUE(v[1].vs_previous);
    EXPECT_DOUBLE_EQ(v[1].vs_previous->change_kpa, 30.0);
    EXPECT_EQ(v[1].vs_previous->verdict, ChangeVerdict::NoDetectableChange);
    ASSERT_TRUE(v[2].vs_previous);
    EXPECT_DOUBLE_EQ(v[2].vs_previous->change_kpa, 70.0);
    EXPECT_EQ(v[2].vs_previous->verdict, ChangeVerdict::Increased);
    ASSERT_TRUE(v[2].vs_first);
    EXPECT_DOUBLE_EQ(v[2].vs_first->change_kpa, 100.0);
    EXPECT_DOUBLE_EQ(v[2].vs_first->mdc_kpa, 47.2);
}

TEST(SubjectHistory, LeftAndRightAreComparedOnlyInSessionsWithBoth) {
    const SubjectHistory h = SubjectHistory::build(three_sessions().records);
    const auto& left = h.points()[0].visits;
    const auto& right = h.points()[1].visits;
    EXPECT_FALSE(left[0].sides);
    ASSERT_TRUE(left[2].sides);
    EXPECT_DOUBLE_EQ(left[2].sides->difference_kpa, 410.0 - 510.0);
    EXPECT_EQ(left[2].sides->lower_side, 'L');
    ASSERT_TRUE(right[0].sides);
    EXPECT_DOUBLE_EQ(right[0].sides->right_kpa, 510.0);
}

TEST(SubjectHistory, HoldsAndSessionCountsFollowTheirSessions) {
    auto r = three_sessions();
    r.hold(r.records.sessions[1].id);
    const SubjectHistory h = SubjectHistory::build(r.records);
    ASSERT_EQ(h.holds().size(), 1u);
    EXPECT_EQ(h.holds()[0].site.name, "Upper trapezius");
    EXPECT_EQ(h.holds()[0].session_started_utc, "2026-02-05T10:00:00Z");
    EXPECT_EQ(h.sessions()[1].holds, 1);
    EXPECT_EQ(h.sessions()[1].trials, 4);
    EXPECT_EQ(h.sessions()[1].counted_trials, 3);
    EXPECT_EQ(h.sessions()[1].operator_name, "Dr Who");
    EXPECT_EQ(h.holds_in(r.records.sessions[0].id).size(), 0u);
    EXPECT_EQ(h.latest_session()->session.started_utc, "2026-03-05T10:00:00Z");
}

TEST(MdcLookup, BuiltInDefaultsStateWhereTheyComeFrom) {
    records::Site library;
    library.key = "upper_trapezius";
    library.name = "Upper trapezius";
    EXPECT_DOUBLE_EQ(history::builtin_mdc(library).mdc_kpa, 47.2);
    EXPECT_EQ(history::builtin_mdc(library).provenance, "built-in default (Walton et al. 2011)");
    library.key = "masseter";
    EXPECT_EQ(history::builtin_mdc(library).provenance, "built-in default (estimate)");
    records::Site custom;
    custom.name = "Tibialis anterior";
    EXPECT_DOUBLE_EQ(history::builtin_mdc(custom).mdc_kpa, 97.9);
    EXPECT_EQ(history::builtin_mdc(custom).provenance, "built-in default (Walton et al. 2011)");
    custom.name = "My point";
    EXPECT_EQ(history::builtin_mdc(custom).provenance, "built-in default (fallback 50 kPa)");
    custom.mdc_kpa = 33.0;
    EXPECT_DOUBLE_EQ(history::builtin_mdc(custom).mdc_kpa, 33.0);
    EXPECT_EQ(history::builtin_mdc(custom).provenance, "built-in default (site record)");
}

// One table of built-in MDCs: the site library, a site stored by an older version (whose
// row still carries the library's old 70 kPa for the upper trapezius) and a custom site of
// the same name all get the table's value, so two views never judge one change differently.
TEST(MdcLookup, TheSiteLibraryAndEveryVerdictUseTheOneBuiltInTable) {
    for (const records::Site& site : storage::builtin_sites()) {
        SCOPED_TRACE(site.key);
        const auto builtin = protocols::builtin_mdc_of(site.key);
        ASSERT_TRUE(builtin);
        EXPECT_EQ(site.mdc_kpa, builtin->mdc_kpa);
        EXPECT_EQ(history::MdcLookup().mdc(site, BodySide::Left).mdc_kpa, builtin->mdc_kpa);
        records::Site same_name;
        same_name.name = site.name;
        EXPECT_EQ(history::builtin_mdc(same_name).mdc_kpa, builtin->mdc_kpa);
    }
    records::Site stored_by_an_older_version = storage::builtin_sites().front();
    ASSERT_EQ(stored_by_an_older_version.key, "upper_trapezius");
    stored_by_an_older_version.mdc_kpa = 70.0;
    EXPECT_EQ(history::builtin_mdc(stored_by_an_older_version).mdc_kpa, 47.2);
}

TEST(MdcLookup, ALabsOwnMdcWinsAndChangesTheVerdict) {
    const history::MdcLookup lab([](const records::Site& site, BodySide side) {
        std::optional<history::MdcValue> v;
        if (site.key == "upper_trapezius" && side == BodySide::Left)
            v = history::MdcValue{25.0, history::MdcOrigin::BuiltInDefault, "this lab: ICC(2,1)"};
        return v;
    });
    const SubjectHistory h = SubjectHistory::build(three_sessions().records, lab);
    const auto& left = h.points()[0];
    EXPECT_EQ(left.mdc.origin, history::MdcOrigin::ThisLab);
    EXPECT_EQ(left.mdc.provenance, "this lab: ICC(2,1)");
    // +30 kPa is within the default 47.2 but beyond the lab's 25.
    EXPECT_EQ(left.visits[1].vs_previous->verdict, ChangeVerdict::Increased);
    EXPECT_EQ(h.points()[1].mdc.origin, history::MdcOrigin::BuiltInDefault);
}

namespace {

records::SiteMdcRecord lab_row(records::RecordId id, std::optional<BodySide> side, double mdc_kpa,
                               const std::string& source) {
    records::SiteMdcRecord row;
    row.id = id;
    row.site_key = "upper_trapezius";
    row.side = side;
    row.mdc_kpa = mdc_kpa;
    row.sem_kpa = mdc_kpa / 2.77;
    row.icc_form = "ICC(2,1)";
    row.n_subjects = 12;
    row.source = source;
    row.computed_utc = "2026-04-01T08:30:00Z";
    return row;
}

} // namespace

TEST(SubjectHistory, TheLabsMdcStoredWithTheRecordsDecidesTheVerdictAndSaysSo) {
    auto r = three_sessions();
    // +30 kPa (310 -> 340) is within the built-in 47.2 kPa of the trapezius ...
    const SubjectHistory builtin = SubjectHistory::build(r.records);
    EXPECT_EQ(builtin.points()[0].visits[1].vs_previous->verdict,
              ChangeVerdict::NoDetectableChange);
    EXPECT_EQ(builtin.points()[0].visits[1].vs_previous->mdc_source,
              "built-in default (Walton et al. 2011)");

    // ... and beyond the 25 kPa this lab measured for the left side.
    r.records.site_mdc = {lab_row(4, BodySide::Left, 25.0, "ICC(2,1) 0.93, 12 subjects; lab.db")};
    const SubjectHistory h = SubjectHistory::build(r.records);
    const auto& left = h.points()[0];
    EXPECT_DOUBLE_EQ(left.mdc.mdc_kpa, 25.0);
    EXPECT_EQ(left.mdc.origin, history::MdcOrigin::ThisLab);
    EXPECT_EQ(left.mdc.provenance, "this lab (2026-04-01): ICC(2,1) 0.93, 12 subjects; lab.db");
    ASSERT_TRUE(left.visits[1].vs_previous);
    EXPECT_DOUBLE_EQ(left.visits[1].vs_previous->mdc_kpa, 25.0);
    EXPECT_EQ(left.visits[1].vs_previous->verdict, ChangeVerdict::Increased);
    EXPECT_EQ(left.visits[1].vs_previous->mdc_source, left.mdc.provenance);
    EXPECT_EQ(left.visits[2].vs_first->mdc_source, left.mdc.provenance);
    // The right side has no row of its own and none for both sides: the built-in default.
    EXPECT_EQ(h.points()[1].mdc.origin, history::MdcOrigin::BuiltInDefault);
    EXPECT_DOUBLE_EQ(h.points()[1].mdc.mdc_kpa, 47.2);
}

TEST(MdcLookup, TheSidesNewestRowWinsAndABothSidesRowCoversTheOtherSide) {
    records::Site trapezius;
    trapezius.key = "upper_trapezius";
    trapezius.name = "Upper trapezius";
    trapezius.mdc_kpa = 47.2;
    records::SiteMdcRecord elsewhere = lab_row(9, BodySide::Left, 11.0, "another site");
    elsewhere.site_key = "tibialis_anterior";
    // Given out of order: the newest row is the highest id, wherever it stands.
    const auto lookup = history::MdcLookup::from_rows(
        {lab_row(7, std::nullopt, 80.0, "both sides"), lab_row(5, BodySide::Left, 35.0, "left 2nd"),
         lab_row(3, BodySide::Left, 20.0, "left 1st"), elsewhere});
    // A side's own row beats a newer both-sides row.
    EXPECT_DOUBLE_EQ(lookup.mdc(trapezius, BodySide::Left).mdc_kpa, 35.0);
    EXPECT_EQ(lookup.mdc(trapezius, BodySide::Left).provenance, "this lab (2026-04-01): left 2nd");
    EXPECT_DOUBLE_EQ(lookup.mdc(trapezius, BodySide::Right).mdc_kpa, 80.0);
    EXPECT_DOUBLE_EQ(lookup.mdc(trapezius, BodySide::Midline).mdc_kpa, 80.0);
    records::Site tibialis;
    tibialis.key = "tibialis_anterior";
    tibialis.name = "Tibialis anterior";
    EXPECT_DOUBLE_EQ(lookup.mdc(tibialis, BodySide::Left).mdc_kpa, 11.0);
    EXPECT_EQ(lookup.mdc(tibialis, BodySide::Right).origin, history::MdcOrigin::BuiltInDefault);
    EXPECT_DOUBLE_EQ(lookup.mdc(tibialis, BodySide::Right).mdc_kpa, 97.9);
}

TEST(PressureFormat, WritesTheChosenUnitWithItsSymbol) {
    const auto kgf = history::PressureFormat::parse("kgf_cm2");
    ASSERT_TRUE(kgf);
    EXPECT_EQ(kgf->with_symbol(98.0665), "1.00 kgf/cm²");
    EXPECT_EQ(history::PressureFormat().signed_with_symbol(-12.4), "\u221212 kPa");
    EXPECT_EQ(history::PressureFormat().signed_with_symbol(0.2), "0 kPa");
    EXPECT_FALSE(history::PressureFormat::parse("bar"));
}

TEST(HistoryJson, HoldsAreInTheOneHoldShape) {
    algotest::HistoryRecords r;
    const auto day = r.session("2026-01-05");
    r.hold(day).metrics.signal_losses = std::vector<records::SignalLossRecord>{{20.0, 10.0}};
    const SubjectHistory h = SubjectHistory::build(r.records);
    std::ostringstream out;
    history::write_history_json(h, out);
    const auto doc = nlohmann::json::parse(out.str());
    ASSERT_EQ(doc["holds"].size(), 1u);
    EXPECT_EQ(doc["holds"][0], exporting::hold_json(r.records.holds[0], "upper_trapezius"));
    EXPECT_EQ(doc["holds"][0]["signal_lost_s"], 10.0);
}

TEST(HistoryJson, EachPointsFindingsAreInTheOneFindingsShape) {
    algotest::HistoryRecords r = three_sessions();
    // The left trapezius examined at the first and third visits: an active trigger point
    // referring to the right temple, then only a taut band.
    records::TriggerPointFindings first;
    first.id = 31;
    first.session_id = r.records.sessions[0].id;
    first.site_id = 10;
    first.examined_utc = "2026-01-05T10:20:00Z";
    first.exam.taut_band = records::Finding::Present;
    first.exam.tender_spot = records::Finding::Present;
    first.exam.familiar_pain = records::Finding::Present;
    first.exam.referral = {{"temple", BodySide::Right}};
    records::TriggerPointFindings third = first;
    third.id = 32;
    third.session_id = r.records.sessions[2].id;
    third.examined_utc = "2026-03-05T10:20:00Z";
    third.exam = {};
    third.exam.taut_band = records::Finding::Present;
    r.records.findings = {first, third};
    const SubjectHistory h = SubjectHistory::build(r.records);
    std::ostringstream out;
    history::write_history_json(h, out);
    const auto doc = nlohmann::json::parse(out.str());
    EXPECT_EQ(doc["format_version"], 4);
    ASSERT_EQ(doc["findings"].size(), 2u);
    EXPECT_EQ(doc["findings"][0], exporting::findings_json(first, "upper_trapezius"));
    EXPECT_EQ(doc["findings"][0]["session_id"], 100);
    EXPECT_EQ(doc["findings"][0]["site"], "upper_trapezius");
    EXPECT_EQ(doc["findings"][0]["classification"], "active");
    EXPECT_EQ(doc["findings"][0]["referral_zone"], nlohmann::json::array({"temple:R"}));
    EXPECT_EQ(doc["findings"][1]["session_id"], 102);
    EXPECT_EQ(doc["findings"][1]["taut_band"], "present");
    EXPECT_EQ(doc["findings"][1]["tender_spot"], "not_examined");
    EXPECT_EQ(doc["findings"][1]["referral_regions"], 0);
}

TEST(SubjectHistory, EachTrialCarriesTheEstimateWithTheReactionTimeItsSessionUses) {
    algotest::HistoryRecords r = three_sessions();
    for (auto& t : r.records.trials)
        t.rate_at_button_kpa_s = 50.0;
    r.records.trials.front().rate_at_button_kpa_s.reset(); // stored before the rate was
    // A test at the second visit: it applies to that visit and the third, not the first.
    records::ReactionTest test;
    test.id = 1;
    test.session_id = r.records.sessions[1].id;
    test.median_ms = 300.0;
    test.complete = true;
    r.records.reaction_tests.push_back(test);
    const SubjectHistory h = SubjectHistory::build(r.records);
    EXPECT_FALSE(h.sessions()[0].reaction_time_ms);
    ASSERT_TRUE(h.sessions()[1].reaction_time_ms);
    EXPECT_DOUBLE_EQ(*h.sessions()[2].reaction_time_ms, 300.0);
    const auto& v = h.points()[0].visits;
    EXPECT_FALSE(v[0].trials[1].ppt_rt_adjusted_kpa);
    ASSERT_TRUE(v[1].trials[0].ppt_rt_adjusted_kpa);
    EXPECT_DOUBLE_EQ(*v[1].trials[0].ppt_rt_adjusted_kpa, 330.0 - 50.0 * 0.3);
    EXPECT_DOUBLE_EQ(*v[2].trials[2].ppt_rt_adjusted_kpa, 420.0 - 15.0);
    EXPECT_DOUBLE_EQ(v[2].trials[2].ppt_kpa, 420.0); // beside the threshold, never in place

    std::ostringstream out;
    history::write_history_json(h, out);
    const auto doc = nlohmann::json::parse(out.str());
    EXPECT_EQ(doc["format_version"], 4);
    EXPECT_TRUE(doc["sessions"][0]["reaction_time_ms"].is_null());
    EXPECT_EQ(doc["sessions"][1]["reaction_time_ms"], 300.0);
    const auto& trial = doc["points"][0]["sessions"][1]["trials"][0];
    EXPECT_EQ(trial["rate_at_button_kpa_s"], 50.0);
    EXPECT_DOUBLE_EQ(trial["ppt_rt_adjusted_kpa"].get<double>(), 315.0);
    EXPECT_TRUE(doc["points"][0]["sessions"][0]["trials"][0]["ppt_rt_adjusted_kpa"].is_null());
}
