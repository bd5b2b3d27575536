#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>

#include "algocore/acquisition/JsonLines.h"

namespace {

using namespace algocore;
using namespace std::chrono_literals;

TEST(JsonLines, SampleLineHasTimeForcePressureRawAndButtons) {
    Sample s;
    s.t_s = 1.2345;
    s.force_n = 12.5;
    s.pressure_kpa = 125.0;
    s.raw_counts = 121500;
    s.has_raw = true;
    s.buttons = kPatientButton;
    EXPECT_EQ(to_json_line(s), "{\"t\":1.234500,\"force_n\":12.5000,\"pressure_kpa\":125.000,"
                               "\"raw\":121500,\"buttons\":2,\"flags\":0,\"cal\":0}");
}

TEST(JsonLines, SampleWithoutCountsHasNullRawAndAGapIsSpelledOut) {
    Sample s;
    s.flags = kGapBefore;
    const auto j = nlohmann::json::parse(to_json_line(s));
    EXPECT_TRUE(j["raw"].is_null());
    EXPECT_EQ(j["gap"], true);
}

// Issue 12: a probe area of 1e-300 cm² once made pressures of 1e300 kPa and lines cut at 255
// bytes. Every line stays one valid JSON object, whatever the numbers.
TEST(JsonLines, HugeOrNonFiniteNumbersStillMakeOneValidJsonObject) {
    Sample s;
    s.t_s = 1e300;
    s.force_n = -1.7e308;
    s.pressure_kpa = 1.7e308;
    const auto j = nlohmann::json::parse(to_json_line(s));
    EXPECT_DOUBLE_EQ(j["pressure_kpa"].get<double>(), 1.7e308);
    EXPECT_DOUBLE_EQ(j["force_n"].get<double>(), -1.7e308);
    s.pressure_kpa = std::numeric_limits<double>::infinity();
    s.force_n = std::numeric_limits<double>::quiet_NaN();
    const auto k = nlohmann::json::parse(to_json_line(s));
    EXPECT_TRUE(k["pressure_kpa"].is_null());
    EXPECT_TRUE(k["force_n"].is_null());
}

TEST(JsonLines, EventLinesNameTheEventAndEscapeTheMessage) {
    const SteadyTime start = SteadyClock::now();
    LinkEvent e;
    e.kind = LinkEvent::Kind::Disconnected;
    e.t = start + 2500ms;
    e.message = "port \"/dev/ttyUSB0\" vanished";
    const auto j = nlohmann::json::parse(to_json_line(e, start));
    EXPECT_EQ(j["event"], "disconnected");
    EXPECT_DOUBLE_EQ(j["t"].get<double>(), 2.5);
    EXPECT_EQ(j["message"], "port \"/dev/ttyUSB0\" vanished");

    LinkEvent b;
    b.kind = LinkEvent::Kind::Button;
    b.t = start;
    b.button = kPatientButton;
    b.pressed = true;
    b.device_index = 42;
    const auto jb = nlohmann::json::parse(to_json_line(b, start));
    EXPECT_EQ(jb["button"], "patient");
    EXPECT_EQ(jb["pressed"], true);
    EXPECT_EQ(jb["device_index"], 42);
}

} // namespace
