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

TEST(Crc16, DetectsASingleBitFlip) {
    std::uint8_t data[] = {0x01, 0x01, 0x00, 0x00, 0x10, 0x20};
    const std::uint16_t before = crc16_ccitt_false(data, sizeof(data));
    data[3] ^= 0x04;
    EXPECT_NE(crc16_ccitt_false(data, sizeof(data)), before);
}

} // namespace
} // namespace algoproto
