#include "algoproto/Crc16.h"

namespace algoproto {
namespace {

// Slicing tables for the MSB-first (unreflected) polynomial 0x1021, built at compile time.
// slice[k][b] is the CRC register after byte b followed by k zero bytes (from a zero
// register). slice[0] is the classic byte table; with the others the host folds 8 bytes per
// step, which triples decoding throughput. The firmware keeps only slice[0] (512 bytes of
// flash instead of 4 KiB): its frames are short and its link is slow.
#if defined(__arm__) || defined(ALGOPROTO_SMALL_CRC)
constexpr int kSlices = 1;
#else
constexpr int kSlices = 8;
#endif

struct CrcTables {
    std::uint16_t slice[kSlices][256];
};

constexpr CrcTables make_tables() {
    CrcTables t{};
    for (unsigned byte = 0; byte < 256; ++byte) {
        std::uint16_t crc = static_cast<std::uint16_t>(byte << 8);
        for (int bit = 0; bit < 8; ++bit) {
            crc = static_cast<std::uint16_t>((crc & 0x8000u) ? (crc << 1) ^ 0x1021u : crc << 1);
        }
        t.slice[0][byte] = crc;
    }
    for (int k = 1; k < kSlices; ++k) {
        for (unsigned byte = 0; byte < 256; ++byte) {
            const std::uint16_t prev = t.slice[k - 1][byte];
            t.slice[k][byte] = static_cast<std::uint16_t>((prev << 8) ^ t.slice[0][prev >> 8]);
        }
    }
    return t;
}

constexpr CrcTables kTables = make_tables();

} // namespace

std::uint16_t crc16_ccitt_false(const std::uint8_t* data, std::size_t size, std::uint16_t crc) {
    std::size_t i = 0;
#if !defined(__arm__) && !defined(ALGOPROTO_SMALL_CRC)
    // The CRC is linear: the register folds into the first two bytes, and each of the 8
    // bytes contributes its table entry for the number of bytes that follow it.
    const auto& s = kTables.slice;
    for (; i + 8 <= size; i += 8) {
        const auto x = static_cast<std::uint16_t>(crc ^ ((data[i] << 8) | data[i + 1]));
        crc = static_cast<std::uint16_t>(s[7][x >> 8] ^ s[6][x & 0xFF] ^ s[5][data[i + 2]] ^
                                         s[4][data[i + 3]] ^ s[3][data[i + 4]] ^ s[2][data[i + 5]] ^
                                         s[1][data[i + 6]] ^ s[0][data[i + 7]]);
    }
#endif
    for (; i < size; ++i) {
        const auto top = static_cast<std::uint8_t>((crc >> 8) ^ data[i]);
        crc = static_cast<std::uint16_t>((crc << 8) ^ kTables.slice[0][top]);
    }
    return crc;
}

} // namespace algoproto
