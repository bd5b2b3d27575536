#pragma once
// CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, xorout 0.
// Check value: "123456789" -> 0x29B1.
#include <cstddef>
#include <cstdint>

namespace algoproto {

inline constexpr std::uint16_t kCrcInit = 0xFFFF;

/// CRC of `size` bytes, continuing from `crc` (pass kCrcInit to start a new CRC).
std::uint16_t crc16_ccitt_false(const std::uint8_t* data, std::size_t size,
                                std::uint16_t crc = kCrcInit);

} // namespace algoproto
