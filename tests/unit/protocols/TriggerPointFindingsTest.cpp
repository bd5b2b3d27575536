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
