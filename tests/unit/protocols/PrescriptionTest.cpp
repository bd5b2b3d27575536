#include <gtest/gtest.h>

#include "algocore/protocols/Prescription.h"

using namespace algocore::protocols;

TEST(Prescription, ResolvesABandRelativeToThePointsPpt) {
    const ResolvedBand r = Prescription::relative_to_ppt(90.0, 110.0, 90.0).resolve({400.0, {}});
    ASSERT_TRUE(r.check.ok()) << r.check.reason;
    EXPECT_DOUBLE_EQ(r.band.low_kpa, 360.0);
    EXPECT_DOUBLE_EQ(r.band.high_kpa, 440.0);
    EXPECT_FALSE(r.band.has_limit());
}

TEST(Prescription, RefusesARelativeBandWithoutAStoredPptAndSaysWhichIsMissing) {
    const ResolvedBand r = Prescription::ppt_90s().resolve({});
    EXPECT_FALSE(r.check.ok());
    EXPECT_EQ(r.missing, StoredThreshold::Ppt);
    EXPECT_NE(r.check.reason.find("measure the PPT first"), std::string::npos);
    const ResolvedBand t = Prescription::hou_2002().resolve({300.0, {}});
    EXPECT_EQ(t.missing, StoredThreshold::Tolerance);
    // A bad prescription is not a missing threshold.
    Prescription bad = Prescription::absolute(400.0, 300.0, 60.0);
    EXPECT_FALSE(bad.resolve({}).check.ok());
    EXPECT_FALSE(bad.resolve({}).missing.has_value());
}

TEST(Prescription, HouMidpointIsHalfwayBetweenPptAndTolerance) {
    const Prescription p = Prescription::hou_2002();
    EXPECT_NE(p.source.find("Hou"), std::string::npos);
    EXPECT_DOUBLE_EQ(p.hold_s, 60.0);
    const ResolvedBand r = p.resolve({300.0, 500.0});
    ASSERT_TRUE(r.check.ok()) << r.check.reason;
    EXPECT_DOUBLE_EQ(r.band.low_kpa, 360.0);   // 90 % of 400
    EXPECT_DOUBLE_EQ(r.band.high_kpa, 440.0);  // 110 % of 400
    EXPECT_DOUBLE_EQ(r.band.limit_kpa, 500.0); // the tolerance itself
    const auto needed = p.required_thresholds();
    ASSERT_EQ(needed.size(), 2u);
    EXPECT_EQ(needed[0], "PPT");
    EXPECT_EQ(needed[1], "pain tolerance");
}

TEST(Prescription, LiteraturePresetsCarryTheirSourceAndResolve) {
    const PointThresholds point{300.0, 600.0};
    for (const Prescription& p : Prescription::presets()) {
        EXPECT_FALSE(p.source.empty()) << p.name;
        EXPECT_TRUE(p.validate().ok()) << p.name << ": " << p.validate().reason;
        const ResolvedBand r = p.resolve(point);
        EXPECT_TRUE(r.check.ok()) << p.name << ": " << r.check.reason;
    }
    EXPECT_DOUBLE_EQ(Prescription::ppt_90s().hold_s, 90.0);
    EXPECT_DOUBLE_EQ(Prescription::de_meulemeester_2017().hold_s, 60.0);
    EXPECT_TRUE(Prescription::simons_barrier_release().hold_until_release);
    EXPECT_EQ(Prescription::simons_barrier_release().step_ups, 3);
}

TEST(Prescription, AnAbsoluteBandAboveItsLimitIsRefusedWithTheReason) {
    Prescription p = Prescription::absolute(300.0, 500.0, 60.0);
    p.limit = PressureRef{PressureAnchor::Absolute, 450.0};
    const ResolvedBand r = p.resolve({});
    EXPECT_EQ(r.check.field, "limit_kpa");
    p = Prescription::absolute(500.0, 300.0, 60.0);
    EXPECT_EQ(p.validate().field, "high");
    p = Prescription::absolute(300.0, 400.0, 0.0);
    EXPECT_EQ(p.validate().field, "hold_s");
}
