// The compact trace format (docs/trace-format.md): every field of every sample comes back
// bit-identical, in at most 6 bytes per sample on what acquisition records, and a damaged
// blob is refused with a reason instead of crashing.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include "algocore/storage/TraceBlob.h"
#include "algotest/SimulatedTraces.h"

namespace {

using namespace algocore::storage;

std::uint64_t bits(double d) {
    std::uint64_t b = 0;
    std::memcpy(&b, &d, sizeof b);
    return b;
}

// Bit-exact comparison, so -0.0 against 0.0 or two NaN payloads would fail.
void expect_identical(const RawTrace& expected, const RawTrace& actual) {
    ASSERT_EQ(actual.samples.size(), expected.samples.size());
    int reported = 0;
    for (std::size_t i = 0; i < expected.samples.size() && reported < 5; ++i) {
        const TraceSample& e = expected.samples[i];
        const TraceSample& a = actual.samples[i];
        const bool same = bits(e.t_s) == bits(a.t_s) && e.raw_counts == a.raw_counts &&
                          bits(e.force_n) == bits(a.force_n) &&
                          bits(e.pressure_kpa) == bits(a.pressure_kpa) && e.buttons == a.buttons &&
                          e.flags == a.flags;
        if (!same) {
            ++reported;
            ADD_FAILURE() << "sample " << i << ": t " << e.t_s << "/" << a.t_s << " counts "
                          << e.raw_counts << "/" << a.raw_counts << " force " << e.force_n << "/"
                          << a.force_n << " kPa " << e.pressure_kpa << "/" << a.pressure_kpa;
        }
    }
}

// Encodes, decodes, checks the round trip and returns the bytes per sample.
double round_trip(const RawTrace& trace) {
    const auto blob = encode_trace(trace);
    RawTrace back;
    std::string error;
    EXPECT_TRUE(decode_trace(blob.data(), blob.size(), back, error)) << error;
    expect_identical(trace, back);
    return static_cast<double>(blob.size()) / static_cast<double>(trace.samples.size());
}

TEST(TraceFormat, SimulatedPptRampComesBackIdenticalInUnderThreeBytesPerSample) {
    algotest::SimulatedTraceOptions o;
    o.scenario = "ppt-ramp";
    const RawTrace trace = to_trace(algotest::simulated_native_samples(o));
    ASSERT_EQ(trace.samples.size(), 10000u);
    EXPECT_LT(round_trip(trace), 3.0);
}

TEST(TraceFormat, SimulatedHoldOnALargerProbeComesBackIdenticalInUnderThreeBytesPerSample) {
    algotest::SimulatedTraceOptions o;
    o.scenario = "sustained-hold";
    o.start_s = 4.0;
    o.duration_s = 20.0;
    o.probe_area_cm2 = 0.5;
    o.seed = 7;
    const RawTrace trace = to_trace(algotest::simulated_native_samples(o));
    EXPECT_LT(round_trip(trace), 3.0);
}

TEST(TraceFormat, LostSamplesLeaveTimeGapsThatComeBackExactly) {
    algotest::SimulatedTraceOptions o;
    o.lost_every = 700;
    o.lost_run = 37;
    const RawTrace trace = to_trace(algotest::simulated_native_samples(o));
    ASSERT_LT(trace.samples.size(), 10000u);
    // A gap really is there: one step of more than 30 periods.
    bool gap = false;
    for (std::size_t i = 1; i < trace.samples.size(); ++i)
        gap = gap || trace.samples[i].t_s - trace.samples[i - 1].t_s > 0.030;
    EXPECT_TRUE(gap);
    EXPECT_LT(round_trip(trace), 3.0);
}

TEST(TraceFormat, GaugeReadingsWithoutRawCountsComeBackIdenticalInUnderSixBytesPerSample) {
    algotest::SimulatedTraceOptions o;
    o.rate_hz = 100;
    o.duration_s = 30.0;
    const RawTrace trace = to_trace(algotest::simulated_gauge_samples(o, 2, /*jitter_us=*/400.0));
    for (const auto& s : trace.samples)
        ASSERT_EQ(s.raw_counts, 0);
    EXPECT_LT(round_trip(trace), 6.0);
}

TEST(TraceFormat, ATareTakenMidTraceOpensASegmentAndStaysExact) {
    algotest::SimulatedTraceOptions o;
    o.retare_n = 0.37;
    const auto samples = algotest::simulated_native_samples(o);
    const std::size_t half = samples.size() / 2;
    // The Calibrator really subtracted another tare from the second half.
    EXPECT_NE(samples[half].force_n - samples[half - 1].force_n,
              (samples[half].raw_counts - samples[half - 1].raw_counts) / 8000.0);
    EXPECT_LT(round_trip(to_trace(samples)), 3.0);
}

TEST(TraceFormat, ValuesNoModelExplainsStillComeBackBitExact) {
    std::mt19937_64 random(3);
    std::uniform_real_distribution<double> any(-1e6, 1e6);
    RawTrace trace;
    for (int i = 0; i < 500; ++i)
        trace.samples.push_back({any(random), static_cast<std::int32_t>(random()), any(random),
                                 any(random), static_cast<std::uint8_t>(random()),
                                 static_cast<std::uint8_t>(random())});
    trace.samples[3].force_n = std::numeric_limits<double>::quiet_NaN();
    trace.samples[4].pressure_kpa = -0.0;
    trace.samples[5].t_s = std::numeric_limits<double>::infinity();
    trace.samples[6].force_n = -std::numeric_limits<double>::infinity();
    // Worst case (every double a miss of up to ten bytes): a little over the first format's
    // 30 bytes, and still exact.
    EXPECT_LE(round_trip(trace), 40.0);
}

TEST(TraceFormat, EmptyAndOneSampleTracesRoundTrip) {
    EXPECT_EQ(encode_trace(RawTrace{}).size(), 5u);
    RawTrace back;
    std::string error;
    const auto empty = encode_trace(RawTrace{});
    ASSERT_TRUE(decode_trace(empty.data(), empty.size(), back, error)) << error;
    EXPECT_TRUE(back.samples.empty());
    RawTrace one;
    one.samples.push_back({12.5, 21500, 0.25, 2.5, 1, 4});
    round_trip(one);
}

TEST(TraceFormat, BlobsOfTheFirstFormatAreStillRead) {
    algotest::SimulatedTraceOptions o;
    o.duration_s = 1.0;
    const RawTrace trace = to_trace(algotest::simulated_native_samples(o));
    const auto old_blob = encode_trace_v1(trace);
    EXPECT_EQ(old_blob.size(), 8 + trace.samples.size() * kTraceBytesPerSampleV1);
    RawTrace back;
    std::string error;
    ASSERT_TRUE(decode_trace(old_blob.data(), old_blob.size(), back, error)) << error;
    expect_identical(trace, back);
}

TEST(TraceFormat, EveryTruncationIsRefusedWithTheSampleCountNamed) {
    algotest::SimulatedTraceOptions o;
    o.duration_s = 0.3;
    const auto blob = encode_trace(to_trace(algotest::simulated_native_samples(o)));
    // Cut inside the sample count: refused as a damaged count.
    RawTrace cut;
    std::string reason;
    EXPECT_FALSE(decode_trace(blob.data(), 5, cut, reason));
    EXPECT_NE(reason.find("sample count"), std::string::npos) << reason;
    for (std::size_t size = 6; size < blob.size(); ++size) {
        RawTrace back;
        std::string error;
        ASSERT_FALSE(decode_trace(blob.data(), size, back, error)) << size;
        EXPECT_NE(error.find("300 samples"), std::string::npos) << error;
        EXPECT_TRUE(back.samples.empty());
    }
}

TEST(TraceFormat, FlippedBytesDecodeOrAreRefusedButNeverCrash) {
    algotest::SimulatedTraceOptions o;
    o.duration_s = 0.2;
    const auto blob = encode_trace(to_trace(algotest::simulated_native_samples(o)));
    int refused = 0;
    for (std::size_t i = 0; i < blob.size(); ++i) {
        for (const std::uint8_t mask : {0x01, 0x80, 0xff}) {
            auto damaged = blob;
            damaged[i] ^= mask;
            RawTrace back;
            std::string error;
            if (!decode_trace(damaged.data(), damaged.size(), back, error)) {
                ++refused;
                EXPECT_FALSE(error.empty());
            }
        }
    }
    EXPECT_GT(refused, 0);
}

} // namespace
