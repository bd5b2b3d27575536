#include <gtest/gtest.h>

#include <cstring>

#include "algoproto/Crc16.h"

namespace algoproto {
namespace {

TEST(Crc16, MatchesTheCcittFalseCheckValue) {
    const char* check = "123456789";
    EXPECT_EQ(crc16_ccitt_false(reinterpret_cast<const std::uint8_t*>(check), 9), 0x29B1);
}

TEST(Crc16, OfNothingIsTheInitialValue) {
    EXPECT_EQ(crc16_ccitt_false(nullptr, 0), 0xFFFF);
}

TEST(Crc16, CanBeComputedInPieces) {
    const auto* data = reinterpret_cast<const std::uint8_t*>("123456789");
    const std::uint16_t first = crc16_ccitt_false(data, 4);
    EXPECT_EQ(crc16_ccitt_false(data + 4, 5, first), 0x29B1);
}

// Bit-by-bit definition of CRC-16/CCITT-FALSE, to check the table-driven version against.
std::uint16_t crc_bitwise(const std::uint8_t* data, std::size_t size) {
    std::uint16_t crc = 0xFFFF;
    for (std::size_t i = 0; i < size; ++i) {
        crc = static_cast<std::uint16_t>(crc ^ (data[i] << 8));
        for (int bit = 0; bit < 8; ++bit) {
            crc = static_cast<std::uint16_t>((crc & 0x8000u) ? (crc << 1) ^ 0x1021u : crc << 1);
        }
    }
    return crc;
}

TEST(Crc16, MatchesTheBitwiseDefinitionForEveryLengthUpToAFrame) {
    std::uint8_t data[300];
    std::uint32_t x = 2463534242u;
    for (auto& b : data) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        b = static_cast<std::uint8_t>(x);
    }
    for (std::size_t n = 0; n <= sizeof(data); ++n) {
        ASSERT_EQ(crc16_ccitt_false(data, n), crc_bitwise(data, n)) << n;
    }
}

TEST(Crc16, DetectsASingleBitFlip) {
    std::uint8_t data[] = {0x01, 0x01, 0x00, 0x00, 0x10, 0x20};
    const std::uint16_t before = crc16_ccitt_false(data, sizeof(data));
    data[3] ^= 0x04;
    EXPECT_NE(crc16_ccitt_false(data, sizeof(data)), before);
}

} // namespace
} // namespace algoproto
