// Pure parsers of every ASCII dialect: real-looking replies, units, errors, garbage.
#include <gtest/gtest.h>

#include "algocore/drivers/AsciiNumberParser.h"
#include "algocore/drivers/ImadaParser.h"
#include "algocore/drivers/Mark10Parser.h"
#include "algocore/drivers/ShimpoParser.h"
#include "algocore/drivers/WagnerParser.h"

using namespace algocore;
using Kind = GaugeReply::Kind;

namespace {
constexpr double kLbf = algocal::kNewtonsPerLbf;
constexpr double kKgf = algocal::kNewtonsPerKgf;
} // namespace

TEST(Mark10Parser, ReadsTensionInPoundsAsNegativeNewtons) {
    const auto r = parse_mark10_line("-18.78 lbF", algocal::ForceUnit::kNewton);
    ASSERT_EQ(r.kind, Kind::Reading);
    EXPECT_NEAR(r.force_n, -18.78 * kLbf, 1e-9);
    EXPECT_EQ(r.unit, algocal::ForceUnit::kPoundForce);
}

TEST(Mark10Parser, ReadsCompressionInNewtons) {
    const auto r = parse_mark10_line("4.285 N", algocal::ForceUnit::kPoundForce);
    ASSERT_EQ(r.kind, Kind::Reading);
    EXPECT_DOUBLE_EQ(r.force_n, 4.285);
}

TEST(Mark10Parser, AcceptsEveryUnitInAnyCase) {
    struct Case {
        const char* line;
        double newtons;
    } cases[] = {
        {"1 LBF", kLbf},  {"1 lbf", kLbf},   {"16 OZF", kLbf},  {"16 ozF", kLbf},  {"1 KGF", kKgf},
        {"1 kgF", kKgf},  {"1000 GF", kKgf}, {"1000 gf", kKgf}, {"2 N", 2.0},      {"2 n", 2.0},
        {"2500 MN", 2.5}, {"2500 mN", 2.5},  {"0.002 KN", 2.0}, {"0.002 kN", 2.0},
    };
    for (const auto& c : cases) {
        const auto r = parse_mark10_line(c.line, algocal::ForceUnit::kNewton);
        ASSERT_EQ(r.kind, Kind::Reading) << c.line;
        EXPECT_NEAR(r.force_n, c.newtons, 1e-9) << c.line;
    }
}

TEST(Mark10Parser, NumericOnlyUsesTheConfiguredUnitAndSaysNoUnitWasGiven) {
    const auto r = parse_mark10_line("12.5", algocal::ForceUnit::kKilogramForce);
    ASSERT_EQ(r.kind, Kind::Reading);
    EXPECT_FALSE(r.unit.has_value());
    EXPECT_NEAR(r.force_n, 12.5 * kKgf, 1e-9);
}

TEST(Mark10Parser, ErrorRepliesCarryCodeAndMeaning) {
    for (int code : {10, 11, 20, 21, 22}) {
        const auto r = parse_mark10_line("*" + std::to_string(code), algocal::ForceUnit::kNewton);
        ASSERT_EQ(r.kind, Kind::DeviceError) << code;
        EXPECT_EQ(r.error_code, code);
        EXPECT_NE(r.message.find(std::string(mark10_error_meaning(code))), std::string::npos);
    }
    EXPECT_NE(parse_mark10_line("*10", algocal::ForceUnit::kNewton).message.find("illegal command"),
              std::string::npos);
}

TEST(Mark10Parser, OverloadIsAReadingFlaggedOverload) {
    const auto bare = parse_mark10_line("OVER", algocal::ForceUnit::kNewton);
    ASSERT_EQ(bare.kind, Kind::Reading);
    EXPECT_TRUE(bare.overload);
    EXPECT_FALSE(bare.has_value);
    const auto with_value = parse_mark10_line("500.0 N OVER", algocal::ForceUnit::kNewton);
    ASSERT_EQ(with_value.kind, Kind::Reading);
    EXPECT_TRUE(with_value.overload);
    EXPECT_DOUBLE_EQ(with_value.force_n, 500.0);
}

TEST(Mark10Parser, RefusesGarbage) {
    for (const char* line : {"", "lbF", "abc", "12.3 furlongs", "--5 N", "*1", "*1x", "1.2.3 N",
                             "\x81\x92\xff", "4.285 N extra"}) {
        EXPECT_EQ(parse_mark10_line(line, algocal::ForceUnit::kNewton).kind, Kind::Unparsable)
            << line;
    }
}

TEST(WagnerParser, MinusIsTensionAndTheSignIsSeparatedBySpace) {
    const auto tension = parse_wagner_line("- 23.02 lbf", algocal::ForceUnit::kNewton);
    ASSERT_EQ(tension.kind, Kind::Reading);
    EXPECT_NEAR(tension.force_n, -23.02 * kLbf, 1e-9);
    const auto compression = parse_wagner_line("+ 5.10 lbf", algocal::ForceUnit::kNewton);
    ASSERT_EQ(compression.kind, Kind::Reading);
    EXPECT_NEAR(compression.force_n, 5.10 * kLbf, 1e-9);
    EXPECT_NEAR(parse_wagner_line("+ 1.00 kgf", algocal::ForceUnit::kNewton).force_n, kKgf, 1e-9);
    EXPECT_EQ(parse_wagner_line("+ lbf", algocal::ForceUnit::kNewton).kind, Kind::Unparsable);
}

