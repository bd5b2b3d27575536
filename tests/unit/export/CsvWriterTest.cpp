#include <gtest/gtest.h>

#include <sstream>

#include "algocore/export/CsvWriter.h"

using namespace algocore::exporting;

TEST(CsvCells, FormulaStartsAreNeutralised) {
    EXPECT_EQ(neutralise_formula("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
    EXPECT_EQ(neutralise_formula("+1+2"), "'+1+2");
    EXPECT_EQ(neutralise_formula("-2+3"), "'-2+3");
    EXPECT_EQ(neutralise_formula("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(neutralise_formula("\tcmd"), "'\tcmd");
    EXPECT_EQ(neutralise_formula("\rcmd"), "'\rcmd");
}

TEST(CsvCells, NumbersAndPlainTextPassUnchanged) {
    EXPECT_EQ(neutralise_formula("-12.5"), "-12.5");
    EXPECT_EQ(neutralise_formula("+3"), "+3");
    EXPECT_EQ(neutralise_formula("upper_trapezius"), "upper_trapezius");
    EXPECT_EQ(neutralise_formula(""), "");
    EXPECT_EQ(neutralise_formula("-inf"), "'-inf");
}

TEST(CsvCells, QuotingFollowsRfc4180) {
    EXPECT_EQ(quote_cell("plain"), "plain");
    EXPECT_EQ(quote_cell("a,b"), "\"a,b\"");
    EXPECT_EQ(quote_cell("say \"stop\""), "\"say \"\"stop\"\"\"");
    EXPECT_EQ(quote_cell("two\nlines"), "\"two\nlines\"");
}

// Spreadsheets in many European locales split on ';': a cell holding one must be quoted, or
// "x;=cmd" becomes a second cell that starts a formula (issue 12).
TEST(CsvCells, ASemicolonIsQuotedLikeAComma) {
    EXPECT_EQ(quote_cell("a;b"), "\"a;b\"");
    std::ostringstream out;
    CsvWriter csv(out);
    csv.row({"S001;=HYPERLINK(\"http://x\")", "-12.5"});
    EXPECT_EQ(out.str(), "\"S001;=HYPERLINK(\"\"http://x\"\")\",-12.5\r\n");
}

TEST(CsvCells, RowsEndInCrLfAndNeutraliseBeforeQuoting) {
    std::ostringstream out;
    CsvWriter csv(out);
    csv.row({"=1,2", "x"});
    EXPECT_EQ(out.str(), "\"'=1,2\",x\r\n");
}

TEST(CsvCells, NumbersFormatWithoutTrailingZeros) {
    EXPECT_EQ(format_number(412.5), "412.5");
    EXPECT_EQ(format_number(50.0), "50");
    EXPECT_EQ(format_number(-0.0001), "0");
    EXPECT_EQ(format_number(1.23456, 3), "1.235");
}
