#include "algoproto/Crc16.h"

namespace algoproto {
namespace {

// Table for the MSB-first (unreflected) polynomial 0x1021, built at compile time so the
// firmware keeps it in flash and the host pays nothing at start-up.
struct CrcTable {
    std::uint16_t entries[256];
};

constexpr CrcTable make_table() {
    CrcTable table{};
    for (unsigned byte = 0; byte < 256; ++byte) {
        std::uint16_t crc = static_cast<std::uint16_t>(byte << 8);
        for (int bit = 0; bit < 8; ++bit) {
            crc = static_cast<std::uint16_t>((crc & 0x8000u) ? (crc << 1) ^ 0x1021u : crc << 1);
        }
        table.entries[byte] = crc;
    }
    return table;
}

constexpr CrcTable kTable = make_table();

} // namespace

std::uint16_t crc16_ccitt_false(const std::uint8_t* data, std::size_t size, std::uint16_t crc) {
    for (std::size_t i = 0; i < size; ++i) {
        const auto top = static_cast<std::uint8_t>((crc >> 8) ^ data[i]);
        crc = static_cast<std::uint16_t>((crc << 8) ^ kTable.entries[top]);
    }
    return crc;
}

} // namespace algoproto
