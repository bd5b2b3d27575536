// Reference tables: loading (with refused rows named by file and line), matching and z-scores.
// The data are the SYNTHETIC fixture tests/data/reference/synthetic_reference.csv.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "algocore/analysis/ReferenceComparison.h"
#include "algocore/analysis/ReferenceTable.h"

namespace {

using namespace algocore::analysis;

const std::string kFolder = std::string(ALGOSCOPE_REFERENCE_DATA);

ReferenceLoad fixture() {
    return load_reference_folder(kFolder);
}

TEST(ReferenceTable, LoadsTheRowsAndNamesTheRefusedOneByFileAndLine) {
    const ReferenceLoad load = fixture();
    ASSERT_EQ(load.entries.size(), 4u);
    EXPECT_EQ(load.entries[0].table, "Table 1");
    EXPECT_EQ(load.entries[0].n, 40);
    EXPECT_EQ(load.entries[0].log_normal->log10_mean, 2.6);
    EXPECT_EQ(load.entries[3].quartiles->median_kpa, 260.0);
    ASSERT_EQ(load.problems.size(), 1u);
    EXPECT_EQ(load.problems[0], kFolder + "/synthetic_reference.csv:7: sex must be female, male or "
                                          "any, got 'unknown'");
}

TEST(ReferenceTable, TheShippedTemplateHasTheHeaderAndNoRows) {
    const ReferenceLoad load = load_reference_folder(ALGOSCOPE_SHIPPED_REFERENCE);
    EXPECT_TRUE(load.problems.empty()) << load.problems.front();
}

TEST(ReferenceTable, AMissingColumnIsAProblem) {
    std::istringstream in("source,table,n\n");
    const ReferenceLoad load = read_reference_csv(in, "mine.csv");
    ASSERT_EQ(load.problems.size(), 1u);
    EXPECT_EQ(load.problems[0], "mine.csv:1: the header lacks the column 'probe_cm2'");
}

// Issue 19 item 5: a row in Latin-1 is refused naming the line and the byte; the others load.
TEST(ReferenceTable, ARowThatIsNotUtf8IsRefusedNamingTheLineAndTheByte) {
    std::istringstream in(
        std::string(reference_csv_header()) +
        "\n"
        "M\xfcller 2001,Table 1,40,1,50,thenar_eminence,female,20-39,2.6,0.15,,,\n"
        "M\xc3\xbcller 2001,Table 1,40,1,50,thenar_eminence,male,20-39,2.7,0.15,,,\n");
    const ReferenceLoad load = read_reference_csv(in, "mine.csv");
    ASSERT_EQ(load.problems.size(), 1u);
    EXPECT_EQ(load.problems[0].rfind("mine.csv:2: byte 0xFC at position 2 is not UTF-8: save the "
                                     "file as UTF-8",
                                     0),
              0u)
        << load.problems[0];
    ASSERT_EQ(load.entries.size(), 1u);
    EXPECT_EQ(load.entries[0].sex, "male");
}

TEST(ReferenceComparison, ZScoreIsOnLog10KpaAgainstTheSexAndAgeRow) {
    // log10(398.107) = 2.6 + 0.15: one SD above the female 20-39 mean.
    const ReferenceComparison c = compare_with_reference(
        fixture().entries, {"Thenar eminence", "female", "30-39", 1.0, 50.0, std::pow(10.0, 2.75)});
    ASSERT_TRUE(c.shown) << c.reason;
    EXPECT_NEAR(*c.z, 1.0, 1e-12);
    EXPECT_NEAR(*c.z_dfns, -1.0, 1e-12);
    EXPECT_NEAR(*c.percentile, 84.1344746, 1e-6);
    EXPECT_EQ(c.citation, "Synthetic S, Fixture F (2000) Invented numbers for tests. Test 1:1, "
                          "Table 1 (n = 40, probe 1 cm2, ramp 50 kPa/s)");
}

TEST(ReferenceComparison, APooledRowServesWhenSexIsNotRecorded) {
    const ReferenceComparison c =
        compare_with_reference(fixture().entries, {"thenar_eminence", "", "", 1.0, 50.0, 300.0});
    ASSERT_TRUE(c.shown);
    EXPECT_EQ(c.entry->table, "Table 2");
}

TEST(ReferenceComparison, AnotherProbeAreaShowsNothingAndSaysWhy) {
    const ReferenceComparison c = compare_with_reference(
        fixture().entries, {"thenar_eminence", "male", "20-29", 0.5, 50.0, 300.0});
    EXPECT_FALSE(c.shown);
    EXPECT_FALSE(c.z.has_value());
    EXPECT_EQ(c.reason, "probe 0.5 cm2 does not match the reference's 1 cm2 (within 5 %)");
}

TEST(ReferenceComparison, AnotherRampRateShowsNothingAndSaysWhy) {
    const ReferenceComparison c = compare_with_reference(
        fixture().entries, {"thenar_eminence", "male", "20-29", 1.0, 98.0665, 300.0});
    EXPECT_FALSE(c.shown);
    EXPECT_EQ(c.reason, "ramp 98.0665 kPa/s does not match the reference's 50 kPa/s (within 10 %)");
    EXPECT_TRUE(compare_with_reference(fixture().entries,
                                       {"thenar_eminence", "male", "20-29", 1.04, 54.0, 300.0})
                    .shown);
}

TEST(ReferenceComparison, QuartileTablesGiveTheBand) {
    const auto band = [](double kpa) {
        return compare_with_reference(fixture().entries,
                                      {"upper_trapezius", "male", "50-59", 1.0, 30.0, kpa})
            .quartile_band;
    };
    EXPECT_EQ(band(150), "below Q1");
    EXPECT_EQ(band(220), "Q1 to median");
    EXPECT_EQ(band(300), "median to Q3");
    EXPECT_EQ(band(400), "above Q3");
}

TEST(ReferenceComparison, AnUnknownSiteSaysSo) {
    const ReferenceComparison c =
        compare_with_reference(fixture().entries, {"masseter", "female", "20-29", 1, 50, 200});
    EXPECT_FALSE(c.shown);
    EXPECT_EQ(c.reason, "no reference table for the site 'masseter'");
}

} // namespace
