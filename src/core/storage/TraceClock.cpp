// Sample times of the trace blob. Times are seconds since the session start computed from
// whole clock ticks (steady_clock nanoseconds divided by 1e9, or index times period in
// synthetic traces), so each time is found again from an integer tick: the ticks are stored
// as a second-order series (a regular clock costs one token for the whole trace) and any time
// the clock does not reproduce bit-exactly is stored as its ulp distance from the tick time.
#include "TraceCodec.h"

#include <cmath>

namespace algocore::storage::trace_codec {

using namespace trace_bytes;

namespace {

enum TimeKind : std::uint8_t { kChained = 0, kTicks = 1 };

/// t = base + n / scale (divide) or base + n * scale.
struct TickClock {
    double base = 0.0;
    bool divide = true;
    double scale = 1e9;

    double time_of(std::int64_t n) const {
        const double x = divide ? static_cast<double>(n) / scale : static_cast<double>(n) * scale;
        return base + x;
    }
    bool tick_of(double t, std::int64_t& n) const {
        const double x = divide ? (t - base) * scale : (t - base) / scale;
        if (!(std::abs(x) < kMaxTick)) return false;
        const auto guess = static_cast<std::int64_t>(std::llround(x));
        for (const std::int64_t candidate : {guess, guess - 1, guess + 1}) {
            if (same_bits(time_of(candidate), t)) {
                n = candidate;
                return true;
            }
        }
        return false;
    }
    static constexpr double kMaxTick = 4503599627370496.0; // 2^52: every integer exact
};

std::vector<TickClock> candidate_clocks(const std::vector<TraceSample>& s) {
    std::vector<TickClock> clocks = {{0.0, true, 1e9}, {0.0, true, 1e6}, {0.0, true, 1e3}};
    if (s.size() < 2) return clocks;
    const double t0 = s[0].t_s;
    const double period = s[1].t_s - t0;
    if (!(std::isfinite(period) && period > 0.0)) return clocks;
    clocks.push_back({0.0, false, period});
    clocks.push_back({t0, false, period});
    const double rate = std::round(1.0 / period);
    if (rate >= 1.0 && rate <= 1e7) {
        for (const double base : {0.0, t0}) {
            clocks.push_back({base, true, rate});
            clocks.push_back({base, false, 1.0 / rate});
        }
    }
    return clocks;
}

// How many of (up to) 512 samples spread over the trace the clock reproduces exactly.
int fit_count(const TickClock& clock, const std::vector<TraceSample>& s) {
    const std::size_t step = s.size() / 512 + 1;
    int fits = 0;
    std::int64_t n = 0;
    for (std::size_t i = 0; i < s.size(); i += step)
        fits += clock.tick_of(s[i].t_s, n) ? 1 : 0;
    return fits;
}

void write_chained(ByteWriter& out, const std::vector<TraceSample>& s) {
    double previous = 0.0;
    for (const auto& sample : s) {
        out.signed_varint(ulp_distance(sample.t_s, previous));
        previous = sample.t_s;
    }
}

} // namespace

void write_times(ByteWriter& out, const std::vector<TraceSample>& s) {
    const auto clocks = candidate_clocks(s);
    const TickClock* best = nullptr;
    int best_fits = 0;
    for (const auto& clock : clocks) {
        const int fits = fit_count(clock, s);
        if (fits > best_fits) {
            best = &clock;
            best_fits = fits;
        }
    }
    const std::size_t step = s.size() / 512 + 1;
    const std::size_t sampled = (s.size() + step - 1) / step;
    if (!best || static_cast<std::size_t>(best_fits) * 2 < sampled) {
        out.u8(kChained);
        write_chained(out, s);
        return;
    }
    out.u8(kTicks);
    out.f64(best->base);
    out.u8(best->divide ? 1 : 0);
    out.f64(best->scale);
    // A time the clock cannot reproduce keeps the tick the series predicts there, so the
    // series stays smooth, and its time is stored as a miss from that tick's time.
    std::vector<std::int64_t> ticks(s.size());
    std::vector<Miss> misses;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!best->tick_of(s[i].t_s, ticks[i])) {
            ticks[i] = series_prediction(ticks.data(), i, 2);
            if (!(std::abs(static_cast<double>(ticks[i])) < TickClock::kMaxTick)) ticks[i] = 0;
            misses.push_back({i, ulp_distance(s[i].t_s, best->time_of(ticks[i]))});
        }
    }
    write_series(out, ticks);
    write_misses(out, misses);
}

bool read_times(ByteReader& in, std::vector<TraceSample>& s) {
    std::uint8_t kind = 0;
    if (!in.u8(kind)) return false;
    if (kind == kChained) {
        double previous = 0.0;
        for (auto& sample : s) {
            std::int64_t distance = 0;
            if (!in.signed_varint(distance)) return false;
            sample.t_s = from_ulp_distance(previous, distance);
            previous = sample.t_s;
        }
        return true;
    }
    if (kind != kTicks) return false;
    TickClock clock;
    std::uint8_t divide = 0;
    if (!in.f64(clock.base) || !in.u8(divide) || !in.f64(clock.scale) || divide > 1) return false;
    clock.divide = divide == 1;
    std::vector<std::int64_t> ticks;
    std::vector<Miss> misses;
    if (!read_series(in, s.size(), ticks) || !read_misses(in, s.size(), misses)) return false;
    for (std::size_t i = 0; i < s.size(); ++i)
        s[i].t_s = clock.time_of(ticks[i]);
    for (const Miss& m : misses)
        s[m.index].t_s = from_ulp_distance(s[m.index].t_s, m.distance);
    return true;
}

} // namespace algocore::storage::trace_codec
