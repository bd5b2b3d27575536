// The pieces behind `algoscope-cli calibrate`: CSV reading, the fit JSON, the report.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "RecordFixture.h"
#include "algocore/calibration/CalibrationReport.h"
#include "algocore/calibration/CsvColumns.h"
#include "algocore/calibration/FitJson.h"

namespace {

using namespace std::chrono_literals;

TEST(CsvColumns, ReadsNamedColumnsSkippingBlankLinesAndComments) {
    std::istringstream csv("# calibration of ALG-0001\n"
                           "load_n, counts ,note\n"
                           "\n"
                           "0,1000,zero\n"
                           "# a comment between rows\n"
                           "\"10\",2000.5,\"ten, newtons\"\n"
                           "20,3001e0,x\n");
    const auto columns = algocore::read_csv_columns(csv, "load_n", "counts");
    ASSERT_TRUE(columns.ok) << columns.message;
    EXPECT_EQ(columns.x, (std::vector<double>{0, 10, 20}));
    EXPECT_EQ(columns.y, (std::vector<double>{1000, 2000.5, 3001}));
    EXPECT_EQ(columns.line_of_row, (std::vector<std::size_t>{4, 6, 7}));
}

TEST(CsvColumns, NamesTheLineAndColumnOfANonNumericCell) {
    std::istringstream csv("load_n,counts\n0,1000\n10,abc\n");
    const auto columns = algocore::read_csv_columns(csv, "load_n", "counts");
    EXPECT_FALSE(columns.ok);
    EXPECT_EQ(columns.message, "line 3, column 'counts': \"abc\" is not a number");
}

TEST(CsvColumns, NamesAMissingColumnAndListsTheOthers) {
    std::istringstream csv("load_n,counts\n0,1000\n");
    const auto columns = algocore::read_csv_columns(csv, "load", "counts");
    EXPECT_FALSE(columns.ok);
    EXPECT_NE(columns.message.find("column 'load' not found"), std::string::npos);
    EXPECT_NE(columns.message.find("'load_n', 'counts'"), std::string::npos) << columns.message;
}

TEST(CsvColumns, NamesShortRowsAndEmptyFiles) {
    std::istringstream short_row("a,b,c\n1,2,3\n4,5\n");
    const auto columns = algocore::read_csv_columns(short_row, "a", "c");
    EXPECT_FALSE(columns.ok);
    EXPECT_NE(columns.message.find("line 3, column 'c': missing"), std::string::npos);
    std::istringstream empty("# nothing\n\n");
    EXPECT_NE(algocore::read_csv_columns(empty, "a", "b").message.find("no header"),
              std::string::npos);
}

TEST(CsvPoints, ReadsCalibrationPointsWithUnitsAndDirections) {
    std::istringstream csv("applied_load,unit,reading,direction,run\n"
                           "0,kgf,100,up,1\n5,kgf,600,ascending,1\n5,kgf,610,down,2\n");
    const auto points = algocore::read_calibration_points_csv(csv);
    ASSERT_TRUE(points.ok) << points.message;
    ASSERT_EQ(points.points.size(), 3u);
    EXPECT_DOUBLE_EQ(points.points[1].applied_load_n(), 5 * 9.80665);
    EXPECT_EQ(points.points[2].direction, algocal::LoadDirection::kDescending);
    EXPECT_EQ(points.points[2].run, 2);
}

TEST(CsvPoints, RefusesUnknownUnitNamingLineAndColumn) {
    std::istringstream csv("applied_load,unit,reading,direction\n1,stone,5,up\n");
    const auto points = algocore::read_calibration_points_csv(csv);
    EXPECT_FALSE(points.ok);
    EXPECT_NE(points.message.find("line 2, column 'unit'"), std::string::npos) << points.message;
}

TEST(FitJson, HasTheDocumentedKeysWithFullPrecision) {
    algocal::PolynomialFit fit;
    fit.degree = 1;
    fit.coefficients = {0.1, 1.0 / 3.0};
    fit.std_errors = {0.01, 0.002};
    fit.residual_sd = 0.25;
    fit.r_squared = 0.999;
    fit.n = 12;
    const auto json = nlohmann::json::parse(algocore::polynomial_fit_to_json(fit));
    EXPECT_EQ(json["degree"], 1);
    EXPECT_EQ(json["coefficients"][1].get<double>(), 1.0 / 3.0); // bit-exact round trip
    EXPECT_EQ(json["std_errors"].size(), 2u);
    EXPECT_EQ(json["residual_sd"], 0.25);
    EXPECT_EQ(json["r_squared"], 0.999);
    EXPECT_EQ(json["n"], 12);
}

TEST(CalibrationReport, ShowsIdentityFitStatisticsAndExpiry) {
    const auto record = caltest::valid_record();
    const std::string report = algocore::calibration_report(record, 2027y / 1 / 1);
    for (const char* expected :
         {"ALG-0001", "J. Tester", "WS-17", "2026-11-23", "2027-11-23", "Hysteresis",
          "Lower force limit, Class A", "c2 =", "Recommended degree", "monotonic: yes"})
        EXPECT_NE(report.find(expected), std::string::npos) << expected << "\n" << report;
    EXPECT_EQ(report.find("EXPIRED"), std::string::npos);
    EXPECT_NE(algocore::calibration_report(record, 2028y / 1 / 1).find("EXPIRED"),
              std::string::npos);
}

} // namespace
