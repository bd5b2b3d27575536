// Fuzzes the stored trace decoder (both formats) with arbitrary blobs: a damaged blob is
// refused with a reason and no samples, never a crash; a blob it accepts is re-encoded in the
// current format and decodes again to bit-identical samples.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "FuzzCheck.h"
#include "algocore/storage/TraceBlob.h"

using fuzzcheck::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    algocore::records::RawTrace trace;
    std::string error;
    if (!algocore::storage::decode_trace(data, size, trace, error)) {
        check(!error.empty() && error.size() < 512);
        check(trace.samples.empty());
        return 0;
    }
    // Re-encoding costs time per sample: long accepted traces are checked on their first part.
    if (trace.samples.size() > 4096) trace.samples.resize(4096);
    const auto blob = algocore::storage::encode_trace(trace);
    algocore::records::RawTrace again;
    check(algocore::storage::decode_trace(blob.data(), blob.size(), again, error));
    check(again.samples.size() == trace.samples.size());
    for (std::size_t i = 0; i < trace.samples.size(); ++i) {
        const auto& a = trace.samples[i];
        const auto& b = again.samples[i];
        check(std::memcmp(&a.t_s, &b.t_s, sizeof a.t_s) == 0);
        check(std::memcmp(&a.force_n, &b.force_n, sizeof a.force_n) == 0);
        check(std::memcmp(&a.pressure_kpa, &b.pressure_kpa, sizeof a.pressure_kpa) == 0);
        check(a.raw_counts == b.raw_counts && a.buttons == b.buttons && a.flags == b.flags);
    }
    return 0;
}
