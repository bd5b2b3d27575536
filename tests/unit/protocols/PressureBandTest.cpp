#include <gtest/gtest.h>

#include "algocore/protocols/PressureBand.h"

using namespace algocore::protocols;

namespace {
PressureBand band_300_400_limit_500() {
    return PressureBand{300.0, 400.0, 500.0};
}
} // namespace

TEST(PressureBand, ClassifiesEachSideOfTheEdgesWithEdgesInside) {
    const PressureBand band = band_300_400_limit_500();
    EXPECT_EQ(band.classify(299.9), BandState::Below);
    EXPECT_EQ(band.classify(300.0), BandState::InBand);
    EXPECT_EQ(band.classify(400.0), BandState::InBand);
    EXPECT_EQ(band.classify(400.1), BandState::Above);
    EXPECT_EQ(band.classify(499.9), BandState::Above);
    EXPECT_EQ(band.classify(500.0), BandState::OverLimit);
    EXPECT_EQ(band.classify(900.0), BandState::OverLimit);
}

TEST(PressureBand, WithoutALimitNothingIsOverLimit) {
    const PressureBand band{300.0, 400.0};
    EXPECT_FALSE(band.has_limit());
    EXPECT_EQ(band.classify(1e6), BandState::Above);
    EXPECT_TRUE(band.validate().ok());
}

TEST(PressureBand, AcceptsAPossibleTarget) {
    EXPECT_TRUE(band_300_400_limit_500().validate().ok());
    EXPECT_DOUBLE_EQ(band_300_400_limit_500().centre_kpa(), 350.0);
}

TEST(PressureBand, RefusesLowAtOrAboveHighAndSaysSoAtTheHighField) {
    const ConfigCheck check = PressureBand{400.0, 400.0, 500.0}.validate();
    EXPECT_FALSE(check.ok());
    EXPECT_EQ(check.field, "high_kpa");
    EXPECT_NE(check.reason.find("must be below the high edge"), std::string::npos) << check.reason;
}

TEST(PressureBand, RefusesABandReachingTheOverPressureLimit) {
    const ConfigCheck check = PressureBand{300.0, 500.0, 450.0}.validate();
    EXPECT_EQ(check.field, "limit_kpa");
    EXPECT_NE(check.reason.find("over-pressure limit"), std::string::npos) << check.reason;
}

TEST(PressureBand, RefusesNegativeValues) {
    EXPECT_EQ(PressureBand({-1.0, 400.0, 500.0}).validate().field, "low_kpa");
    EXPECT_EQ(PressureBand({10.0, -5.0, 500.0}).validate().field, "high_kpa");
    EXPECT_EQ(PressureBand({10.0, 50.0, -5.0}).validate().field, "limit_kpa");
    EXPECT_NE(PressureBand({-1.0, 400.0, 500.0}).validate().reason.find("negative"),
              std::string::npos);
}

TEST(PressureBand, NamesStatesInWords) {
    EXPECT_STREQ(to_string(BandState::InBand), "in band");
    EXPECT_STREQ(to_string(BandState::OverLimit), "over limit");
}
