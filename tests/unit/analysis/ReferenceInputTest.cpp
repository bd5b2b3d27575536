// Issue 19 item 9: the reference-values loader refuses what it used to turn into nonsense
// (n = 1e20 became -2147483648, n = 40.5 was taken, reversed age bands and negative quartiles
// were kept), reads a quoted line break as RFC 4180 says, and refuses a header that names a
// column twice (here and in the reliability CSV, where the last one silently won).
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "algocore/analysis/ReferenceTable.h"
#include "algocore/analysis/ReliabilityCsv.h"

namespace {

using namespace algocore::analysis;

const std::string kHeader = std::string(reference_csv_header()) + "\n";

ReferenceLoad load(const std::string& rows) {
    std::istringstream in(kHeader + rows);
    return read_reference_csv(in, "mine.csv");
}

std::string only_problem(const ReferenceLoad& l) {
    EXPECT_TRUE(l.entries.empty());
    return l.problems.size() == 1 ? l.problems[0]
                                  : "problems: " + std::to_string(l.problems.size());
}

TEST(ReferenceInput, ACountBeyondAnIntIsRefused) {
    EXPECT_EQ(only_problem(load("A,T1,1e20,1,50,upper_trapezius,female,20-39,2.6,0.2,,,\n")),
              "mine.csv:2: n must be a count up to 2147483647, got '1e20'");
}

TEST(ReferenceInput, AFractionalCountIsRefused) {
    EXPECT_EQ(only_problem(load("A,T1,40.5,1,50,upper_trapezius,female,20-39,2.6,0.2,,,\n")),
              "mine.csv:2: n must be a whole positive count, got '40.5'");
}

TEST(ReferenceInput, AReversedAgeBandIsRefused) {
    EXPECT_EQ(only_problem(load("A,T1,40,1,50,upper_trapezius,female,60-40,2.6,0.2,,,\n")),
              "mine.csv:2: age_band must be 'any' or FROM-TO years with FROM <= TO, got '60-40'");
}

TEST(ReferenceInput, NegativeQuartilesAreRefused) {
    EXPECT_EQ(only_problem(load("A,T1,40,1,50,upper_trapezius,female,20-39,,,-20,-10,-5\n")),
              "mine.csv:2: quartiles are pressures: q1_kpa, median_kpa and q3_kpa must not be "
              "negative");
}

TEST(ReferenceInput, AQuotedLineBreakStaysInItsCell) {
    const ReferenceLoad l = load("\"Author A (2020)\nTitle on a second line\",T1,40,1,50,"
                                 "upper_trapezius,female,20-39,2.6,0.2,,,\n"
                                 "B,T2,30,1,50,upper_trapezius,male,20-39,2.7,0.2,,,\n");
    ASSERT_TRUE(l.problems.empty()) << l.problems.front();
    ASSERT_EQ(l.entries.size(), 2u);
    EXPECT_EQ(l.entries[0].source, "Author A (2020)\nTitle on a second line");
    EXPECT_EQ(l.entries[0].n, 40);
    EXPECT_EQ(l.entries[1].line, 4u); // the line numbers still count the file's lines
}

TEST(ReferenceInput, ADuplicateHeaderColumnIsRefused) {
    std::istringstream in("source,table,n,probe_cm2,ramp_kpa_s,site,sex,age_band,log10_mean,"
                          "log10_sd,q1_kpa,median_kpa,q3_kpa,n\n"
                          "A,T1,40,1,50,upper_trapezius,female,20-39,2.6,0.2,,,,4000\n");
    const ReferenceLoad l = read_reference_csv(in, "mine.csv");
    EXPECT_EQ(only_problem(l), "mine.csv:1: the header names the column 'n' twice (columns 3 "
                               "and 14)");
}

TEST(ReliabilityCsvHeader, ADuplicateColumnIsRefused) {
    std::istringstream in("subject,rater,value,value\nS1,a,1,100\nS1,b,2,200\n");
    const ReliabilityCsvResult r = read_reliability_csv(in, "tidy.csv");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, "tidy.csv:1: the header names the column 'value' twice (columns 3 and 4)");
}

} // namespace
