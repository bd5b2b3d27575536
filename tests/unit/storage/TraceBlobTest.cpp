#include <gtest/gtest.h>

#include "StorageFixture.h"
#include "algocore/storage/TraceBlob.h"

using namespace algocore::storage;

TEST(TraceBlob, RoundTripsEverySampleBitExact) {
    const RawTrace trace = algotest::ramp_trace(257, 50.0, 1.0);
    const auto blob = encode_trace(trace);
    EXPECT_EQ(std::string(blob.begin(), blob.begin() + 4), "ALT2");
    RawTrace back;
    std::string error;
    ASSERT_TRUE(decode_trace(blob.data(), blob.size(), back, error)) << error;
    ASSERT_EQ(back.samples.size(), trace.samples.size());
    for (std::size_t i = 0; i < trace.samples.size(); ++i) {
        EXPECT_EQ(back.samples[i].t_s, trace.samples[i].t_s);
        EXPECT_EQ(back.samples[i].raw_counts, trace.samples[i].raw_counts);
        EXPECT_EQ(back.samples[i].force_n, trace.samples[i].force_n);
        EXPECT_EQ(back.samples[i].pressure_kpa, trace.samples[i].pressure_kpa);
        EXPECT_EQ(back.samples[i].buttons, trace.samples[i].buttons);
        EXPECT_EQ(back.samples[i].flags, trace.samples[i].flags);
    }
}

TEST(TraceBlob, RefusesTruncatedBlobWithReason) {
    auto blob = encode_trace(algotest::ramp_trace(10, 50.0, 1.0));
    blob.pop_back();
    RawTrace back;
    std::string error;
    EXPECT_FALSE(decode_trace(blob.data(), blob.size(), back, error));
    EXPECT_NE(error.find("10 samples"), std::string::npos) << error;
}

TEST(TraceBlob, RefusesUnknownFormat) {
    const std::uint8_t junk[8] = {'X', 'Y', 'Z', '9', 0, 0, 0, 0};
    RawTrace back;
    std::string error;
    EXPECT_FALSE(decode_trace(junk, sizeof junk, back, error));
    EXPECT_NE(error.find("ALT1"), std::string::npos);
}

TEST(BodySideText, ParsesLettersAndWords) {
    BodySide side{};
    ASSERT_TRUE(parse_side("r", side));
    EXPECT_EQ(side, BodySide::Right);
    ASSERT_TRUE(parse_side("Left", side));
    EXPECT_EQ(side, BodySide::Left);
    EXPECT_FALSE(parse_side("X", side));
    EXPECT_STREQ(to_letter(BodySide::Midline), "M");
}

TEST(BodyMap, RightSideIsMirrorOfLeft) {
    const BodyMapPoint right = side_position({0.4, 0.15}, BodySide::Right);
    EXPECT_DOUBLE_EQ(right.x, 0.6);
    EXPECT_DOUBLE_EQ(right.y, 0.15);
}
