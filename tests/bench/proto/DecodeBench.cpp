// Decoding a stream of SAMPLES frames: bytes/s, frames/s and heap allocations per frame.
// The decoder must not allocate: a run that sees any allocation inside the timed loop is
// reported as an error.
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <vector>

#include "algoproto/Encode.h"
#include "algoproto/Parse.h"
#include "algoproto/StreamDecoder.h"

namespace {

// Every operator new in the process goes through here; the bench reads the count before
// and after the timed loop. A global is the only way to observe the allocator.
std::atomic<std::uint64_t> g_allocations{0};

} // namespace

// GCC pairs the inlined replacement delete with the original operator new and warns that
// free() does not match it; here both sides are ours, so the warning is wrong.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

void* operator new(std::size_t size) {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size == 0 ? 1 : size)) {
        return p;
    }
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
    return operator new(size);
}
void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete[](void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    std::free(p);
}

namespace {

using namespace algoproto;

// What a host driver does per frame: parse SAMPLES and touch every count.
class SamplesSink : public FrameHandler {
public:
    void on_frame(const Frame& frame) override {
        if (frame.type != static_cast<std::uint8_t>(MessageType::Samples)) {
            return;
        }
        if (parse(frame.payload, frame.payload_size, samples_) != ParseStatus::Ok) {
            return;
        }
        for (std::size_t i = 0; i < samples_.count; ++i) {
            sum_ += samples_.counts[i];
        }
        samples_total_ += samples_.count;
    }
    std::int64_t sum_ = 0;
    std::uint64_t samples_total_ = 0;

private:
    Samples samples_;
};

// 1000 consecutive frames of `batch` samples of a noisy load-cell-like signal.
std::vector<std::uint8_t> samples_stream(std::uint8_t batch, std::size_t frames) {
    std::vector<std::uint8_t> stream;
    std::uint8_t wire[kMaxEncodedFrameBytes];
    std::uint32_t index = 0;
    std::uint32_t noise = 12345;
    for (std::size_t f = 0; f < frames; ++f) {
        Samples s;
        s.first_index = index;
        s.t0_us = index * 500u;
        s.period_us = 500;
        s.count = batch;
        for (std::size_t i = 0; i < batch; ++i) {
            noise = noise * 1103515245u + 12345u;
            s.counts[i] = static_cast<std::int32_t>((index + i) * 40) +
                          static_cast<std::int32_t>((noise >> 16) % 200) - 100;
        }
        index += batch;
        const std::size_t n = encode(s, static_cast<std::uint16_t>(f), wire, sizeof(wire));
        stream.insert(stream.end(), wire, wire + n);
    }
    return stream;
}

// Args: samples per frame, bytes per feed() call (a serial read size; 0 = whole stream).
void BM_DecodeSamplesStream(benchmark::State& state) {
    constexpr std::size_t kFrames = 1000;
    const auto batch = static_cast<std::uint8_t>(state.range(0));
    const auto chunk_arg = static_cast<std::size_t>(state.range(1));
    const auto stream = samples_stream(batch, kFrames);
    const std::size_t chunk = chunk_arg == 0 ? stream.size() : chunk_arg;

    StreamDecoder decoder;
    SamplesSink sink;
    const std::uint64_t allocations_before = g_allocations.load();
    for (auto _ : state) {
        for (std::size_t at = 0; at < stream.size(); at += chunk) {
            const std::size_t n = stream.size() - at < chunk ? stream.size() - at : chunk;
            decoder.feed(stream.data() + at, n, sink);
        }
        benchmark::DoNotOptimize(sink.sum_);
    }
    const std::uint64_t allocations = g_allocations.load() - allocations_before;

    const auto frames = static_cast<double>(state.iterations() * kFrames);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * stream.size()));
    state.counters["frames/s"] = benchmark::Counter(frames, benchmark::Counter::kIsRate);
    state.counters["allocs/frame"] = static_cast<double>(allocations) / frames;
    if (decoder.counters().frames_ok != state.iterations() * kFrames ||
        decoder.counters().crc_errors + decoder.counters().cobs_errors != 0) {
        state.SkipWithError("decoder lost frames");
    }
    if (allocations != 0) {
        state.SkipWithError("decoder allocated on the heap");
    }
}

BENCHMARK(BM_DecodeSamplesStream)
    ->ArgNames({"batch", "chunk"})
    ->Args({10, 0})
    ->Args({10, 64})
    ->Args({20, 256})
    ->Args({79, 0})
    ->Args({79, 4096});

} // namespace

BENCHMARK_MAIN();
