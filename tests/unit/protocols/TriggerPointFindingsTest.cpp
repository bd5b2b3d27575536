// Trigger-point findings: the Delphi criteria (2 of taut band, tender spot, referred pain;
// active by familiar pain) and the body-map regions a referral zone is drawn with.
#include <gtest/gtest.h>

#include "algocore/protocols/BodyRegions.h"
#include "algocore/protocols/TriggerPointCriteria.h"
#include "algocore/storage/SiteLibrary.h"

using namespace algocore::protocols;
using algocore::records::BodySide;

namespace {
TriggerPointExam exam(Finding band, Finding spot, bool referral, Finding familiar) {
    TriggerPointExam e;
    e.taut_band = band;
    e.tender_spot = spot;
    if (referral) e.referral = {RegionRef{"temple", BodySide::Left}};
    e.familiar_pain = familiar;
    return e;
}
constexpr Finding P = Finding::Present;
constexpr Finding A = Finding::Absent;
constexpr Finding N = Finding::NotExamined;
} // namespace

TEST(TriggerPointCriteria, TwoOfTheThreeCriteriaAndFamiliarPainMakeAnActivePoint) {
    EXPECT_EQ(classify(exam(P, P, false, P)), TriggerPointClass::Active);
    EXPECT_EQ(classify(exam(P, A, true, P)), TriggerPointClass::Active);
    EXPECT_EQ(classify(exam(A, P, true, P)), TriggerPointClass::Active);
}

TEST(TriggerPointCriteria, WithoutFamiliarPainThePointIsLatent) {
    EXPECT_EQ(classify(exam(P, P, true, A)), TriggerPointClass::Latent);
    EXPECT_EQ(classify(exam(P, P, false, N)), TriggerPointClass::NotClassified);
}

TEST(TriggerPointCriteria, OneCriterionAloneIsNotATriggerPoint) {
    EXPECT_EQ(classify(exam(P, A, false, P)), TriggerPointClass::CriteriaNotMet);
    EXPECT_EQ(classify(exam(A, A, true, P)), TriggerPointClass::CriteriaNotMet);
    // A twitch and a jump sign confirm, they do not decide.
    TriggerPointExam confirm = exam(P, A, false, P);
    confirm.local_twitch = P;
    confirm.jump_sign = P;
    EXPECT_EQ(classify(confirm), TriggerPointClass::CriteriaNotMet);
}

TEST(TriggerPointCriteria, WhatWasNotExaminedLeavesThePointUnclassified) {
    EXPECT_EQ(classify(exam(P, N, false, P)), TriggerPointClass::NotClassified);
    EXPECT_EQ(classify(exam(N, N, false, N)), TriggerPointClass::NotClassified);
    EXPECT_EQ(classify(exam(A, N, false, P)), TriggerPointClass::CriteriaNotMet);
    EXPECT_STREQ(to_words(TriggerPointClass::Active), "active trigger point");
    EXPECT_STREQ(to_string(TriggerPointClass::CriteriaNotMet), "criteria_not_met");
}

TEST(TriggerPointCriteria, FindingWordsRoundTrip) {
    for (Finding f : {Finding::NotExamined, Finding::Absent, Finding::Present}) {
        Finding back = Finding::NotExamined;
        ASSERT_TRUE(parse_finding(to_string(f), back));
        EXPECT_EQ(back, f);
    }
    Finding out;
    EXPECT_FALSE(parse_finding("maybe", out));
}

TEST(BodyRegions, RegionsOfAViewNeverOverlap) {
    const auto& regions = body_regions();
    for (std::size_t i = 0; i < regions.size(); ++i) {
        EXPECT_LT(regions[i].left, regions[i].right) << regions[i].key;
        EXPECT_LT(regions[i].top, regions[i].bottom) << regions[i].key;
        for (std::size_t j = i + 1; j < regions.size(); ++j) {
            const auto& a = regions[i];
            const auto& b = regions[j];
            if (a.view != b.view) continue;
            const bool overlap =
                a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
            EXPECT_FALSE(overlap) << a.key << " and " << b.key;
        }
    }
}

TEST(BodyRegions, EverySiteOfTheLibraryLiesInARegionOnBothSides) {
    for (const auto& site : algocore::storage::builtin_sites()) {
        for (BodyView view : {BodyView::Front, BodyView::Back}) {
            const auto& point = view == BodyView::Front ? site.front : site.back;
            if (!point) continue;
            for (BodySide side : {BodySide::Left, BodySide::Right}) {
                const auto at = algocore::records::side_position(*point, side);
                const auto region = region_at(view, at.x, at.y);
                ASSERT_TRUE(region) << site.key << " " << to_string(view);
                EXPECT_EQ(region->side, site.paired ? side : region->side) << site.key;
            }
        }
    }
}

