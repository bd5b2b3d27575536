#include <gtest/gtest.h>

#include <vector>

#include "algoproto/Cobs.h"

namespace algoproto {
namespace {

std::vector<std::uint8_t> encoded(const std::vector<std::uint8_t>& in) {
    std::vector<std::uint8_t> out(cobs_max_encoded_size(in.size()));
    const CobsResult r = cobs_encode(in.data(), in.size(), out.data(), out.size());
    EXPECT_EQ(r.status, CobsStatus::Ok);
    out.resize(r.size);
    return out;
}

std::vector<std::uint8_t> decoded(const std::vector<std::uint8_t>& in) {
    std::vector<std::uint8_t> out(in.size());
    const CobsResult r = cobs_decode(in.data(), in.size(), out.data(), out.size());
    EXPECT_EQ(r.status, CobsStatus::Ok);
    out.resize(r.size);
    return out;
}

std::vector<std::uint8_t> run_of_nonzero(std::size_t n) {
    std::vector<std::uint8_t> v(n);
    for (std::size_t i = 0; i < n; ++i) {
        v[i] = static_cast<std::uint8_t>(i % 255 + 1);
    }
    return v;
}

TEST(Cobs, EncodesTheTextbookExamples) {
    EXPECT_EQ(encoded({0x00}), (std::vector<std::uint8_t>{0x01, 0x01}));
    EXPECT_EQ(encoded({0x00, 0x00}), (std::vector<std::uint8_t>{0x01, 0x01, 0x01}));
    EXPECT_EQ(encoded({0x11, 0x22, 0x00, 0x33}),
              (std::vector<std::uint8_t>{0x03, 0x11, 0x22, 0x02, 0x33}));
    EXPECT_EQ(encoded({0x11, 0x00, 0x00, 0x00}),
              (std::vector<std::uint8_t>{0x02, 0x11, 0x01, 0x01, 0x01}));
    EXPECT_EQ(encoded({}), (std::vector<std::uint8_t>{0x01}));
}

TEST(Cobs, RunOf253NonZeroBytesNeedsOneCodeByte) {
    const auto in = run_of_nonzero(253);
    const auto out = encoded(in);
    ASSERT_EQ(out.size(), 254u);
    EXPECT_EQ(out[0], 254);
    EXPECT_EQ(decoded(out), in);
}

TEST(Cobs, RunOf254NonZeroBytesFillsOneFullBlock) {
    const auto in = run_of_nonzero(254);
    const auto out = encoded(in);
    ASSERT_EQ(out.size(), 256u);
    EXPECT_EQ(out[0], 0xFF);
    EXPECT_EQ(out[255], 0x01);
    EXPECT_EQ(decoded(out), in);
}

TEST(Cobs, RunOf255NonZeroBytesSpillsIntoASecondBlock) {
    const auto in = run_of_nonzero(255);
    const auto out = encoded(in);
    ASSERT_EQ(out.size(), 257u);
    EXPECT_EQ(out[0], 0xFF);
    EXPECT_EQ(out[255], 0x02);
    EXPECT_EQ(out[256], in[254]);
    EXPECT_EQ(decoded(out), in);
}

TEST(Cobs, AllZeroPayloadsRoundTrip) {
    for (std::size_t n : {1u, 2u, 100u, 254u, 255u}) {
        const std::vector<std::uint8_t> zeros(n, 0);
        const auto out = encoded(zeros);
        EXPECT_EQ(out.size(), n + 1);
        for (auto b : out) {
            EXPECT_EQ(b, 0x01);
        }
        EXPECT_EQ(decoded(out), zeros) << n;
    }
}

TEST(Cobs, EncodedOutputNeverContainsZero) {
    std::vector<std::uint8_t> in(600);
    for (std::size_t i = 0; i < in.size(); ++i) {
        in[i] = static_cast<std::uint8_t>((i * 7) % 5 == 0 ? 0 : i);
    }
    const auto out = encoded(in);
    for (auto b : out) {
        EXPECT_NE(b, 0);
    }
    EXPECT_LE(out.size(), cobs_max_encoded_size(in.size()));
    EXPECT_EQ(decoded(out), in);
}

TEST(Cobs, EncodeRefusesATooSmallBuffer) {
    const std::vector<std::uint8_t> in(10, 1);
    std::vector<std::uint8_t> out(10);
    EXPECT_EQ(cobs_encode(in.data(), in.size(), out.data(), out.size()).status,
              CobsStatus::OutputTooSmall);
}

TEST(Cobs, DecodeRejectsATruncatedBlock) {
    const std::vector<std::uint8_t> in{0x05, 0x11, 0x22};
    std::vector<std::uint8_t> out(8);
    EXPECT_EQ(cobs_decode(in.data(), in.size(), out.data(), out.size()).status,
              CobsStatus::Truncated);
}

TEST(Cobs, DecodeRejectsAZeroInsideTheBlock) {
    const std::vector<std::uint8_t> in{0x03, 0x11, 0x00};
    std::vector<std::uint8_t> out(8);
    EXPECT_EQ(cobs_decode(in.data(), in.size(), out.data(), out.size()).status,
              CobsStatus::ZeroInInput);
}

} // namespace
} // namespace algoproto
