#pragma once
// Little-endian field access, byte by byte so it is alignment- and host-order-independent.
#include <cstdint>
#include <cstring>

namespace algoproto::detail {

inline void put_u8(std::uint8_t*& p, std::uint8_t v) {
    *p++ = v;
}
inline void put_u16(std::uint8_t*& p, std::uint16_t v) {
    p[0] = static_cast<std::uint8_t>(v);
    p[1] = static_cast<std::uint8_t>(v >> 8);
    p += 2;
}
inline void put_u32(std::uint8_t*& p, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) {
        p[i] = static_cast<std::uint8_t>(v >> (8 * i));
    }
    p += 4;
}
inline void put_u64(std::uint8_t*& p, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) {
        p[i] = static_cast<std::uint8_t>(v >> (8 * i));
    }
    p += 8;
}
inline void put_i32(std::uint8_t*& p, std::int32_t v) {
    put_u32(p, static_cast<std::uint32_t>(v));
}
/// Low 24 bits of a two's-complement value.
inline void put_i24(std::uint8_t*& p, std::int32_t v) {
    const auto u = static_cast<std::uint32_t>(v);
    p[0] = static_cast<std::uint8_t>(u);
    p[1] = static_cast<std::uint8_t>(u >> 8);
    p[2] = static_cast<std::uint8_t>(u >> 16);
    p += 3;
}
/// IEEE 754 binary32, little-endian.
inline void put_f32(std::uint8_t*& p, float v) {
    std::uint32_t bits = 0;
    static_assert(sizeof(bits) == sizeof(v), "float must be binary32");
    std::memcpy(&bits, &v, sizeof(bits));
    put_u32(p, bits);
}

inline std::uint8_t get_u8(const std::uint8_t*& p) {
    return *p++;
}
inline std::uint16_t get_u16(const std::uint8_t*& p) {
    const auto v = static_cast<std::uint16_t>(p[0] | (p[1] << 8));
    p += 2;
    return v;
}
inline std::uint32_t get_u32(const std::uint8_t*& p) {
    const std::uint32_t v =
        static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
        (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
    p += 4;
    return v;
}
inline std::uint64_t get_u64(const std::uint8_t*& p) {
    const std::uint64_t low = get_u32(p);
    const std::uint64_t high = get_u32(p);
    return low | (high << 32);
}
inline std::int32_t get_i32(const std::uint8_t*& p) {
    return static_cast<std::int32_t>(get_u32(p));
}
/// Sign-extends a 24-bit two's-complement value.
inline std::int32_t get_i24(const std::uint8_t*& p) {
    const std::uint32_t u = static_cast<std::uint32_t>(p[0]) |
                            (static_cast<std::uint32_t>(p[1]) << 8) |
                            (static_cast<std::uint32_t>(p[2]) << 16);
    p += 3;
    return static_cast<std::int32_t>(u ^ 0x800000u) - 0x800000;
}
inline float get_f32(const std::uint8_t*& p) {
    const std::uint32_t bits = get_u32(p);
    float v = 0;
    std::memcpy(&v, &bits, sizeof(v));
    return v;
}

} // namespace algoproto::detail
