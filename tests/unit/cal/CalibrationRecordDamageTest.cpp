// Damaged and edited calibration records (issue 12, items 1 and 6): whatever the file holds,
// loading never throws; it refuses the record naming the field, and a record whose fit or
// statistics are not the ones its points give is refused with both values.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "RecordFixture.h"
#include "algocore/calibration/CalibrationRecordJson.h"

namespace {

using namespace std::chrono_literals;
using algocore::calibration_record_from_json;
using algocore::calibration_record_to_json;
using Json = nlohmann::json;

const algocore::RecordExpectations kThisDevice{"ALG-0001", 2027y / 1 / 10};

std::string valid_text() {
    return calibration_record_to_json(caltest::valid_record());
}

// The record's text with the first `from` replaced by `to`.
std::string edited(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

algocore::CalibrationLoadResult load_text(const std::string& text) {
    algocore::CalibrationLoadResult result;
    EXPECT_NO_THROW(result = calibration_record_from_json(text, kThisDevice));
    return result;
}

void expect_refused(const algocore::CalibrationLoadResult& result, const std::string& field,
                    const std::string& words) {
    EXPECT_FALSE(result.ok) << "accepted a record with a damaged " << field;
    EXPECT_EQ(result.field, field) << result.message;
    EXPECT_NE(result.message.find("'" + field + "'"), std::string::npos) << result.message;
    EXPECT_NE(result.message.find(words), std::string::npos) << result.message;
}

TEST(DamagedCalibrationRecord, ANumberTooLargeForADoubleIsRefusedNamingTheField) {
    expect_refused(
        load_text(edited(valid_text(), "\"temperature_c\": 21.5", "\"temperature_c\": 1e999")),
        "temperature_c", "number too large");
    const Json json = Json::parse(valid_text());
    const std::string reading = json["points"][3]["reading"].dump();
    expect_refused(
        load_text(edited(valid_text(), "\"reading\": " + reading, "\"reading\": -1e400")),
        "points[3].reading", "number too large");
}

TEST(DamagedCalibrationRecord, BytesThatAreNotUtf8AreRefusedNamingTheField) {
    const auto result = load_text(edited(valid_text(), "J. Tester",
                                         "J. T\xff\xfe"
                                         "ster"));
    expect_refused(result, "operator", "not UTF-8");
    EXPECT_EQ(result.message.find('\xff'), std::string::npos) << "raw bytes echoed";
}

TEST(DamagedCalibrationRecord, DeepNestingIsRefusedWithoutExhaustingMemory) {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const auto result =
        load_text(edited(valid_text(), "\"notes\": \"fixture\"", "\"notes\": " + deep));
    EXPECT_FALSE(result.ok);
    EXPECT_NE(result.message.find("nested"), std::string::npos) << result.message;
}

TEST(DamagedCalibrationRecord, ADeviceFileIsReadWithASizeLimit) {
    algocore::CalibrationLoadResult result;
    EXPECT_NO_THROW(result = algocore::load_calibration_record("/dev/zero", kThisDevice));
    EXPECT_FALSE(result.ok);
    EXPECT_NE(result.message.find("larger than 4 MiB"), std::string::npos) << result.message;
}

TEST(DamagedCalibrationRecord, EchoedTextIsQuotedAndBounded) {
    Json json = Json::parse(valid_text());
    json["reading_kind"] = "\x1b[2J" + std::string(100000, 'v');
    const auto result = load_text(json.dump());
    expect_refused(result, "reading_kind", "raw_counts");
    EXPECT_EQ(result.message.find('\x1b'), std::string::npos) << "escape sequence echoed raw";
    EXPECT_LT(result.message.size(), 400u);
}

// Names end up in reports, certificates and terminals: no control characters in them.
TEST(DamagedCalibrationRecord, NamesWithControlCharactersAreRefused) {
    struct Case {
        const char* pointer;
        const char* field;
    };
    for (const Case& c : {Case{"/operator", "operator"}, Case{"/device_serial", "device_serial"},
                          Case{"/reference_standards/0/id", "reference_standards[0].id"}}) {
        SCOPED_TRACE(c.field);
        Json json = Json::parse(valid_text());
        const Json::json_pointer pointer(c.pointer);
        json[pointer] = "\x1b]0;owned\x07" + json[pointer].get<std::string>();
        const auto result = calibration_record_from_json(
            json.dump(),
            {c.pointer == std::string("/device_serial") ? "" : "ALG-0001", 2027y / 1 / 10});
        expect_refused(result, c.field, "control characters");
        EXPECT_EQ(result.message.find('\x1b'), std::string::npos) << result.message;
    }
}

TEST(EditedCalibrationRecord, AnEditedNonLinearityIsRefusedWithStoredAndRecomputedValues) {
    Json json = Json::parse(valid_text());
    const double real = json["statistics"]["max_nonlinearity_percent_fs"].get<double>();
    ASSERT_GT(real, 0.001);
    json["statistics"]["max_nonlinearity_percent_fs"] = 0.0001;
    const auto result = load_text(json.dump());
    expect_refused(result, "statistics.max_nonlinearity_percent_fs", "stored 0.0001");
    char recomputed[32];
    std::snprintf(recomputed, sizeof recomputed, "%.9g", real);
    EXPECT_NE(result.message.find(std::string("the points give ") + recomputed), std::string::npos)
        << result.message;
}

TEST(EditedCalibrationRecord, EveryStoredStatisticIsRecomputedFromThePoints) {
    for (const char* key :
         {"full_scale_load_n", "full_scale_reading", "max_nonlinearity_percent_fs",
          "hysteresis_percent_fs", "repeatability_percent_fs", "zero_return_percent_fs",
          "lower_limit_factor", "lower_limit_factor_n", "lower_force_limit_class_a_n",
          "lower_force_limit_class_aa_n"}) {
        SCOPED_TRACE(key);
        Json json = Json::parse(valid_text());
        json["statistics"][key] = json["statistics"][key].get<double>() * 0.5 + 0.25;
        expect_refused(load_text(json.dump()), std::string("statistics.") + key, "stored");
    }
    for (const char* key : {"has_hysteresis", "has_repeatability", "has_zero_return"}) {
        SCOPED_TRACE(key);
        Json json = Json::parse(valid_text());
        json["statistics"][key] = !json["statistics"][key].get<bool>();
        expect_refused(load_text(json.dump()), std::string("statistics.") + key, "stored");
    }
    Json json = Json::parse(valid_text());
    json["statistics"]["recommended_degree"] =
        json["statistics"]["recommended_degree"] == 1 ? 2 : 1;
    expect_refused(load_text(json.dump()), "statistics.recommended_degree", "stored");
}

TEST(EditedCalibrationRecord, TheFitsOwnStatisticsAreRecomputedToo) {
    struct Case {
        const char* pointer;
        const char* field;
    };
    for (const Case& c : {Case{"/fit/residual_sd", "fit.residual_sd"},
                          Case{"/fit/std_errors/1", "fit.std_errors[1]"},
                          Case{"/fit/residuals/4", "fit.residuals[4]"}}) {
        SCOPED_TRACE(c.field);
        Json json = Json::parse(valid_text());
        const Json::json_pointer pointer(c.pointer);
        json[pointer] = json[pointer].get<double>() * 3.0 + 1.0;
        expect_refused(load_text(json.dump()), c.field, "stored");
    }
    Json json = Json::parse(valid_text());
    json["fit"]["r_squared"] = 0.5;
    expect_refused(load_text(json.dump()), "fit.r_squared", "stored");
}

TEST(EditedCalibrationRecord, AnUneditedRecordStillLoadsBitExact) {
    const auto result = load_text(valid_text());
    ASSERT_TRUE(result.ok) << result.message;
    EXPECT_EQ(result.record.statistics.max_nonlinearity_percent_fs,
              caltest::valid_record().statistics.max_nonlinearity_percent_fs);
}

} // namespace
