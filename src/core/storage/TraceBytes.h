#pragma once
// Byte packing for the trace blob (docs/trace-format.md): little-endian doubles, LEB128
// varints, zig-zag signed varints, integer series coded as first- or second-order residuals
// whose runs of zeros cost one token, and doubles stored as their distance in units in the
// last place (ulps) from a prediction. The reader never reads past its end: every get
// returns false on a short or malformed blob.
#include <cstdint>
#include <cstring>
#include <vector>

namespace algocore::storage::trace_bytes {

/// Zig-zag: small magnitudes of either sign become small unsigned numbers.
inline std::uint64_t zigzag(std::int64_t v) {
    return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
inline std::int64_t unzigzag(std::uint64_t u) {
    return static_cast<std::int64_t>(u >> 1) ^ -static_cast<std::int64_t>(u & 1);
}

inline std::uint64_t bits_of(double d) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &d, sizeof bits);
    return bits;
}
inline double double_of(std::uint64_t bits) {
    double d = 0.0;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}
/// Bit-exact equality: -0.0 and 0.0 differ, and so would two different NaN payloads.
inline bool same_bits(double a, double b) {
    return bits_of(a) == bits_of(b);
}
/// How far `actual` is from `predicted` in bit patterns (wrapping): a few ulps is a small
/// number, so a near miss costs one or two bytes instead of eight.
inline std::int64_t ulp_distance(double actual, double predicted) {
    return static_cast<std::int64_t>(bits_of(actual) - bits_of(predicted));
}
inline double from_ulp_distance(double predicted, std::int64_t distance) {
    return double_of(bits_of(predicted) + static_cast<std::uint64_t>(distance));
}

class ByteWriter {
public:
    explicit ByteWriter(std::vector<std::uint8_t>& out) : out_(out) {}
    void u8(std::uint8_t v) { out_.push_back(v); }
    void varint(std::uint64_t v) {
        while (v >= 0x80) {
            out_.push_back(static_cast<std::uint8_t>(v | 0x80));
            v >>= 7;
        }
        out_.push_back(static_cast<std::uint8_t>(v));
    }
    void signed_varint(std::int64_t v) { varint(zigzag(v)); }
    void f64(double d) {
        const std::uint64_t bits = bits_of(d);
        for (int i = 0; i < 8; ++i)
            out_.push_back(static_cast<std::uint8_t>(bits >> (8 * i)));
    }
    void append(const std::vector<std::uint8_t>& bytes) {
        out_.insert(out_.end(), bytes.begin(), bytes.end());
    }

private:
    std::vector<std::uint8_t>& out_;
};

class ByteReader {
public:
    ByteReader(const std::uint8_t* data, std::size_t size) : p_(data), end_(data + size) {}
    bool u8(std::uint8_t& v) {
        if (p_ == end_) return false;
        v = *p_++;
        return true;
    }
    bool varint(std::uint64_t& v) {
        v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p_ == end_) return false;
            const std::uint8_t byte = *p_++;
            v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if ((byte & 0x80) == 0) return true;
        }
        return false; // more than ten bytes: not a varint we wrote
    }
    bool signed_varint(std::int64_t& v) {
        std::uint64_t u = 0;
        if (!varint(u)) return false;
        v = unzigzag(u);
        return true;
    }
    bool f64(double& d) {
        if (end_ - p_ < 8) return false;
        std::uint64_t bits = 0;
        for (int i = 0; i < 8; ++i)
            bits |= static_cast<std::uint64_t>(p_[i]) << (8 * i);
        p_ += 8;
        d = double_of(bits);
        return true;
    }
    bool at_end() const { return p_ == end_; }

private:
    const std::uint8_t* p_;
    const std::uint8_t* end_;
};

/// Writes an integer series (|values| below 2^53) as an order byte (1 or 2, whichever is
/// shorter) and residuals from the previous value (order 1) or the straight line through the
/// previous two (order 2); a run of k zero residuals is one token varint(k << 1 | 1), any
/// other residual r is varint(zigzag(r) << 1).
void write_series(ByteWriter& out, const std::vector<std::int64_t>& values);
/// Reads `count` values written by write_series; false on a malformed series.
bool read_series(ByteReader& in, std::size_t count, std::vector<std::int64_t>& values);

/// Value the series predicts at i from the values before it (what write_series subtracts).
inline std::int64_t series_prediction(const std::int64_t* values, std::size_t i, int order) {
    if (i == 0) return 0;
    if (order == 1 || i == 1) return values[i - 1];
    return 2 * values[i - 1] - values[i - 2];
}

/// A value that its prediction missed: the sample's index and its ulp distance from it.
struct Miss {
    std::size_t index = 0;
    std::int64_t distance = 0;
};
/// Writes misses (indices ascending) as a count, then index gaps and ulp distances.
void write_misses(ByteWriter& out, const std::vector<Miss>& misses);
/// Reads misses of a trace of `count` samples; false when malformed or out of range.
bool read_misses(ByteReader& in, std::size_t count, std::vector<Miss>& misses);

} // namespace algocore::storage::trace_bytes
