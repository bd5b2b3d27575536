// The first trace format, "ALT1": a u32 sample count, then 30 bytes per sample, all
// little-endian; doubles as their IEEE-754 bit patterns. Written until schema version 4 and
// read for as long as such databases exist.
#include "TraceBlobV1.h"

#include <cstring>

namespace algocore::storage {

namespace {
constexpr std::size_t kHeaderBytes = 8;

void put_u32(std::uint8_t* p, std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
        p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}
void put_u64(std::uint8_t* p, std::uint64_t v) {
    for (int i = 0; i < 8; ++i)
        p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}
void put_f64(std::uint8_t* p, double d) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &d, sizeof bits);
    put_u64(p, bits);
}
std::uint32_t get_u32(const std::uint8_t* p) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
        v |= static_cast<std::uint32_t>(p[i]) << (8 * i);
    return v;
}
double get_f64(const std::uint8_t* p) {
    std::uint64_t bits = 0;
    for (int i = 0; i < 8; ++i)
        bits |= static_cast<std::uint64_t>(p[i]) << (8 * i);
    double d = 0.0;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}
} // namespace

std::vector<std::uint8_t> encode_trace_v1(const RawTrace& trace) {
    std::vector<std::uint8_t> out(kHeaderBytes + trace.samples.size() * kTraceBytesPerSampleV1);
    std::uint8_t* p = out.data();
    std::memcpy(p, kTraceMagicV1, 4);
    put_u32(p + 4, static_cast<std::uint32_t>(trace.samples.size()));
    p += kHeaderBytes;
    for (const auto& s : trace.samples) {
        put_f64(p, s.t_s);
        put_u32(p + 8, static_cast<std::uint32_t>(s.raw_counts));
        put_f64(p + 12, s.force_n);
        put_f64(p + 20, s.pressure_kpa);
        p[28] = s.buttons;
        p[29] = s.flags;
        p += kTraceBytesPerSampleV1;
    }
    return out;
}

bool decode_trace_v1(const std::uint8_t* data, std::size_t size, RawTrace& out,
                     std::string& error) {
    if (size < kHeaderBytes) {
        error = "trace blob (ALT1) is shorter than its header";
        return false;
    }
    const std::uint32_t count = get_u32(data + 4);
    if (size != kHeaderBytes + std::size_t{count} * kTraceBytesPerSampleV1) {
        error = "trace blob is " + std::to_string(size) + " bytes but its header announces " +
                std::to_string(count) + " samples";
        return false;
    }
    out.samples.resize(count);
    const std::uint8_t* p = data + kHeaderBytes;
    for (auto& s : out.samples) {
        s.t_s = get_f64(p);
        s.raw_counts = static_cast<std::int32_t>(get_u32(p + 8));
        s.force_n = get_f64(p + 12);
        s.pressure_kpa = get_f64(p + 20);
        s.buttons = p[28];
        s.flags = p[29];
        p += kTraceBytesPerSampleV1;
    }
    return true;
}

} // namespace algocore::storage
