// Issue 12, item 10: CSV input from spreadsheets and from attackers: a UTF-8 byte order mark
// before the header, a giant cell, terminal escapes in a cell.
#include <gtest/gtest.h>

#include <sstream>

#include "algocore/calibration/CsvColumns.h"

namespace {

TEST(CsvInput, AByteOrderMarkBeforeTheHeaderIsNotPartOfTheFirstColumnName) {
    std::istringstream csv("\xEF\xBB\xBFload_n,counts\r\n0,1000\r\n10,2000\r\n");
    const auto columns = algocore::read_csv_columns(csv, "load_n", "counts");
    ASSERT_TRUE(columns.ok) << columns.message;
    EXPECT_EQ(columns.x, (std::vector<double>{0, 10}));

    std::istringstream points("\xEF\xBB\xBF"
                              "applied_load,unit,reading,direction\n0,N,5,up\n10,N,105,up\n");
    const auto read = algocore::read_calibration_points_csv(points);
    ASSERT_TRUE(read.ok) << read.message;
    EXPECT_EQ(read.points.size(), 2u);
}

TEST(CsvInput, AHundredMegabyteCellIsQuotedBrieflyInTheError) {
    std::string text = "load_n,counts\n0,";
    text.append(100u << 20, '7');
    text += "x\n";
    std::istringstream csv(std::move(text));
    const auto columns = algocore::read_csv_columns(csv, "load_n", "counts");
    EXPECT_FALSE(columns.ok);
    EXPECT_LT(columns.message.size(), 400u);
    EXPECT_NE(columns.message.find("line 2, column 'counts': \"777"), std::string::npos)
        << columns.message.substr(0, 300);
    EXPECT_NE(columns.message.find("bytes in all"), std::string::npos)
        << columns.message.substr(0, 300);
}

TEST(CsvInput, TerminalEscapesInACellAreShownNotSent) {
    std::istringstream csv("applied_load,unit,reading,direction\n0,\x1b]0;pwned\x07,5,up\n");
    const auto read = algocore::read_calibration_points_csv(csv);
    EXPECT_FALSE(read.ok);
    EXPECT_EQ(read.message.find('\x1b'), std::string::npos) << read.message;
    EXPECT_NE(read.message.find("\\x1B]0;pwned\\x07"), std::string::npos) << read.message;
}

TEST(CsvInput, AHeaderNameIsQuotedBrieflyWhenAColumnIsMissing) {
    std::istringstream csv(std::string(5000, 'h') + "\x1b[2J,counts\n0,1\n");
    const auto columns = algocore::read_csv_columns(csv, "load_n", "counts");
    EXPECT_FALSE(columns.ok);
    EXPECT_LT(columns.message.size(), 600u);
    EXPECT_EQ(columns.message.find('\x1b'), std::string::npos);
}

} // namespace
