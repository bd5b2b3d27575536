// Integer series of the trace blob: residuals with zero runs (see TraceBytes.h).
#include "TraceBytes.h"

namespace algocore::storage::trace_bytes {

namespace {

void write_residuals(ByteWriter& out, const std::vector<std::int64_t>& values, int order) {
    std::uint64_t zeros = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const std::int64_t residual = values[i] - series_prediction(values.data(), i, order);
        if (residual == 0) {
            ++zeros;
            continue;
        }
        if (zeros > 0) out.varint(zeros << 1 | 1);
        zeros = 0;
        out.varint(zigzag(residual) << 1);
    }
    if (zeros > 0) out.varint(zeros << 1 | 1);
}

} // namespace

void write_series(ByteWriter& out, const std::vector<std::int64_t>& values) {
    // Order 1 suits steps and noise, order 2 ramps and regular clocks: try both, keep the
    // shorter. Ties go to order 1.
    std::vector<std::uint8_t> first;
    std::vector<std::uint8_t> second;
    ByteWriter a(first);
    ByteWriter b(second);
    write_residuals(a, values, 1);
    write_residuals(b, values, 2);
    const bool use_second = second.size() < first.size();
    out.u8(use_second ? 2 : 1);
    out.append(use_second ? second : first);
}

bool read_series(ByteReader& in, std::size_t count, std::vector<std::int64_t>& values) {
    // Bounds keep every value and prediction far from int64 overflow, whatever the bytes say.
    constexpr std::int64_t kLimit = std::int64_t{1} << 56;
    values.assign(count, 0);
    std::uint8_t order = 0;
    if (!in.u8(order) || (order != 1 && order != 2)) return false;
    std::size_t i = 0;
    while (i < count) {
        std::uint64_t token = 0;
        if (!in.varint(token)) return false;
        if (token & 1) {
            const std::uint64_t run = token >> 1;
            if (run == 0 || run > count - i) return false;
            for (std::uint64_t k = 0; k < run; ++k, ++i) {
                values[i] = series_prediction(values.data(), i, order);
                if (values[i] > kLimit || values[i] < -kLimit) return false;
            }
        } else {
            const std::int64_t residual = unzigzag(token >> 1);
            const std::int64_t predicted = series_prediction(values.data(), i, order);
            if (residual > kLimit || residual < -kLimit) return false;
            values[i] = predicted + residual;
            if (values[i] > kLimit || values[i] < -kLimit) return false;
            ++i;
        }
    }
    return true;
}

void write_misses(ByteWriter& out, const std::vector<Miss>& misses) {
    out.varint(misses.size());
    std::size_t next = 0;
    for (const Miss& m : misses) {
        out.varint(m.index - next);
        out.signed_varint(m.distance);
        next = m.index + 1;
    }
}

bool read_misses(ByteReader& in, std::size_t count, std::vector<Miss>& misses) {
    misses.clear();
    std::uint64_t n = 0;
    if (!in.varint(n) || n > count) return false;
    misses.reserve(static_cast<std::size_t>(n));
    std::size_t next = 0;
    for (std::uint64_t k = 0; k < n; ++k) {
        std::uint64_t gap = 0;
        Miss m;
        if (!in.varint(gap) || gap >= count - next) return false;
        if (!in.signed_varint(m.distance)) return false;
        m.index = next + static_cast<std::size_t>(gap);
        misses.push_back(m);
        next = m.index + 1;
    }
    return true;
}

} // namespace algocore::storage::trace_bytes
