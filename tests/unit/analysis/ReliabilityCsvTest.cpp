// The tidy CSV reader: what it accepts, and that every refusal names the file and line.
#include <gtest/gtest.h>

#include <sstream>

#include "algocore/analysis/ReliabilityCsv.h"

namespace {

using namespace algocore::analysis;

ReliabilityCsvResult read(const std::string& text) {
    std::istringstream in(text);
    return read_reliability_csv(in, "study.csv");
}

ReliabilityTableResult table(const std::string& text) {
    std::istringstream in(text);
    return read_reliability_table(in, "study.csv");
}

TEST(ReliabilityCsv, ReadsRowsWithABomCrlfQuotesAndColumnsInAnyOrder) {
    const auto r = read("\xEF\xBB\xBFValue,Subject,Rater,note\r\n"
                        "12.5,S1,\"Dr, Smith\",x\r\n"
                        "\r\n"
                        "+1e2, S2 ,anna,\"say \"\"hi\"\"\"\r\n");
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.rows.size(), 2u);
    EXPECT_EQ(r.rows[0].subject, "S1");
    EXPECT_EQ(r.rows[0].rater, "Dr, Smith");
    EXPECT_EQ(r.rows[0].reading, 12.5);
    EXPECT_EQ(r.rows[0].line, 2u);
    EXPECT_EQ(r.rows[1].subject, "S2");
    EXPECT_EQ(r.rows[1].reading, 100.0);
    EXPECT_EQ(r.rows[1].line, 4u);
}

TEST(ReliabilityCsv, ANonNumberIsRefusedNamingFileAndLine) {
    const auto r = read("subject,rater,value\nS1,a,12\nS1,b,twelve\n");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.line, 3u);
    EXPECT_EQ(r.error, "study.csv:3: value 'twelve' is not a number");
}

TEST(ReliabilityCsv, NotANumberAndInfinityAreNotNumbers) {
    EXPECT_FALSE(read("subject,rater,value\nS1,a,nan\n").ok);
    EXPECT_FALSE(read("subject,rater,value\nS1,a,inf\n").ok);
    EXPECT_FALSE(read("subject,rater,value\nS1,a,\n").ok);
}

TEST(ReliabilityCsv, ADecimalCommaGetsAHint) {
    const auto r = read("subject,rater,value\nS1,a,\"12,5\"\n");
    EXPECT_EQ(r.error, "study.csv:2: value '12,5' is not a number (use a decimal point)");
}

TEST(ReliabilityCsv, AMissingColumnIsNamedWithTheHeaderLine) {
    const auto r = read("subject;rater;value\n");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, "study.csv:1: the header must name the columns subject,rater,value; found "
                       "'subject;rater;value'");
}

TEST(ReliabilityCsv, AWrongNumberOfCellsIsRefused) {
    const auto r = read("subject,rater,value\nS1,a\n");
    EXPECT_EQ(r.error, "study.csv:2: expected 3 cells, found 2: 'S1,a'");
}

TEST(ReliabilityCsv, BadInputIsQuotedShortAndWithControlCharactersEscaped) {
    const std::string junk = std::string("\x01\x1b[31m") + std::string(500, 'z');
    const auto r = read("subject,rater,value\nS1,a," + junk + "\n");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error.find('\x1b'), std::string::npos);
    EXPECT_NE(r.error.find("'\\x01\\x1B[31mzz"), std::string::npos);
    EXPECT_NE(r.error.find("z...'"), std::string::npos);
    EXPECT_LT(r.error.size(), 300u);
}

TEST(ReliabilityCsv, AnUnclosedQuoteIsRefused) {
    EXPECT_EQ(read("subject,rater,value\n\"S1,a,1\n").line, 2u);
}

TEST(ReliabilityCsv, AnEmptyFileSaysWhatWasExpected) {
    EXPECT_EQ(read("").error, "study.csv: empty file: expected a header subject,rater,value");
}

TEST(ReliabilityCsv, ADuplicateCellNamesBothLines) {
    const auto t = table("subject,rater,value\nS1,a,1\nS1,b,2\nS2,a,3\nS1,a,4\n");
    EXPECT_FALSE(t.ok);
    EXPECT_EQ(t.error, "study.csv:5: subject 'S1' and rater 'a' appear twice (first on line 2)");
}

TEST(ReliabilityCsv, FewerThanTwoSubjectsIsAFileLevelError) {
    const auto t = table("subject,rater,value\nS1,a,1\nS1,b,2\nS2,a,3\n");
    EXPECT_FALSE(t.ok);
    EXPECT_EQ(t.error, "study.csv: needs at least 2 subjects measured by every rater, found 1 "
                       "(1 dropped for missing cells)");
}

TEST(ReliabilityCsv, FewerThanTwoRatersIsAFileLevelError) {
    const auto t = table("subject,rater,value\nS1,a,1\nS2,a,2\n");
    EXPECT_EQ(t.error, "study.csv: needs at least 2 raters or sessions, found 1");
}

} // namespace

// Issue 19 item 5: a legacy export in Latin-1 ("Müller" as one byte 0xFC) is refused naming
// the line and the byte, never loaded as names that break every JSON writer later.
TEST(ReliabilityCsv, ALineThatIsNotUtf8IsRefusedNamingTheLineAndTheByte) {
    const auto r = read("subject,rater,value\nS1,a,12\nM\xfcller,b,13\n");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.line, 3u);
    EXPECT_EQ(r.error.rfind("study.csv:3: byte 0xFC at position 2 is not UTF-8: save the file "
                            "as UTF-8",
                            0),
              0u)
        << r.error;
    EXPECT_TRUE(r.rows.empty());
    EXPECT_TRUE(read("subject,rater,value\nS1,Zo\xc3\xab,12\nM\xc3\xbcller,b,13\n").ok);
}
