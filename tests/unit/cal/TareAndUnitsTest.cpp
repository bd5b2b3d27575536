#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "algocal/Stability.h"
#include "algocal/Tare.h"
#include "algocal/Units.h"

namespace {

using namespace algocal;

TEST(Tare, OffsetIsTheMedianOfASteadySignal) {
    const std::vector<double> at_rest{0.31, 0.29, 0.30, 0.33, 0.30, 0.28,
                                      0.30, 0.31, 0.29, 0.30, 0.32, 0.30};
    const TareResult tare = compute_tare(at_rest);
    ASSERT_TRUE(tare.ok) << tare.message;
    EXPECT_DOUBLE_EQ(tare.offset_n, 0.30);
    EXPECT_TRUE(tare.message.empty());
}

TEST(Tare, MedianIgnoresASingleSpike) {
    std::vector<double> at_rest(20, 0.5);
    at_rest[7] = 1.3; // SD of this window is 0.18 N, inside the default 0.2 N
    const TareResult tare = compute_tare(at_rest);
    ASSERT_TRUE(tare.ok) << tare.message;
    EXPECT_DOUBLE_EQ(tare.offset_n, 0.5);
}

TEST(Tare, RefusedWhileTheSignalScatters) {
    std::vector<double> noisy;
    for (int i = 0; i < 30; ++i)
        noisy.push_back(i % 2 ? 1.0 : -1.0);
    const TareResult tare = compute_tare(noisy);
    EXPECT_FALSE(tare.ok);
    EXPECT_NE(tare.message.find("not stable"), std::string::npos) << tare.message;
    EXPECT_NE(tare.message.find("scatter"), std::string::npos) << tare.message;
}

TEST(Tare, RefusedWhileTheSignalDrifts) {
    std::vector<double> creeping;
    for (int i = 0; i < 30; ++i)
        creeping.push_back(0.05 * i); // 1.5 N over the window
    TareRule rule;
    rule.max_sd_n = 1.0; // scatter alone would pass
    const TareResult tare = compute_tare(creeping, rule);
    EXPECT_FALSE(tare.ok);
    EXPECT_NE(tare.message.find("drift"), std::string::npos) << tare.message;
}

TEST(Tare, RefusedWithTooFewSamples) {
    const std::vector<double> few{0.1, 0.1, 0.1};
    const TareResult tare = compute_tare(few);
    EXPECT_FALSE(tare.ok);
    EXPECT_NE(tare.message.find("not enough samples"), std::string::npos) << tare.message;
}

TEST(Tare, RefusedWhenTheProbeIsLoaded) {
    const std::vector<double> pressed(20, 35.0);
    const TareResult tare = compute_tare(pressed);
    EXPECT_FALSE(tare.ok);
    EXPECT_NE(tare.message.find("remove any load"), std::string::npos) << tare.message;
}

TEST(StableAverage, CapturesTheMeanOnlyWhenStable) {
    std::vector<double> readings{1000, 1002, 998, 1001, 999, 1000, 1001, 999, 1000, 1000};
    const StableAverage steady = capture_stable_average(readings, {10, 5.0, 5.0});
    ASSERT_TRUE(steady.ok) << steady.message;
    EXPECT_DOUBLE_EQ(steady.mean, 1000.0);
    readings.push_back(1400);
    const StableAverage moving = capture_stable_average(readings, {10, 5.0, 5.0});
    EXPECT_FALSE(moving.ok);
    EXPECT_FALSE(moving.message.empty());
}

TEST(Units, ForceConversionsMatchHandComputedValues) {
    EXPECT_DOUBLE_EQ(to_newtons(1.0, ForceUnit::kKilogramForce).value, 9.80665);
    // Exact by definition: the decimal 4.4482216152605, not a rounded 4.4482216.
    EXPECT_EQ(to_newtons(1.0, ForceUnit::kPoundForce).value, 4.4482216152605);
    EXPECT_EQ(kNewtonsPerLbf, 4.4482216152605);
    EXPECT_DOUBLE_EQ(to_newtons(16.0, ForceUnit::kOunceForce).value, 4.4482216152605);
    EXPECT_DOUBLE_EQ(to_newtons(1000.0, ForceUnit::kGramForce).value, 9.80665);
    EXPECT_DOUBLE_EQ(to_newtons(1.0, ForceUnit::kKilonewton).value, 1000.0);
    EXPECT_DOUBLE_EQ(to_newtons(1.0, ForceUnit::kMillinewton).value, 0.001);
    EXPECT_NEAR(to_newtons(10.0, ForceUnit::kPoundForce).value, 44.482216152605, 1e-12);
    EXPECT_NEAR(from_newtons(Newtons{49.03325}, ForceUnit::kKilogramForce), 5.0, 1e-12);
    EXPECT_NEAR(from_newtons(Newtons{100.0}, ForceUnit::kPoundForce), 22.480894309971, 1e-11);
    EXPECT_DOUBLE_EQ(from_newtons(Newtons{12.5}, ForceUnit::kNewton), 12.5);
}

TEST(Units, PressureThroughTheProbeArea) {
    // 10 N on 1 cm² = 10 N/cm² = 100 kPa; on a 0.5 cm² tip it is 200 kPa.
    EXPECT_DOUBLE_EQ(pressure_from_force(Newtons{10.0}, 1.0).value, 100.0);
    EXPECT_DOUBLE_EQ(pressure_from_force(Newtons{10.0}, 0.5).value, 200.0);
    EXPECT_DOUBLE_EQ(force_from_pressure(Kilopascals{300.0}, 2.0).value, 60.0);
    EXPECT_NEAR(from_kilopascals(Kilopascals{98.0665}, PressureUnit::kKgfPerCm2), 1.0, 1e-15);
    EXPECT_DOUBLE_EQ(from_kilopascals(Kilopascals{250.0}, PressureUnit::kNewtonPerCm2), 25.0);
    // 1 psi = 4.4482216152605 N / 6.4516 cm² = 0.68947572931684 N/cm² = 6.8947572931684 kPa
    EXPECT_NEAR(to_kilopascals(1.0, PressureUnit::kLbfPerSquareInch).value, 6.8947572931684, 1e-12);
    EXPECT_NEAR(from_kilopascals(Kilopascals{100.0}, PressureUnit::kLbfPerSquareInch), 14.503773773,
                1e-8);
}

TEST(Units, SymbolsAndParsing) {
    EXPECT_EQ(symbol(PressureUnit::kKilopascal), "kPa");
    EXPECT_EQ(symbol(PressureUnit::kKgfPerCm2), "kgf/cm\u00b2");
    EXPECT_EQ(symbol(PressureUnit::kNewtonPerCm2), "N/cm\u00b2");
    EXPECT_EQ(symbol(PressureUnit::kLbfPerSquareInch), "lbf/in\u00b2");
    EXPECT_EQ(symbol(ForceUnit::kPoundForce), "lbf");
    for (PressureUnit unit : kAllPressureUnits)
        EXPECT_EQ(parse_pressure_unit(symbol(unit)), unit);
    for (ForceUnit unit : kAllForceUnits) {
        EXPECT_EQ(parse_force_unit(symbol(unit)), unit);
        EXPECT_EQ(parse_force_unit(name(unit)), unit);
    }
    EXPECT_EQ(parse_pressure_unit(" PSI "), PressureUnit::kLbfPerSquareInch);
    EXPECT_EQ(parse_pressure_unit("kgf/cm2"), PressureUnit::kKgfPerCm2);
    EXPECT_EQ(parse_force_unit("KGF"), ForceUnit::kKilogramForce);
    EXPECT_FALSE(parse_force_unit("stone").has_value());
    EXPECT_FALSE(parse_pressure_unit("bar").has_value());
}

} // namespace