TEST(BodyRegions, ATapNamesTheRegionAndTheSubjectsSide) {
    // Front view, viewer's left: the subject's right temple.
    const auto right_temple = region_at(BodyView::Front, (200.0 - 112.0) / 200.0, 28.0 / 440.0);
    ASSERT_TRUE(right_temple);
    EXPECT_EQ(*right_temple, (RegionRef{"temple", BodySide::Right}));
    EXPECT_EQ(region_label(*right_temple), "temple (R)");
    // Back view, viewer's left: the subject's left shoulder blade.
    const auto blade = region_at(BodyView::Back, 70.0 / 200.0, 110.0 / 440.0);
    ASSERT_TRUE(blade);
    EXPECT_EQ(*blade, (RegionRef{"shoulder_blade", BodySide::Left}));
    EXPECT_FALSE(region_at(BodyView::Front, 2.0 / 200.0, 2.0 / 440.0));
}

TEST(BodyRegions, TheRightSideIsTheMirrorOfTheLeft) {
    const auto left = region_box({"temple", BodySide::Left});
    const auto right = region_box({"temple", BodySide::Right});
    ASSERT_EQ(left.size(), 4u);
    EXPECT_NEAR(left[0], 1.0 - right[2], 1e-12);
    EXPECT_NEAR(left[2], 1.0 - right[0], 1e-12);
    EXPECT_DOUBLE_EQ(left[1], right[1]);
}

TEST(BodyRegions, StoredCodesParseBackAndUnknownOnesAreRefused) {
    RegionRef ref;
    ASSERT_TRUE(parse_region("back_of_neck:L", ref));
    EXPECT_EQ(ref, (RegionRef{"back_of_neck", BodySide::Left}));
    EXPECT_EQ(region_code(ref), "back_of_neck:L");
    EXPECT_FALSE(parse_region("elbow:L", ref));
    EXPECT_FALSE(parse_region("temple:M", ref));
    EXPECT_FALSE(parse_region("temple", ref));
}

TEST(BodyRegions, AZoneHasOneOrderOneStoredFormAndASizeThatComparesAcrossVisits) {
    const std::vector<RegionRef> drawn = {{"back_of_neck", BodySide::Left},
                                          {"temple", BodySide::Right},
                                          {"temple", BodySide::Left},
                                          {"back_of_neck", BodySide::Left}};
    EXPECT_EQ(zone_codes(drawn), "temple:L temple:R back_of_neck:L");
    EXPECT_EQ(zone_words(drawn), "temple (L); temple (R); back of the neck (L)");
    std::vector<RegionRef> back;
    ASSERT_TRUE(parse_zone("back_of_neck:L temple:R temple:L", back));
    EXPECT_EQ(back, ordered_zone(drawn));
    EXPECT_TRUE(parse_zone("", back));
    EXPECT_TRUE(back.empty());
    std::vector<RegionRef> untouched = {{"jaw", BodySide::Left}};
    EXPECT_FALSE(parse_zone("temple:L elbow:R", untouched));
    EXPECT_EQ(untouched.size(), 1u);
    // temple 9 x 16 units, back of the neck 14 x 15, of every region on both sides.
    double whole = 0.0;
    for (const auto& r : body_regions())
        whole += 2.0 * (r.right - r.left) * (r.bottom - r.top);
    EXPECT_NEAR(zone_share_pct(drawn), 100.0 * (2 * 9.0 * 16.0 + 14.0 * 15.0) / whole, 1e-9);
    EXPECT_LT(zone_share_pct({{"temple", BodySide::Left}}), zone_share_pct(drawn));
    EXPECT_DOUBLE_EQ(zone_share_pct({}), 0.0);
    // Every region of both views and sides is the whole map.
    std::vector<RegionRef> all;
    for (const auto& r : body_regions())
        for (BodySide side : {BodySide::Left, BodySide::Right})
            all.push_back({r.key, side});
    EXPECT_NEAR(zone_share_pct(all), 100.0, 1e-9);
}

TEST(TriggerPointCriteria, TheFiveFindingsAreNamedAsCliniciansNameThem) {
    const auto& fields = finding_fields();
    ASSERT_EQ(fields.size(), 5u);
    EXPECT_STREQ(fields[0].words, "taut band");
    EXPECT_STREQ(fields[2].key, "local_twitch_response");
    EXPECT_STREQ(fields[4].words, "reproduces the familiar pain");
    TriggerPointExam e;
    e.*fields[4].member = Finding::Present;
    EXPECT_EQ(e.familiar_pain, Finding::Present);
}

TEST(TriggerPointCriteria, TheFindingsReadAsWordsPresentFirst) {
    TriggerPointExam e = exam(P, P, true, A);
    e.jump_sign = A;
    EXPECT_EQ(findings_words(e), "present: taut band, tender spot; absent: jump sign, reproduces "
                                 "the familiar pain; not examined: local twitch response");
    EXPECT_EQ(findings_words(TriggerPointExam{}),
              "not examined: taut band, tender spot, local twitch response, jump sign, "
              "reproduces the familiar pain");
}

TEST(TriggerPointCriteria, AZoneOfUnknownRegionsCannotBeRecorded) {
    TriggerPointExam e = exam(P, P, true, P);
    EXPECT_EQ(check_exam(e), "");
    e.referral.push_back({"elbow", BodySide::Left});
    EXPECT_EQ(check_exam(e), "the body map has no region 'elbow'");
    e.referral = {{"temple", BodySide::Midline}};
    EXPECT_NE(check_exam(e), "");
}
