// algoscope-bench-trace-bytes [--traces N] [--write-seeds DIR]
// Bytes per sample of the stored trace format on simulated acquisition: PPT ramps (10 s of the
// simulator's ppt-ramp scenario: rest, ramp, signal, release), sustained holds (60 s of the
// sustained-hold scenario) and a force gauge without raw counts (100 Hz, 2 decimals in lbf,
// arrival jitter), each from its own seed. Every trace is decoded again and compared bit for
// bit; a difference fails the run. Also reports encode and decode time per sample.
// --write-seeds DIR writes short blobs of each kind (and one of the first format) as the
// starting corpus of the trace_blob_fuzz target (tests/fuzz/seeds/trace_blob_fuzz).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#include "algocore/storage/TraceBlob.h"
#include "algotest/SimulatedTraces.h"

using namespace algocore::storage;
using Clock = std::chrono::steady_clock;

namespace {

struct Tally {
    std::size_t samples = 0;
    std::size_t bytes = 0;
    double encode_s = 0.0;
    double decode_s = 0.0;
};

bool identical(const RawTrace& a, const RawTrace& b) {
    if (a.samples.size() != b.samples.size()) return false;
    for (std::size_t i = 0; i < a.samples.size(); ++i) {
        const TraceSample& x = a.samples[i];
        const TraceSample& y = b.samples[i];
        if (std::memcmp(&x.t_s, &y.t_s, 8) != 0 || std::memcmp(&x.force_n, &y.force_n, 8) != 0 ||
            std::memcmp(&x.pressure_kpa, &y.pressure_kpa, 8) != 0 || x.raw_counts != y.raw_counts ||
            x.buttons != y.buttons || x.flags != y.flags)
            return false;
    }
    return true;
}

bool measure(const RawTrace& trace, Tally& tally) {
    const auto t0 = Clock::now();
    const std::vector<std::uint8_t> blob = encode_trace(trace);
    const auto t1 = Clock::now();
    RawTrace back;
    std::string error;
    const bool ok = decode_trace(blob.data(), blob.size(), back, error);
    const auto t2 = Clock::now();
    tally.samples += trace.samples.size();
    tally.bytes += blob.size();
    tally.encode_s += std::chrono::duration<double>(t1 - t0).count();
    tally.decode_s += std::chrono::duration<double>(t2 - t1).count();
    if (!ok || !identical(trace, back)) {
        std::fprintf(stderr, "round trip failed: %s\n", error.c_str());
        return false;
    }
    return true;
}

void print(const char* name, const Tally& t, bool last) {
    const double n = static_cast<double>(t.samples);
    std::printf("  \"%s\": {\"samples\": %zu, \"bytes\": %zu, \"bytes_per_sample\": %.3f, "
                "\"encode_ns_per_sample\": %.1f, \"decode_ns_per_sample\": %.1f}%s\n",
                name, t.samples, t.bytes, static_cast<double>(t.bytes) / n, t.encode_s * 1e9 / n,
                t.decode_s * 1e9 / n, last ? "" : ",");
}

void write_file(const std::string& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
}

// Short traces of every kind the format has sections for: under the fuzzer's 4 kB.
void write_seeds(const std::string& dir) {
    algotest::SimulatedTraceOptions o;
    o.duration_s = 0.3;
    o.start_s = 3.5; // on the ramp
    const RawTrace ramp = to_trace(algotest::simulated_native_samples(o));
    write_file(dir + "/ramp.alt2", encode_trace(ramp));
    write_file(dir + "/ramp.alt1",
               encode_trace_v1(to_trace(algotest::simulated_native_samples({.duration_s = 0.02}))));
    o.lost_every = 100;
    o.lost_run = 7;
    o.retare_n = 0.2;
    write_file(dir + "/gaps-and-tare.alt2",
               encode_trace(to_trace(algotest::simulated_native_samples(o))));
    algotest::SimulatedTraceOptions gauge;
    gauge.rate_hz = 100;
    gauge.start_s = 3.0;
    gauge.duration_s = 2.0;
    write_file(dir + "/gauge.alt2",
               encode_trace(to_trace(algotest::simulated_gauge_samples(gauge, 2, 400.0))));
    RawTrace odd = ramp;
    odd.samples.resize(20);
    odd.samples[3].force_n = -0.0;
    odd.samples[5].t_s = 1e300;
    write_file(dir + "/odd-values.alt2", encode_trace(odd));
}

} // namespace

int main(int argc, char** argv) {
    int traces = 20;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::string(argv[i]) == "--traces") traces = std::atoi(argv[i + 1]);
        if (std::string(argv[i]) == "--write-seeds") {
            write_seeds(argv[i + 1]);
            return 0;
        }
    }
    if (traces <= 0) {
        std::fprintf(stderr, "--traces must be positive\n");
        return 2;
    }
    Tally ramps;
    Tally holds;
    Tally gauges;
    Tally first_format;
    for (int k = 0; k < traces; ++k) {
        algotest::SimulatedTraceOptions o;
        o.seed = static_cast<std::uint64_t>(k + 1);
        o.scenario = "ppt-ramp";
        o.duration_s = 10.0;
        const RawTrace ramp = to_trace(algotest::simulated_native_samples(o));
        if (!measure(ramp, ramps)) return 1;
        first_format.samples += ramp.samples.size();
        first_format.bytes += encode_trace_v1(ramp).size();

        o.scenario = "sustained-hold";
        o.start_s = 3.0;
        o.duration_s = 60.0;
        if (!measure(to_trace(algotest::simulated_native_samples(o)), holds)) return 1;

        o.scenario = "ppt-ramp";
        o.start_s = 0.0;
        o.duration_s = 30.0;
        o.rate_hz = 100;
        if (!measure(to_trace(algotest::simulated_gauge_samples(o, 2, 400.0)), gauges)) return 1;
    }
    std::printf("{\n");
    print("ppt_ramp_1khz", ramps, false);
    print("sustained_hold_1khz", holds, false);
    print("gauge_100hz_no_counts", gauges, false);
    print("ppt_ramp_first_format", first_format, true);
    std::printf("}\n");
    return 0;
}
