#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "RecordFixture.h"
#include "algocore/calibration/CalibrationRecordJson.h"

namespace {

using namespace std::chrono_literals;
using algocore::calibration_record_from_json;
using algocore::calibration_record_to_json;
using Json = nlohmann::json;

const algocore::RecordExpectations kThisDevice{"ALG-0001", 2027y / 1 / 10};

Json valid_json() {
    return Json::parse(calibration_record_to_json(caltest::valid_record()));
}

// Loads `json` and expects a refusal naming `field` with `words` in the message.
void expect_refused(const Json& json, const std::string& field, const std::string& words) {
    const auto result = calibration_record_from_json(json.dump(), kThisDevice);
    EXPECT_FALSE(result.ok) << "accepted a record with a bad " << field;
    EXPECT_EQ(result.field, field) << result.message;
    EXPECT_NE(result.message.find("'" + field + "'"), std::string::npos) << result.message;
    EXPECT_NE(result.message.find(words), std::string::npos) << result.message;
}

TEST(CalibrationRecordJson, RoundTripKeepsEveryField) {
    const algocal::CalibrationRecord original = caltest::valid_record();
    const auto loaded =
        calibration_record_from_json(calibration_record_to_json(original), kThisDevice);
    ASSERT_TRUE(loaded.ok) << loaded.message;
    const algocal::CalibrationRecord& r = loaded.record;
    EXPECT_EQ(r.version, algocal::kCalibrationRecordVersion);
    EXPECT_EQ(r.id, original.id);
    EXPECT_EQ(r.device_serial, original.device_serial);
    EXPECT_EQ(r.calibrated_on, original.calibrated_on);
    EXPECT_EQ(r.expires_on, original.expires_on);
    EXPECT_EQ(r.operator_name, original.operator_name);
    ASSERT_EQ(r.reference_standards.size(), 1u);
    EXPECT_EQ(r.reference_standards[0].id, "WS-17");
    EXPECT_EQ(r.reference_standards[0].expanded_uncertainty_percent, 0.02);
    EXPECT_EQ(r.temperature_c, 21.5);
    EXPECT_EQ(r.probe_area_cm2, 1.0);
    EXPECT_EQ(r.reading_kind, original.reading_kind);
    ASSERT_EQ(r.points.size(), original.points.size());
    for (std::size_t i = 0; i < r.points.size(); ++i) {
        EXPECT_EQ(r.points[i].applied_load, original.points[i].applied_load);
        EXPECT_EQ(r.points[i].reading, original.points[i].reading);
        EXPECT_EQ(r.points[i].direction, original.points[i].direction);
        EXPECT_EQ(r.points[i].run, original.points[i].run);
    }
    EXPECT_EQ(r.fit.coefficients, original.fit.coefficients); // bit-exact doubles
    EXPECT_EQ(r.fit.std_errors, original.fit.std_errors);
    EXPECT_EQ(r.fit.residual_sd, original.fit.residual_sd);
    EXPECT_EQ(r.fit.x_max, original.fit.x_max);
    EXPECT_EQ(r.statistics.hysteresis_percent_fs, original.statistics.hysteresis_percent_fs);
    EXPECT_EQ(r.statistics.recommendation_reason, original.statistics.recommendation_reason);
    EXPECT_EQ(r.notes, "fixture");
    EXPECT_FALSE(loaded.expired);
}

TEST(CalibrationRecordJson, RefusesTruncatedRecord) {
    const std::string text = calibration_record_to_json(caltest::valid_record());
    const auto result = calibration_record_from_json(text.substr(0, text.size() / 2), kThisDevice);
    EXPECT_FALSE(result.ok);
    EXPECT_NE(result.message.find("corrupt or truncated"), std::string::npos) << result.message;
}

TEST(CalibrationRecordJson, RefusesCorruptBytes) {
    std::string text = calibration_record_to_json(caltest::valid_record());
    text[text.size() / 3] = '\x01';
    EXPECT_FALSE(calibration_record_from_json(text, kThisDevice).ok);
    EXPECT_FALSE(calibration_record_from_json("", kThisDevice).ok);
    expect_refused(Json::array(), "(record)", "JSON object");
}

TEST(CalibrationRecordJson, RefusesFutureVersion) {
    Json json = valid_json();
    json["version"] = algocal::kCalibrationRecordVersion + 1;
    expect_refused(json, "version", "newer than this program");
}

TEST(CalibrationRecordJson, RefusesRecordOfAnotherDevice) {
    Json json = valid_json();
    json["device_serial"] = "ALG-9999";
    expect_refused(json, "device_serial", "not this device");
}

TEST(CalibrationRecordJson, RefusesAlteredNumbersThatNoLongerMatchThePoints) {
    Json json = valid_json();
    json["points"][3]["reading"] = json["points"][3]["reading"].get<double>() + 5000.0;
    expect_refused(json, "fit.coefficients", "do not match the points");
}

TEST(CalibrationRecordJson, RefusesEveryMissingTopLevelField) {
    for (const char* key : {"format", "version", "id", "device_serial", "calibrated_on",
                            "expires_on", "operator", "reference_standards", "temperature_c",
                            "probe_area_cm2", "reading_kind", "points", "fit", "statistics"}) {
        Json json = valid_json();
        json.erase(key);
        expect_refused(json, key, "is missing");
    }
}

TEST(CalibrationRecordJson, RefusesWrongTypesAndRangesNamingTheField) {
    struct Case {
        const char* pointer;
        Json value;
        const char* field;
        const char* words;
    };
    const Case cases[] = {
        {"/format", "something-else", "format", "not an Algoscope calibration record"},
        {"/version", 0, "version", "at least 1"},
        {"/version", "1", "version", "whole number"},
        {"/id", 0, "id", "greater than 0"},
        {"/id", -5, "id", "greater than 0"},
        {"/device_serial", "", "device_serial", "must not be empty"},
        {"/calibrated_on", "2026-02-30", "calibrated_on", "YYYY-MM-DD"},
        {"/expires_on", "2020-01-01", "expires_on", "before calibrated_on"},
        {"/operator", "", "operator", "who calibrated"},
        {"/reference_standards", Json::array(), "reference_standards", "at least one"},
        {"/reference_standards/0/id", "", "reference_standards[0].id", "must not be empty"},
        {"/reference_standards/0/expanded_uncertainty_percent", -1.0,
         "reference_standards[0].expanded_uncertainty_percent", "between"},
        {"/temperature_c", 500.0, "temperature_c", "between"},
        {"/probe_area_cm2", 0.0, "probe_area_cm2", "between"},
        {"/reading_kind", "volts", "reading_kind", "raw_counts"},
        {"/points", Json::array(), "points", "calibration points"},
        {"/points/2/unit", "stone", "points[2].unit", "unknown force unit"},
        {"/points/2/direction", "sideways", "points[2].direction", "ascending"},
        {"/points/2/run", 0, "points[2].run", "1..1000"},
        {"/points/2/reading", "12", "points[2].reading", "must be a number"},
        {"/points/2/applied_load", -3.0, "points[2].applied_load", "between"},
        {"/fit/degree", 7, "fit.degree", "1..5"},
        {"/fit/coefficients", Json::array({1.0, 2.0}), "fit.coefficients", "must have 3 entries"},
        {"/fit/coefficients/1", "x", "fit.coefficients[1]", "finite number"},
        {"/fit/std_errors", Json::array({1.0}), "fit.std_errors", "must have 3 entries"},
        {"/fit/n", 3, "fit.n", "the record has 9"},
        {"/fit/residual_sd", -1.0, "fit.residual_sd", "between"},
        {"/fit/r_squared", 1.5, "fit.r_squared", "between"},
        {"/fit/load_max_n", -1.0, "fit.load_max_n", "above fit.load_min_n"},
        {"/fit/load_min_n", 10.0, "fit.load_min_n", "smallest applied load"},
        {"/fit/residuals", Json::array(), "fit.residuals", "must have 9 entries"},
        {"/statistics/has_hysteresis", 1, "statistics.has_hysteresis", "true or false"},
        {"/statistics/recommended_degree", 9, "statistics.recommended_degree", "1..5"},
        {"/notes", 5, "notes", "must be text"},
    };
    for (const Case& c : cases) {
        Json json = valid_json();
        json[Json::json_pointer(c.pointer)] = c.value;
        SCOPED_TRACE(c.pointer);
        expect_refused(json, c.field, c.words);
    }
}

TEST(CalibrationRecordJson, RefusesNonMonotonicFit) {
    algocal::CalibrationRecord record = caltest::valid_record();
    // Points that rise then fall: a consistent quadratic fit that cannot be inverted.
    for (std::size_t i = 0; i < record.points.size(); ++i) {
        const double load = record.points[i].applied_load;
        record.points[i].reading = -(load - 100.0) * (load - 100.0);
    }
    record.fit =
        algocal::fit_polynomial(
            std::vector<double>{0, 50, 100, 150, 200, 150, 100, 50, 0},
            std::vector<double>{-10000, -2500, 0, -2500, -10000, -2500, 0, -2500, -10000}, 2)
            .fit;
    const auto result =
        calibration_record_from_json(calibration_record_to_json(record), kThisDevice);
    EXPECT_FALSE(result.ok);
    EXPECT_NE(result.message.find("not monotonic"), std::string::npos) << result.message;
}

TEST(CalibrationRecordJson, ExpiredRecordLoadsWithAWarning) {
    const auto result = calibration_record_from_json(
        calibration_record_to_json(caltest::valid_record()), {"ALG-0001", 2028y / 1 / 2});
    ASSERT_TRUE(result.ok) << result.message;
    EXPECT_TRUE(result.expired);
    EXPECT_NE(result.warning.find("expired on 2027-11-23"), std::string::npos) << result.warning;
    EXPECT_NE(result.warning.find("40 days ago"), std::string::npos) << result.warning;
}

TEST(CalibrationRecordJson, AnyDeviceWhenNoSerialIsExpected) {
    const auto result = calibration_record_from_json(
        calibration_record_to_json(caltest::valid_record("OTHER-7")), {"", 2027y / 1 / 1});
    EXPECT_TRUE(result.ok) << result.message;
}

} // namespace