TEST(ImadaParser, ReadsValueUnitModeAndJudgement) {
    const auto r = parse_imada_line("+012.34NTO");
    ASSERT_EQ(r.kind, Kind::Reading);
    EXPECT_NEAR(r.force_n, 12.34, 1e-9);
    EXPECT_EQ(r.mode, 'T');
    EXPECT_EQ(r.judgement, 'O');
    const auto kgf = parse_imada_line("-1.500KPH");
    ASSERT_EQ(kgf.kind, Kind::Reading);
    EXPECT_NEAR(kgf.force_n, -1.5 * kKgf, 1e-9);
    EXPECT_EQ(kgf.mode, 'P');
    const auto lbf = parse_imada_line("+002.00OTL");
    ASSERT_EQ(lbf.kind, Kind::Reading);
    EXPECT_NEAR(lbf.force_n, 2.0 * kLbf, 1e-9);
}

TEST(ImadaParser, RefusesMalformedLines) {
    for (const char* line :
         {"12.34NTO", "+12.34XTO", "+12.34NXO", "+12.34NT", "+12.34NTO1", "+NTO", "- 5.0 lbf"}) {
        EXPECT_EQ(parse_imada_line(line).kind, Kind::Unparsable) << line;
    }
}

TEST(ShimpoParser, EchoIsNotData) {
    EXPECT_EQ(parse_shimpo_line("BA", algocal::ForceUnit::kNewton).kind, Kind::Echo);
    EXPECT_EQ(parse_shimpo_line("BB", algocal::ForceUnit::kNewton).kind, Kind::Echo);
    EXPECT_EQ(parse_shimpo_line("AB", algocal::ForceUnit::kNewton).kind, Kind::Echo);
}

TEST(ShimpoParser, ReadsAReadingWithOrWithoutTheEchoInFront) {
    const auto alone = parse_shimpo_line("+0012.30 N", algocal::ForceUnit::kNewton);
    ASSERT_EQ(alone.kind, Kind::Reading);
    EXPECT_NEAR(alone.force_n, 12.3, 1e-9);
    const auto glued = parse_shimpo_line("BA-0003.50 N", algocal::ForceUnit::kNewton);
    ASSERT_EQ(glued.kind, Kind::Reading);
    EXPECT_NEAR(glued.force_n, -3.5, 1e-9);
}

TEST(AsciiNumberParser, AppliesScaleAndUnit) {
    const auto r = parse_ascii_number_line(" 1234 ", algocal::ForceUnit::kGramForce, 0.5);
    ASSERT_EQ(r.kind, Kind::Reading);
    EXPECT_NEAR(r.force_n, 617.0 * kKgf / 1000.0, 1e-9);
    EXPECT_NEAR(parse_ascii_number_line("-2.5", algocal::ForceUnit::kNewton, 1.0).force_n, -2.5,
                1e-12);
    EXPECT_EQ(parse_ascii_number_line("1 2", algocal::ForceUnit::kNewton, 1.0).kind,
              Kind::Unparsable);
    EXPECT_EQ(parse_ascii_number_line("weight: 5", algocal::ForceUnit::kNewton, 1.0).kind,
              Kind::Unparsable);
}

// The drivers convert with algocal's one table: a pound-force is 4.4482216152605 N exactly,
// not the rounded 4.4482216 a second table once used (44.482216 N for a 10 lbf reading).
TEST(ForceUnits, AGaugesPoundForceIsTheExactPoundForce) {
    const GaugeReply r = parse_mark10_line("10.00 lbF", algocal::ForceUnit::kNewton);
    ASSERT_EQ(r.kind, Kind::Reading);
    EXPECT_DOUBLE_EQ(r.force_n, 44.482216152605);
    EXPECT_DOUBLE_EQ(parse_mark10_line("16.00 ozf", algocal::ForceUnit::kNewton).force_n,
                     4.4482216152605);
}

TEST(ForceUnits, ConvertToNewtons) {
    EXPECT_DOUBLE_EQ(algocal::newtons_per(algocal::ForceUnit::kPoundForce), 4.4482216152605);
    EXPECT_DOUBLE_EQ(algocal::newtons_per(algocal::ForceUnit::kKilogramForce), 9.80665);
    EXPECT_DOUBLE_EQ(algocal::newtons_per(algocal::ForceUnit::kOunceForce), 4.4482216152605 / 16);
    EXPECT_DOUBLE_EQ(algocal::newtons_per(algocal::ForceUnit::kGramForce), 9.80665 / 1000);
    EXPECT_DOUBLE_EQ(algocal::newtons_per(algocal::ForceUnit::kMillinewton), 0.001);
    EXPECT_DOUBLE_EQ(algocal::newtons_per(algocal::ForceUnit::kKilonewton), 1000.0);
}

// Found by gauge_lines_fuzz (issue 12): 309 digits fit a double, but in pounds-force they
// overflow to an infinite force. A value no double can hold in newtons is not a reading.
TEST(GaugeParsers, AValueThatOverflowsInNewtonsIsUnparsable) {
    const std::string huge = "1" + std::string(308, '0');
    for (const GaugeReply& r :
         {parse_mark10_line(huge + " lbF", algocal::ForceUnit::kNewton),
          parse_wagner_line("+ " + huge + " lbf", algocal::ForceUnit::kNewton),
          parse_shimpo_line(huge + " lbf", algocal::ForceUnit::kNewton),
          parse_imada_line("+" + huge + "OTO"),
          parse_ascii_number_line(huge, algocal::ForceUnit::kPoundForce, 1.0)}) {
        EXPECT_EQ(r.kind, Kind::Unparsable) << r.force_n;
        EXPECT_NE(r.message.find("too large"), std::string::npos) << r.message;
    }
    EXPECT_EQ(parse_mark10_line(huge + " N", algocal::ForceUnit::kNewton).kind, Kind::Reading);
}
